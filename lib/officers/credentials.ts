import type { Officer, OfficerAccounts } from './accounts';
import type { SessionStore } from './sessions';

/**
 * A password change and the sessions that end with it: whoever knew the old password may be signed in somewhere,
 * so every other session of the account ends. An officer's own change keeps the session that made it; a reset
 * (an admin's, or the operator's `npm run reset-password`) ends them all. Open sockets notice on their own
 * (handoff/hub.ts re-checks its session), in this process or any other sharing the store.
 */
export class Credentials {
  constructor(private readonly accounts: OfficerAccounts, private readonly sessions: SessionStore) {}

  /** The officer's own change, from the session `keepSessionKey`; throws ACCOUNT_INVALID when refused. */
  async change(officerId: string, current: string, next: string, keepSessionKey: string): Promise<void> {
    await this.accounts.changePassword(officerId, current, next);
    await this.sessions.endAll(officerId, keepSessionKey);
  }

  /** A new one-time password by account id (an admin's reset). */
  async resetById(id: string): Promise<{ officer: Officer; password: string } | undefined> {
    return this.ended(await this.accounts.resetPasswordById(id));
  }

  /** A new one-time password by username (the operator's reset at the server). */
  async resetByUsername(username: string): Promise<{ officer: Officer; password: string } | undefined> {
    return this.ended(await this.accounts.resetPassword(username));
  }

  private async ended<T extends { officer: Officer }>(reset: T | undefined): Promise<T | undefined> {
    if (reset) await this.sessions.endAll(reset.officer._id);
    return reset;
  }
}
