import {
  accountResponse,
  createAccountRequest,
  oneTimePasswordResponse,
  officersResponse,
  updateAccountRequest,
} from '../../lib/contract/officer';
import { isAppError } from '../../lib/errors';
import { AccountRefusal, type AccountChange, scopeOf } from '../../lib/officers/accounts';
import { Credentials } from '../../lib/officers/credentials';
import { passwordLimit, type PasswordProblem } from '../../lib/officers/passwordRules';
import { ACCOUNT_CHANGED, SESSION_ENDED } from '../hub';
import type { ResourceContext } from './context';
import { conflict, invalid, notFound, unknownCentre } from './errors';
import { officerView } from './views';

const MANAGE = 'manage accounts';

function refusal(error: unknown): never {
  if (error instanceof AccountRefusal) throw invalid(error.field, error.rule, error.message, passwordLimit(error.rule as PasswordProblem));
  throw error;
}

/** Accounts, for admins: list, create, change, reset a password. */
export function accountRoutes({ deps, router }: ResourceContext): void {
  const credentials = new Credentials(deps.accounts, deps.sessions);

  /** Centre codes from an account edit, blanks dropped; every one a centre of the directory. */
  const centresFrom = (codes: readonly string[]): string[] => {
    const kept = codes.filter((code) => code !== '');
    const unknown = kept.filter((code) => !deps.directory.centre(code));
    if (unknown.length > 0) throw unknownCentre('centres', unknown);
    return kept;
  };

  router.route({
    method: 'get',
    path: '/officers',
    access: 'admin',
    adminAction: MANAGE,
    response: officersResponse,
    handle: async () => ({ officers: (await deps.accounts.list()).map(officerView) }),
  });

  router.route({
    method: 'post',
    path: '/officers',
    access: 'admin',
    adminAction: MANAGE,
    body: createAccountRequest,
    response: oneTimePasswordResponse,
    status: 201,
    handle: async ({ caller, body }) => {
      const centres = centresFrom(body.centres);
      try {
        const { officer: created, password } = await deps.accounts.createWithOneTimePassword({ username: body.username, displayName: body.displayName, role: body.role, centres });
        await deps.audit.record(caller.officer._id, 'account.create', created._id, { role: created.role, centres: created.centres });
        return { officer: officerView(created), password };
      } catch (error) {
        if (isAppError(error, 'STORE_DUPLICATE_KEY')) throw conflict('username-taken', 'That username is taken');
        return refusal(error);
      }
    },
  });

  router.route({
    method: 'patch',
    path: '/officers/:id',
    access: 'admin',
    adminAction: MANAGE,
    body: updateAccountRequest,
    response: accountResponse,
    handle: async ({ caller, params, body }) => {
      const change: AccountChange = {
        ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
        ...(body.role !== undefined ? { role: body.role } : {}),
        ...(body.centres !== undefined ? { centres: centresFrom(body.centres) } : {}),
        ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
      };
      // Whoever makes the change stays an admin who can sign in: there is always one to undo it.
      if (params.id === caller.officer._id && ((change.role !== undefined && change.role !== 'admin') || change.disabled === true)) {
        throw conflict('own-account', 'An admin cannot disable their own account or change their own role');
      }
      const before = await deps.accounts.find(params.id);
      const updated = await deps.accounts.update(params.id, change).catch(refusal);
      if (!updated || !before) throw notFound('account');
      if (updated.disabled) await deps.sessions.endAll(updated._id);
      // Citizens in a live chat with this officer are not left talking to nobody: back to their centre's queue.
      if (updated.disabled || change.role !== undefined || change.centres !== undefined) {
        await deps.handoffs.requeueLiveChats(updated._id, updated.disabled ? 'none' : scopeOf(updated, deps.directory), caller.officer._id);
      }
      // Its open stream was given the old scope (or belongs to a disabled account): the app reconnects, or is signed out.
      if (updated.disabled) deps.hub.disconnect(updated._id, SESSION_ENDED);
      else if (change.disabled !== undefined || change.role !== undefined || change.centres !== undefined) deps.hub.disconnect(updated._id, ACCOUNT_CHANGED);
      const fields = (['centres', 'disabled', 'displayName', 'role'] as const).filter((field) => change[field] !== undefined);
      const added = updated.centres.filter((code) => !before.centres.includes(code));
      const removed = before.centres.filter((code) => !updated.centres.includes(code));
      await deps.audit.record(caller.officer._id, 'account.update', updated._id, {
        fields: [...fields],
        ...(before.role !== updated.role ? { role: { from: before.role, to: updated.role } } : {}),
        ...(added.length > 0 || removed.length > 0 ? { centres: { added, removed } } : {}),
        ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
      });
      return { officer: officerView(updated) };
    },
  });

  router.route({
    method: 'post',
    path: '/officers/:id/password',
    access: 'admin',
    adminAction: MANAGE,
    response: oneTimePasswordResponse,
    handle: async ({ caller, params }) => {
      // The old password may be known to someone else: every session that used it ends.
      const reset = await credentials.resetById(params.id);
      if (!reset) throw notFound('account');
      deps.hub.disconnect(reset.officer._id, SESSION_ENDED);
      await deps.audit.record(caller.officer._id, 'account.resetPassword', reset.officer._id);
      return { officer: officerView(reset.officer), password: reset.password };
    },
  });
}
