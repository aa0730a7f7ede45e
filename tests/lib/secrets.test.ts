import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../lib/errors';
import { loadSecrets, missingSecrets, SECRETS_FILE } from '../../lib/secrets';
import { makeTempDir } from '../helpers/tempDir';

describe('loadSecrets', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  test('generates strong secrets on first start, keeps them private, and reuses them', () => {
    const first = loadSecrets(dir, {});
    expect(first.directLineSecret.length).toBeGreaterThanOrEqual(40);
    expect(first.tokenSigningKey).not.toBe(first.directLineSecret);
    const file = path.join(dir, SECRETS_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSecrets(dir, {})).toEqual(first);
  });

  test('explicit values win over the file', () => {
    const explicit = { directLineSecret: 'a'.repeat(40), tokenSigningKey: 'b'.repeat(40) };
    expect(loadSecrets(dir, explicit)).toMatchObject(explicit);
    const mixed = loadSecrets(dir, { directLineSecret: 'c'.repeat(40) });
    expect(mixed.directLineSecret).toBe('c'.repeat(40));
    expect(mixed.tokenSigningKey).toBe(loadSecrets(dir, {}).tokenSigningKey);
  });

  test('a file from an older version gains the secrets it lacks and keeps the others', () => {
    const file = path.join(dir, SECRETS_FILE);
    const old = { directLineSecret: 'd'.repeat(43), tokenSigningKey: 't'.repeat(43), createdAt: '2026-01-01T00:00:00.000Z' };
    fs.writeFileSync(file, JSON.stringify(old));
    const secrets = loadSecrets(dir, {});
    expect(secrets).toMatchObject({ directLineSecret: old.directLineSecret, tokenSigningKey: old.tokenSigningKey });
    expect(secrets.hashingKey.length).toBeGreaterThanOrEqual(40);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ ...old, hashingKey: secrets.hashingKey });
  });

  test('a damaged file stops start-up and is left untouched', () => {
    const file = path.join(dir, SECRETS_FILE);
    fs.writeFileSync(file, '{"directLineSecret": "trunc');
    let thrown: unknown;
    try {
      loadSecrets(dir, {});
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('DATA_DIR_UNUSABLE');
    expect((thrown as AppError).message).toContain('is damaged');
    expect(fs.readFileSync(file, 'utf8')).toBe('{"directLineSecret": "trunc');
  });

  test('a data directory that cannot be written is a clear error', () => {
    const notADirectory = path.join(dir, 'file');
    fs.writeFileSync(notADirectory, 'x');
    expect(() => loadSecrets(notADirectory, {})).toThrow(/Cannot (read|write)/);
  });

  describe('beside a store that already holds data', () => {
    const inUse = { storeHoldsData: true };
    const refusal = (run: () => unknown): AppError => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        return error as AppError;
      }
      throw new Error('expected a refusal');
    };

    test('a missing file is refused, and no file is created', () => {
      const error = refusal(() => loadSecrets(dir, {}, inUse));
      expect(error.code).toBe('SECRETS_MISSING');
      expect(error.message).toContain(`${path.join(dir, SECRETS_FILE)} is missing, but the store already holds data`);
      expect(error.message).toContain('set HASHING_KEY, TOKEN_SIGNING_KEY, DIRECTLINE_SECRET to the keys in use');
      expect(error.message).toContain('npm run new-secrets');
      expect(fs.readdirSync(dir)).toEqual([]);
    });

    test('a file without the hashing key is refused and left as it was', () => {
      const file = path.join(dir, SECRETS_FILE);
      const text = JSON.stringify({ directLineSecret: 'd'.repeat(43), tokenSigningKey: 't'.repeat(43) });
      fs.writeFileSync(file, text);
      const error = refusal(() => loadSecrets(dir, {}, inUse));
      expect(error.message).toContain(`${file} has no hashingKey, but the store already holds data`);
      expect(error.message).toContain('no stored tracking check or keyed hash would match again');
      expect(error.message).not.toContain('chat session');
      expect(fs.readFileSync(file, 'utf8')).toBe(text);
    });

    test('keys given in the environment count as present, and are never written to the file', () => {
      const explicit = { directLineSecret: 'a'.repeat(40), tokenSigningKey: 'b'.repeat(40), hashingKey: 'c'.repeat(40) };
      expect(loadSecrets(dir, explicit, inUse)).toEqual(explicit);
      expect(fs.existsSync(path.join(dir, SECRETS_FILE))).toBe(false);
      // Half in the environment, half in the file: nothing is missing.
      fs.writeFileSync(path.join(dir, SECRETS_FILE), JSON.stringify({ tokenSigningKey: 't'.repeat(43) }));
      expect(missingSecrets(dir, { directLineSecret: explicit.directLineSecret, hashingKey: explicit.hashingKey })).toEqual([]);
      expect(loadSecrets(dir, { directLineSecret: explicit.directLineSecret, hashingKey: explicit.hashingKey }, inUse).tokenSigningKey).toBe('t'.repeat(43));
    });

    test('the operator may create the missing keys; existing ones are kept', () => {
      const file = path.join(dir, SECRETS_FILE);
      fs.writeFileSync(file, JSON.stringify({ directLineSecret: 'd'.repeat(43), tokenSigningKey: 't'.repeat(43) }));
      expect(missingSecrets(dir, {})).toEqual(['hashingKey']);
      const secrets = loadSecrets(dir, {}, { ...inUse, allowNewKeys: true });
      expect(secrets).toMatchObject({ directLineSecret: 'd'.repeat(43), tokenSigningKey: 't'.repeat(43) });
      expect(secrets.hashingKey.length).toBeGreaterThanOrEqual(40);
      expect(loadSecrets(dir, {}, inUse)).toEqual(secrets);
    });
  });
});
