import { TestClock } from '../helpers/dialogHarness';
import { buildTestApp, type TestApp } from '../helpers/testApp';

/**
 * Signing in to the officer API over real HTTP, behind a trusted proxy so that each request can come from a
 * network of the test's choosing: one answer for every failure, whether the name exists or the account is locked;
 * a network slowed down by its own failures; an account locked only by failures from several networks.
 */

const MONDAY_MORNING = Date.UTC(2026, 10, 23, 3, 0, 0);

interface Answer {
  status: number;
  body: string;
  retryAfter: number | undefined;
}

describe('signing in', () => {
  let t: TestApp;
  let base: string;
  let clock: TestClock;

  beforeEach(async () => {
    clock = new TestClock(MONDAY_MORNING);
    t = await buildTestApp({ TRUST_PROXY: 'true' }, { now: clock.now });
    base = await t.listen();
    await t.app.officers.create({ username: 'admin', displayName: 'Administrator', role: 'admin', centres: [], password: 'the-chiefs-password-1' }, false);
    await t.app.officers.create({ username: 'cm.officer', displayName: 'สมชาย', role: 'officer', centres: ['50'], password: 'a-long-password-1' }, false);
  });
  afterEach(async () => t.close());

  const attempt = async (from: string, username: string, password: string): Promise<Answer> => {
    const res = await fetch(`${base}/api/officer/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({ username, password }),
    });
    const retryAfter = res.headers.get('retry-after');
    return { status: res.status, body: await res.text(), retryAfter: retryAfter === null ? undefined : Number(retryAfter) };
  };
  const WRONG = { status: 401, body: JSON.stringify({ error: { code: 'invalid-credentials', message: 'Wrong username or password' } }), retryAfter: undefined };

  /** Ten wrong passwords for `username`, spread over three networks (none of them slowed down yet). */
  const lockFromThreeNetworks = async (username: string) => {
    for (let i = 0; i < 10; i += 1) expect(await attempt(`198.51.100.${1 + (i % 3)}`, username, `wrong-password-${i}`)).toEqual(WRONG);
  };

  test('an unknown name, a wrong password, a disabled account and a locked one all get the same answer', async () => {
    expect(await attempt('192.0.2.1', 'admin', 'wrong-password-1')).toEqual(WRONG);
    expect(await attempt('192.0.2.2', 'nobody.here', 'wrong-password-1')).toEqual(WRONG);
    const disabled = await t.app.officers.create({ username: 'gone.officer', displayName: 'x', role: 'officer', centres: ['50'], password: 'a-long-password-9' }, false);
    await t.app.officers.update(disabled._id, { disabled: true });
    expect(await attempt('192.0.2.3', 'gone.officer', 'a-long-password-9')).toEqual(WRONG);

    await lockFromThreeNetworks('cm.officer');
    // Locked: the right password gets the answer a wrong one gets, and so does a name that does not exist.
    expect(await attempt('192.0.2.4', 'cm.officer', 'a-long-password-1')).toEqual(WRONG);
    expect(await attempt('192.0.2.5', 'no.such.name', 'a-long-password-1')).toEqual(WRONG);
    // The admins can see what happened, in the audit log.
    const audit = await t.store.collection<{ _id: string; action: string; target: string }>('audit').find({ action: 'session.locked' }).toArray();
    expect(audit.map((entry) => entry.target)).toEqual(['cm.officer', 'cm.officer']);

    // The first lock lasts a minute.
    clock.advance(59_000);
    expect(await attempt('192.0.2.4', 'cm.officer', 'a-long-password-1')).toEqual(WRONG);
    clock.advance(1_000);
    expect((await attempt('192.0.2.4', 'cm.officer', 'a-long-password-1')).status).toBe(200);
  });

  test('a stranger on one network cannot lock admin out: that network is slowed down instead, and nobody else is', async () => {
    const statuses: number[] = [];
    let failures = 0;
    for (let request = 0; request < 80 && failures < 25; request += 1) {
      const answer = await attempt('203.0.113.66', 'admin', `guess-${request}`);
      statuses.push(answer.status);
      if (answer.status === 429) {
        // Wrong passwords lock the network out until a given time; plain haste is rate-limited.
        const { error } = JSON.parse(answer.body) as { error: { code: string; details: { retryAfter: number; until?: string } } };
        expect(['locked-out', 'rate-limited']).toContain(error.code);
        expect(error.details.retryAfter).toBe(answer.retryAfter);
        if (error.code === 'locked-out') expect(Date.parse(error.details.until as string)).toBeGreaterThan(clock.now());
        expect(answer.retryAfter).toBeGreaterThan(0);
        clock.advance((answer.retryAfter as number) * 1000);
      } else {
        expect(answer).toEqual(WRONG);
        failures += 1;
      }
    }
    expect(failures).toBe(25);
    // Five free tries, then each wrong password makes the network wait: 1 s, 2 s, 4 s …
    expect(statuses.slice(0, 7)).toEqual([401, 401, 401, 401, 401, 429, 401]);
    // Another network is not held up, and admin signs in: 25 wrong passwords from one network locked nothing.
    expect(await attempt('192.0.2.10', 'cm.officer', 'wrong-password-1')).toEqual(WRONG);
    expect((await attempt('192.0.2.11', 'admin', 'the-chiefs-password-1')).status).toBe(200);
  });

  test('the waits double, and a sign-in from the network clears them', async () => {
    for (let i = 0; i < 5; i += 1) expect(await attempt('192.0.2.20', 'cm.officer', 'wrong-password-1')).toEqual(WRONG);
    const waits: Array<number | undefined> = [];
    for (let i = 0; i < 4; i += 1) {
      const refused = await attempt('192.0.2.20', 'cm.officer', 'wrong-password-1');
      expect(refused.status).toBe(429);
      waits.push(refused.retryAfter);
      clock.advance((refused.retryAfter as number) * 1000 - 1);
      expect((await attempt('192.0.2.20', 'cm.officer', 'wrong-password-1')).status).toBe(429);
      clock.advance(1);
      expect(await attempt('192.0.2.20', 'cm.officer', 'wrong-password-1')).toEqual(WRONG);
    }
    expect(waits).toEqual([1, 2, 4, 8]);
    clock.advance(16_000);
    expect((await attempt('192.0.2.20', 'cm.officer', 'a-long-password-1')).status).toBe(200);
    expect(await attempt('192.0.2.20', 'cm.officer', 'wrong-password-1')).toEqual(WRONG);
  });

  test('the addresses of one IPv6 /64 are one network', async () => {
    for (let i = 1; i <= 5; i += 1) expect(await attempt(`2001:db8:5:6::${i}`, 'cm.officer', 'wrong-password-1')).toEqual(WRONG);
    expect((await attempt('2001:db8:5:6:ffff::1', 'cm.officer', 'wrong-password-1')).status).toBe(429);
    expect(await attempt('2001:db8:5:7::1', 'cm.officer', 'wrong-password-1')).toEqual(WRONG);
  });

  test('every attempt from a network counts against its limit, right passwords too: each one costs a password hash', async () => {
    for (let i = 0; i < 10; i += 1) expect((await attempt('192.0.2.30', 'cm.officer', 'a-long-password-1')).status).toBe(200);
    const refused = await attempt('192.0.2.30', 'cm.officer', 'a-long-password-1');
    expect([refused.status, refused.retryAfter]).toEqual([429, 30]);
    expect((await attempt('192.0.2.31', 'cm.officer', 'a-long-password-1')).status).toBe(200);
  });

  test('an operator\'s reset lifts a lock at once', async () => {
    await lockFromThreeNetworks('admin');
    expect(await attempt('192.0.2.40', 'admin', 'the-chiefs-password-1')).toEqual(WRONG);
    const reset = await t.app.officers.resetPassword('admin');
    expect((await attempt('192.0.2.40', 'admin', reset!.password)).status).toBe(200);
  });
});
