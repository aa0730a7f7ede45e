import { loadConfig } from '../lib/config';
import { OfficerAccounts } from '../lib/officers/accounts';
import { Credentials } from '../lib/officers/credentials';
import { SessionStore } from '../lib/officers/sessions';
import { openStore } from '../lib/store';

/**
 * `npm run reset-password -- <username>`: gives an officer account (the first admin included) a new one-time
 * password and lifts a lock-out, for an operator at the server's terminal. The password is printed once, on
 * the terminal; it must be changed at the next sign-in. Every session of the account ends, and its open app is
 * signed out within the stream's re-check interval. Uses the same DATA_DIR / MONGODB_URI as the service, and
 * works while it runs.
 */
async function main(): Promise<void> {
  const username = process.argv[2];
  if (!username) {
    process.stderr.write('Usage: npm run reset-password -- <username>   (the first account is "admin")\n');
    process.exit(2);
  }
  const config = loadConfig();
  const store = await openStore({ dataDir: config.dataDir, mongodbUri: config.mongodbUri });
  try {
    const reset = await new Credentials(new OfficerAccounts(store), new SessionStore(store)).resetByUsername(username);
    if (!reset) {
      process.stderr.write(`No officer account is called "${username}".\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write(`New one-time password for ${username}: ${reset.password}\n(It must be changed at the next sign-in.)\n`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`reset-password: ${(error as Error).message}\n`);
  process.exit(1);
});
