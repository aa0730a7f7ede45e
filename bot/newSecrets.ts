import path from 'node:path';
import { loadConfig } from '../lib/config';
import { explicitSecrets, loadSecrets, missingSecrets, NEW_KEY_CONSEQUENCES, SECRET_VARIABLES, SECRETS_FILE } from '../lib/secrets';

/**
 * `npm run new-secrets`: creates the keys set neither in the environment nor in DATA_DIR/secrets.json, although
 * the store may already hold data. The service refuses to do that by itself; this is the operator's decision,
 * after secrets.json was lost with no backup. Keys that exist are never replaced. Prints what was created and
 * what it costs. Uses the same DATA_DIR as the service; stop the service first.
 */
function main(): void {
  const config = loadConfig();
  const explicit = explicitSecrets(config);
  const file = path.join(config.dataDir, SECRETS_FILE);
  const missing = missingSecrets(config.dataDir, explicit);
  if (missing.length === 0) {
    process.stdout.write(`Nothing to create: every key is set, in the environment or in ${file}.\n`);
    return;
  }
  loadSecrets(config.dataDir, explicit, { storeHoldsData: true, allowNewKeys: true });
  const lines = missing.map((name) => `  ${name} (${SECRET_VARIABLES[name]} when set in the environment): ${NEW_KEY_CONSEQUENCES[name]}.`);
  process.stdout.write(
    `Created new keys in ${file}. What they cost where the store already held data:\n${lines.join('\n')}\n` +
      `Back up ${file} now; the service starts with these keys.\n`,
  );
}

try {
  main();
} catch (error) {
  process.stderr.write(`new-secrets: ${(error as Error).message}\n`);
  process.exit(1);
}
