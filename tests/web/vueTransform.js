// Jest's transform for the officer app's single-file components: Vue's own compiler turns the <script setup>
// and its template into one module, and TypeScript makes it CommonJS, as ts-jest does for .ts files. Styles
// live in the app's CSS files, so there is none to handle.
const { createHash } = require('node:crypto');
const { compileScript, parse } = require('@vue/compiler-sfc');
const ts = require('typescript');

module.exports = {
  process(source, filename) {
    const { descriptor, errors } = parse(source, { filename });
    if (errors.length) throw errors[0];
    const id = createHash('sha256').update(filename).digest('hex').slice(0, 8);
    const script = compileScript(descriptor, { id, inlineTemplate: true });
    const output = ts.transpileModule(script.content, {
      fileName: `${filename}.ts`,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: false },
    });
    return { code: output.outputText };
  },
  getCacheKey(source, filename) {
    return createHash('sha256').update(source).update(filename).update(require('@vue/compiler-sfc/package.json').version).digest('hex');
  },
};
