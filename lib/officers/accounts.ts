import { randomBytes } from 'node:crypto';
import type { CentreDirectory } from '../centres';
import { removeBidiControls } from '../bidiControls';
import { AppError, isAppError } from '../errors';
import type { Collection, IndexSpec, Store } from '../store/types';
import { DEFAULT_LOCKOUT, type LockoutPolicy, lockFor, networkTag } from './lockout';
import { centresProblem, MAX_DISPLAY_NAME_LENGTH, type PoliteEnding, ROLES, type Role, USERNAME_PATTERN } from './accountRules';
import { DEFAULT_SCRYPT_COST, generatePassword, hashPassword, type ScryptCost, verifyPassword } from './passwords';
import { type PasswordProblem, passwordProblem } from './passwordRules';

/**
 * Officer accounts and their scope. Roles: an officer works for their own centre(s); a supervisor for a
 * province and its districts; an admin for every centre, and edits content and accounts. Repeated failed
 * sign-ins from several networks lock an account for a while (lockout.ts); a failed sign-in takes the same time
 * whether the user exists, is disabled or is locked, and the caller answers them all alike.
 */

export const OFFICERS_COLLECTION = 'officers';
/** Signing in by username. */
export const OFFICER_INDEXES: readonly IndexSpec[] = [{ collection: OFFICERS_COLLECTION, keys: { username: 1 }, options: { unique: true } }];
export { ROLES, type Role } from './accountRules';

export interface OfficerDocument {
  _id: string;
  /** Lower case, unique. */
  username: string;
  displayName: string;
  role: Role;
  /** Centre codes: an officer's centres; a supervisor's province codes. Empty for admins. */
  centres: string[];
  passwordHash: string;
  mustChangePassword: boolean;
  failedSignIns: number;
  /** Tags of the networks those failures came from (lockout.ts); absent on accounts older than it. */
  failedFrom?: string[];
  lockedUntil: number;
  /** Locks since the last successful sign-in: each one lasts longer. */
  locksInARow?: number;
  disabled: boolean;
  /** The officer's own setting (ค่ะ or ครับ) for canned answers; absent until they choose. */
  politeEnding?: PoliteEnding;
  createdAt: number;
  updatedAt: number;
}

export type Officer = Omit<OfficerDocument, 'passwordHash' | 'failedSignIns' | 'failedFrom' | 'lockedUntil' | 'locksInARow'>;

/** What an admin may change on an existing account. */
export interface AccountChange {
  displayName?: string;
  role?: Role;
  centres?: string[];
  /** A disabled account cannot sign in; its owner is treated as signed out everywhere. */
  disabled?: boolean;
}

/**
 * A refused account change or password, with the field and the rule it breaks, so that an API can say which
 * (the officer API's `validation` details) without reading the message.
 */
export class AccountRefusal extends AppError {
  constructor(readonly field: string, readonly rule: 'format' | 'one-of' | 'centres-required' | 'required' | PasswordProblem | 'wrong-password', message: string) {
    super('ACCOUNT_INVALID', message);
  }
}

export type SignInResult = { ok: true; officer: Officer } | { ok: false; reason: 'invalid' | 'locked'; lockedUntil?: number };

const USERNAME = USERNAME_PATTERN;

/**
 * A username as typed, in the form it is stored and looked up in. Bidirectional controls, which a username
 * copied from a document can carry unseen, are removed rather than refused.
 */
function usernameOf(raw: string): string {
  return removeBidiControls(raw).trim().toLowerCase();
}

/** A display name as shown to officers: without bidirectional controls, which could make it read as another. */
function displayNameOf(raw: string): string {
  return removeBidiControls(raw).trim().slice(0, MAX_DISPLAY_NAME_LENGTH);
}

function publicView(document: OfficerDocument): Officer {
  const { passwordHash: _hash, failedSignIns: _failures, failedFrom: _from, lockedUntil: _locked, locksInARow: _locks, ...officer } = document;
  return officer;
}

const NAME_CACHE_MS = 60_000;
const NAME_CACHE_LIMIT = 10_000;

export class OfficerAccounts {
  private readonly names = new Map<string, { name: string | undefined; at: number }>();
  private readonly officers: Collection<OfficerDocument>;
  /** Compared against when the user does not exist, so that a wrong username costs what a wrong password does. */
  private dummyHash: Promise<string> | undefined;

  /**
   * `hashCost`: what new password hashes cost (the default unless given). Tests of the lock-out rules, which sign in
   * dozens of times, pass a cheaper one so that they do not time out on a busy machine; the rules are the same.
   */
  constructor(
    store: Store,
    private readonly now: () => number = Date.now,
    private readonly lockout: LockoutPolicy = DEFAULT_LOCKOUT,
    private readonly hashCost: Readonly<ScryptCost> = DEFAULT_SCRYPT_COST,
  ) {
    this.officers = store.collection<OfficerDocument>(OFFICERS_COLLECTION);
  }

  /**
   * On first start: creates the `admin` account with a one-time password, returned once so that the operator
   * can be shown it; the admin must change it at first sign-in. Does nothing if any admin exists.
   */
  async createFirstAdmin(): Promise<{ username: string; password: string } | undefined> {
    if (await this.officers.findOne({ role: 'admin' })) return undefined;
    const password = generatePassword();
    try {
      await this.create({ username: 'admin', displayName: 'Administrator', role: 'admin', centres: [], password }, true);
    } catch (error) {
      // Another instance created it at the same moment.
      if (isAppError(error, 'STORE_DUPLICATE_KEY')) return undefined;
      throw error;
    }
    return { username: 'admin', password };
  }

  async create(input: { username: string; displayName: string; role: Role; centres: string[]; password: string }, mustChangePassword = true): Promise<Officer> {
    const username = usernameOf(input.username);
    if (!USERNAME.test(username)) throw new AccountRefusal('username', 'format', 'A username is 3–32 lower-case letters, digits, dots, dashes or underscores');
    if (!(ROLES as readonly string[]).includes(input.role)) throw new AccountRefusal('role', 'one-of', 'Unknown role');
    if (centresProblem(input.role, input.centres)) throw new AccountRefusal('centres', 'centres-required', 'An officer or supervisor needs at least one centre');
    const problem = passwordProblem(input.password, username);
    if (problem) throw new AccountRefusal('password', problem, `Password refused: ${problem}`);
    const now = this.now();
    const document: OfficerDocument = {
      _id: randomBytes(12).toString('base64url'),
      username,
      displayName: displayNameOf(input.displayName) || username,
      role: input.role,
      centres: input.role === 'admin' ? [] : [...new Set(input.centres)],
      passwordHash: await hashPassword(input.password, this.hashCost),
      mustChangePassword,
      failedSignIns: 0,
      lockedUntil: 0,
      disabled: false,
      createdAt: now,
      updatedAt: now,
    };
    await this.officers.insertOne(document);
    return publicView(document);
  }

  /**
   * An operator's recovery (`npm run reset-password -- <username>`): a new one-time password, to be changed at
   * the next sign-in; a lock-out is lifted. Undefined when there is no such account. Ending the account's
   * sessions is the caller's part (credentials.ts).
   */
  async resetPassword(usernameRaw: string): Promise<{ officer: Officer; password: string } | undefined> {
    const username = usernameOf(usernameRaw);
    const password = generatePassword();
    const updated = await this.officers.findOneAndUpdate(
      { username },
      { $set: { passwordHash: await hashPassword(password, this.hashCost), mustChangePassword: true, failedSignIns: 0, failedFrom: [], lockedUntil: 0, locksInARow: 0, updatedAt: this.now() } },
      { returnDocument: 'after' },
    );
    return updated ? { officer: publicView(updated), password } : undefined;
  }

  /**
   * An admin's change to an account: its display name, role, centres, or whether it may sign in. The same rules
   * as for a new account (an officer or supervisor has at least one centre; an admin none). Undefined when
   * there is no such account.
   */
  async update(id: string, change: AccountChange): Promise<Officer | undefined> {
    const document = await this.officers.findOne({ _id: id });
    if (!document) return undefined;
    const role = change.role ?? document.role;
    if (!(ROLES as readonly string[]).includes(role)) throw new AccountRefusal('role', 'one-of', 'Unknown role');
    const centres = role === 'admin' ? [] : [...new Set(change.centres ?? document.centres)];
    if (centresProblem(role, centres)) throw new AccountRefusal('centres', 'centres-required', 'An officer or supervisor needs at least one centre');
    const set: Partial<OfficerDocument> = { role, centres, updatedAt: this.now() };
    if (change.displayName !== undefined) {
      const displayName = displayNameOf(change.displayName);
      if (!displayName) throw new AccountRefusal('displayName', 'required', 'A display name cannot be empty');
      set.displayName = displayName;
    }
    if (change.disabled !== undefined) set.disabled = change.disabled;
    const updated = await this.officers.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after' });
    this.names.delete(id);
    return updated ? publicView(updated) : undefined;
  }

  /** An admin's reset of another officer's password, by account id: like resetPassword. */
  async resetPasswordById(id: string): Promise<{ officer: Officer; password: string } | undefined> {
    const document = await this.officers.findOne({ _id: id });
    return document ? this.resetPassword(document.username) : undefined;
  }

  /** An account for a new officer with a one-time password, to be changed at first sign-in. */
  async createWithOneTimePassword(input: { username: string; displayName: string; role: Role; centres: string[] }): Promise<{ officer: Officer; password: string }> {
    const password = generatePassword();
    return { officer: await this.create({ ...input, password }, true), password };
  }

  async list(): Promise<Officer[]> {
    return (await this.officers.find({}, { sort: { username: 1 }, limit: 1000 }).toArray()).map(publicView);
  }

  /**
   * An officer's display name for queue items and transcripts, read at most once a minute per officer: a page of
   * the queue names up to 200 officers, and names change rarely.
   */
  async displayName(id: string): Promise<string | undefined> {
    const cached = this.names.get(id);
    const now = this.now();
    if (cached && now - cached.at < NAME_CACHE_MS) return cached.name;
    // A disabled account still names its past work: the history keeps saying who answered or closed.
    const name = (await this.officers.findOne({ _id: id }))?.displayName;
    if (this.names.size >= NAME_CACHE_LIMIT) this.names.clear();
    this.names.set(id, { name, at: now });
    return name;
  }

  /**
   * Whether any enabled account works for the centre: one of its officers, or a supervisor of its province (the
   * inverse of scopeOf). Admins are not counted: they run the service for every centre and staff none of them.
   */
  async staffs(centreCode: string, directory: CentreDirectory): Promise<boolean> {
    const centre = directory.centre(centreCode);
    const province = centre ? directory.provinceOf(centre)?.code : undefined;
    const found = await this.officers.findOne({
      disabled: false,
      $or: [{ role: 'officer', centres: centreCode }, { role: 'supervisor', centres: { $in: province ? [centreCode, province] : [centreCode] } }],
    });
    return found !== null;
  }

  /** An account by id, enabled or not (an admin's view of it). */
  async find(id: string): Promise<Officer | undefined> {
    const document = await this.officers.findOne({ _id: id });
    return document ? publicView(document) : undefined;
  }

  async get(id: string): Promise<Officer | undefined> {
    const document = await this.officers.findOne({ _id: id });
    return document && !document.disabled ? publicView(document) : undefined;
  }

  /** `network` is where the attempt came from (the sign-in route's client network): failures from one network alone never lock. */
  async signIn(usernameRaw: string, password: string, network = 'unknown'): Promise<SignInResult> {
    const username = usernameOf(String(usernameRaw)).slice(0, 64);
    const document = USERNAME.test(username) ? await this.officers.findOne({ username }) : null;
    if (!document || document.disabled) {
      this.dummyHash ??= hashPassword(generatePassword(), this.hashCost);
      await verifyPassword(String(password), await this.dummyHash);
      return { ok: false, reason: 'invalid' };
    }
    const now = this.now();
    // Checked even when locked: a locked account takes the time any other failure takes.
    const matches = await verifyPassword(String(password), document.passwordHash);
    if (document.lockedUntil > now) return { ok: false, reason: 'locked', lockedUntil: document.lockedUntil };
    if (matches) {
      await this.officers.updateOne({ _id: document._id }, { $set: { failedSignIns: 0, failedFrom: [], lockedUntil: 0, locksInARow: 0 } });
      return { ok: true, officer: publicView(document) };
    }
    const counted = await this.officers.findOneAndUpdate(
      { _id: document._id },
      { $inc: { failedSignIns: 1 }, $addToSet: { failedFrom: networkTag(network) } },
      { returnDocument: 'after' },
    );
    const locksInARow = counted?.locksInARow ?? 0;
    const lockMs = lockFor(counted?.failedSignIns ?? 0, counted?.failedFrom?.length ?? 0, locksInARow, this.lockout);
    if (lockMs !== undefined) {
      const lockedUntil = now + lockMs;
      await this.officers.updateOne({ _id: document._id }, { $set: { lockedUntil, failedSignIns: 0, failedFrom: [], locksInARow: locksInARow + 1 } });
      return { ok: false, reason: 'locked', lockedUntil };
    }
    return { ok: false, reason: 'invalid' };
  }

  /** The officer's own polite ending for canned answers. Undefined when there is no such (enabled) account. */
  async setPoliteEnding(id: string, politeEnding: PoliteEnding): Promise<Officer | undefined> {
    const updated = await this.officers.findOneAndUpdate({ _id: id, disabled: false }, { $set: { politeEnding, updatedAt: this.now() } }, { returnDocument: 'after' });
    this.names.delete(id);
    return updated ? publicView(updated) : undefined;
  }

  async changePassword(id: string, current: string, next: string): Promise<void> {
    const document = await this.officers.findOne({ _id: id });
    if (!document || !(await verifyPassword(current, document.passwordHash))) throw new AccountRefusal('current', 'wrong-password', 'The current password is wrong');
    const problem = passwordProblem(next, document.username);
    if (problem) throw new AccountRefusal('next', problem, `Password refused: ${problem}`);
    if (await verifyPassword(next, document.passwordHash)) throw new AccountRefusal('next', 'same-as-before', 'Password refused: same-as-before');
    await this.officers.updateOne({ _id: id }, { $set: { passwordHash: await hashPassword(next, this.hashCost), mustChangePassword: false, updatedAt: this.now() } });
  }
}

/**
 * The centres an officer may see and act on: 'all' for admins; a supervisor's provinces with all their
 * districts; an officer's own centres.
 */
export function scopeOf(officer: Pick<Officer, 'role' | 'centres'>, directory: CentreDirectory): readonly string[] | 'all' {
  if (officer.role === 'admin') return 'all';
  if (officer.role === 'officer') return officer.centres;
  const codes = new Set<string>();
  for (const province of officer.centres) {
    codes.add(province);
    for (const district of directory.districtsOf(province, 'th')) codes.add(district.code);
  }
  return [...codes];
}
