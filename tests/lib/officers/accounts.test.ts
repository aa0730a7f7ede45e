import { CentreDirectory } from '../../../lib/centres';
import { OfficerAccounts, scopeOf } from '../../../lib/officers/accounts';
import { DEFAULT_LOCKOUT } from '../../../lib/officers/lockout';
import { DEFAULT_SCRYPT_COST, generatePassword, hashPassword, passwordProblem, verifyPassword } from '../../../lib/officers/passwords';
import { ensureIndexes } from '../../../lib/store/indexes';
import { SERVICE_INDEXES } from '../../../bot/indexes';
import type { Store } from '../../../lib/store/types';
import { openTempStore } from '../../helpers/tempStore';

describe('passwords', () => {
  test('scrypt hashes verify, are salted, and reject everything else', async () => {
    const hash = await hashPassword('รหัสผ่านยาวพอสมควร-123');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword('รหัสผ่านยาวพอสมควร-123', hash)).toBe(true);
    expect(await verifyPassword('รหัสผ่านยาวพอสมควร-124', hash)).toBe(false);
    expect(await hashPassword('รหัสผ่านยาวพอสมควร-123')).not.toBe(hash);
    expect(await verifyPassword('x'.repeat(10_000), hash)).toBe(false);
    expect(await verifyPassword('anything', 'md5$abc')).toBe(false);
  });

  test('a hash names its cost, and verifying reads it: one made cheaper still verifies, and only its own password', async () => {
    const cheap = await hashPassword('รหัสผ่านยาวพอสมควร-123', { n: 2 ** 10, r: 8, p: 1 });
    expect(cheap).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword('รหัสผ่านยาวพอสมควร-123', cheap)).toBe(true);
    expect(await verifyPassword('รหัสผ่านยาวพอสมควร-124', cheap)).toBe(false);
  });

  test('policy: long enough, not containing the username; one-time passwords are strong', () => {
    expect(passwordProblem('short', 'somchai')).toBe('too-short');
    expect(passwordProblem('my-name-is-somchai-ok', 'somchai')).toBe('contains-username');
    expect(passwordProblem('correct horse battery', 'somchai')).toBeUndefined();
    const generated = new Set(Array.from({ length: 100 }, generatePassword));
    expect(generated.size).toBe(100);
    for (const password of generated) expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
  });
});

/*
 * The lock-out tests sign in dozens of times; at the production cost each check takes tens of milliseconds alone and
 * far more on a busy machine, so these accounts hash at a cheaper cost. What is checked (answers, locks, their
 * lengths) does not depend on it; the production cost is checked above and in the first test below.
 */
const TEST_COST = { n: 2 ** 10, r: 8, p: 1 };

describe('OfficerAccounts', () => {
  let store: Store;
  let close: () => Promise<void>;
  let now: number;
  let accounts: OfficerAccounts;
  beforeEach(async () => {
    ({ store, close } = await openTempStore());
    await ensureIndexes(store, SERVICE_INDEXES);
    now = 1_000_000;
    accounts = new OfficerAccounts(store, () => now, DEFAULT_LOCKOUT, TEST_COST);
  });
  afterEach(async () => close());

  test('accounts are hashed at the production cost unless told otherwise', async () => {
    const production = new OfficerAccounts(store, () => now);
    const officer = await production.create({ username: 'somchai', displayName: 'สมชาย', role: 'officer', centres: ['50'], password: 'correct horse battery' });
    const { n, r, p } = DEFAULT_SCRYPT_COST;
    expect((await store.collection<{ _id: string; passwordHash: string }>('officers').findOne({ _id: officer._id }))?.passwordHash).toMatch(new RegExp(`^scrypt\\$${n}\\$${r}\\$${p}\\$`));
    const cheap = await accounts.create({ username: 'somsri', displayName: 'สมศรี', role: 'officer', centres: ['50'], password: 'correct horse battery' });
    expect((await store.collection<{ _id: string; passwordHash: string }>('officers').findOne({ _id: cheap._id }))?.passwordHash).toMatch(/^scrypt\$1024\$8\$1\$/);
  });

  test('the first start creates one admin with a one-time password that must be changed', async () => {
    const first = await accounts.createFirstAdmin();
    expect(first?.username).toBe('admin');
    expect(await accounts.createFirstAdmin()).toBeUndefined();
    const signedIn = await accounts.signIn('ADMIN', first!.password);
    expect(signedIn).toMatchObject({ ok: true, officer: { username: 'admin', role: 'admin', mustChangePassword: true } });
    expect(JSON.stringify(signedIn)).not.toContain('passwordHash');
  });

  test('a wrong username and a wrong password get the same answer', async () => {
    await accounts.create({ username: 'somchai', displayName: 'สมชาย', role: 'officer', centres: ['50'], password: 'correct horse battery' });
    expect(await accounts.signIn('somchai', 'wrong horse battery')).toEqual({ ok: false, reason: 'invalid' });
    expect(await accounts.signIn('nobody', 'wrong horse battery')).toEqual({ ok: false, reason: 'invalid' });
  });

  test('failures from one network never lock the account, however many', async () => {
    await accounts.create({ username: 'somchai', displayName: 'สมชาย', role: 'officer', centres: ['50'], password: 'correct horse battery' });
    for (let i = 0; i < 30; i += 1) expect(await accounts.signIn('somchai', 'nope nope nope', '203.0.113.9')).toEqual({ ok: false, reason: 'invalid' });
    expect((await accounts.signIn('somchai', 'correct horse battery', '203.0.113.9')).ok).toBe(true);
  });

  test('ten failures from three networks lock the account, even for the right password: one minute, then twice as long each time in a row', async () => {
    await accounts.create({ username: 'somchai', displayName: 'สมชาย', role: 'officer', centres: ['50'], password: 'correct horse battery' });
    const fail = async (times: number) => {
      const results = [];
      for (let i = 0; i < times; i += 1) results.push(await accounts.signIn('somchai', 'nope nope nope', ['198.51.100.1', '198.51.100.2', '2001:db8:7::/64'][i % 3]));
      return results;
    };
    expect((await fail(9)).every((result) => result.ok === false && result.reason === 'invalid')).toBe(true);
    expect(await fail(1)).toEqual([{ ok: false, reason: 'locked', lockedUntil: now + 60_000 }]);
    expect(await accounts.signIn('somchai', 'correct horse battery', '198.51.100.1')).toEqual({ ok: false, reason: 'locked', lockedUntil: now + 60_000 });
    now += 60_000;
    expect((await fail(10)).at(-1)).toEqual({ ok: false, reason: 'locked', lockedUntil: now + 120_000 });
    now += 120_000;
    expect((await fail(10)).at(-1)).toEqual({ ok: false, reason: 'locked', lockedUntil: now + 240_000 });
    // A reset lifts the lock and starts the count afresh; so does a successful sign-in.
    const reset = await accounts.resetPassword('somchai');
    expect((await accounts.signIn('somchai', reset!.password, '198.51.100.1')).ok).toBe(true);
    expect((await fail(10)).at(-1)).toEqual({ ok: false, reason: 'locked', lockedUntil: now + 60_000 });
    now += 60_000;
    expect((await accounts.signIn('somchai', reset!.password, '198.51.100.1')).ok).toBe(true);
    expect((await fail(10)).at(-1)).toEqual({ ok: false, reason: 'locked', lockedUntil: now + 60_000 });
  });

  test('the lock never grows past 15 minutes, and the account keeps no client address', async () => {
    const officer = await accounts.create({ username: 'somchai', displayName: 'สมชาย', role: 'officer', centres: ['50'], password: 'correct horse battery' });
    let last;
    for (let lock = 0; lock < 8; lock += 1) {
      for (let i = 0; i < 10; i += 1) last = await accounts.signIn('somchai', 'nope nope nope', `192.0.2.${i % 4}`);
      now = (last as { lockedUntil: number }).lockedUntil;
    }
    const before = now;
    for (let i = 0; i < 10; i += 1) last = await accounts.signIn('somchai', 'nope nope nope', `192.0.2.${i % 4}`);
    expect((last as { lockedUntil: number }).lockedUntil - before).toBe(15 * 60_000);
    await accounts.signIn('somchai', 'nope nope nope', '192.0.2.77');
    const stored = JSON.stringify(await store.collection('officers').findOne({ _id: officer._id }));
    expect(stored).not.toMatch(/192\.0\.2/);
  });

  test('usernames are unique and well-formed; officers need a centre; passwords follow the policy', async () => {
    await accounts.create({ username: 'somchai', displayName: 'สมชาย', role: 'officer', centres: ['50'], password: 'correct horse battery' });
    await expect(accounts.create({ username: 'Somchai', displayName: 'x', role: 'officer', centres: ['50'], password: 'correct horse battery 2' })).rejects.toMatchObject({ code: 'STORE_DUPLICATE_KEY' });
    await expect(accounts.create({ username: 'a b', displayName: 'x', role: 'officer', centres: ['50'], password: 'correct horse battery' })).rejects.toMatchObject({ code: 'ACCOUNT_INVALID' });
    await expect(accounts.create({ username: 'nocentre', displayName: 'x', role: 'officer', centres: [], password: 'correct horse battery' })).rejects.toMatchObject({ code: 'ACCOUNT_INVALID' });
    await expect(accounts.create({ username: 'weak', displayName: 'x', role: 'officer', centres: ['50'], password: 'short' })).rejects.toMatchObject({ code: 'ACCOUNT_INVALID' });
  });

  test('changing the password needs the current one and clears the must-change flag', async () => {
    const officer = await accounts.create({ username: 'somchai', displayName: 'สมชาย', role: 'officer', centres: ['50'], password: 'correct horse battery' });
    await expect(accounts.changePassword(officer._id, 'wrong', 'a brand new passphrase')).rejects.toMatchObject({ code: 'ACCOUNT_INVALID' });
    await expect(accounts.changePassword(officer._id, 'correct horse battery', 'correct horse battery')).rejects.toMatchObject({ code: 'ACCOUNT_INVALID' });
    await accounts.changePassword(officer._id, 'correct horse battery', 'a brand new passphrase');
    expect(await accounts.signIn('somchai', 'a brand new passphrase')).toMatchObject({ ok: true, officer: { mustChangePassword: false } });
  });
});

describe('scopeOf', () => {
  const directory = CentreDirectory.fromBundledData();
  test('officer: own centres; supervisor: a province and its districts; admin: everything', () => {
    expect(scopeOf({ role: 'officer', centres: ['5001'] }, directory)).toEqual(['5001']);
    const chiangMai = scopeOf({ role: 'supervisor', centres: ['50'] }, directory) as string[];
    expect(chiangMai).toContain('50');
    expect(chiangMai).toContain('5001');
    expect(chiangMai).toContain('5015');
    expect(chiangMai).not.toContain('5701');
    expect(chiangMai.length).toBe(1 + directory.districtsOf('50', 'th').length);
    expect(scopeOf({ role: 'admin', centres: [] }, directory)).toBe('all');
  });
});
