import { AuditLog } from '../../../lib/audit';
import { csrfMatches, SessionStore } from '../../../lib/officers/sessions';
import type { Store } from '../../../lib/store/types';
import { openTempStore } from '../../helpers/tempStore';

describe('SessionStore', () => {
  let store: Store;
  let close: () => Promise<void>;
  let now: number;
  let sessions: SessionStore;
  beforeEach(async () => {
    ({ store, close } = await openTempStore());
    now = 1_000_000;
    sessions = new SessionStore(store, () => now, { idleMs: 30 * 60_000, absoluteMs: 12 * 3600_000 });
  });
  afterEach(async () => close());

  test('a session resumes from its cookie value, and the store keeps only its hash', async () => {
    const { sessionId, session } = await sessions.start('officer-1');
    expect(await sessions.resume(sessionId)).toEqual(session);
    const stored = await store.collection('sessions').find({}).toArray();
    expect(JSON.stringify(stored)).not.toContain(sessionId);
    expect(await sessions.resume('forged')).toBeUndefined();
    expect(await sessions.resume(undefined)).toBeUndefined();
  });

  test('sessions end after 30 idle minutes, and after 12 hours however active', async () => {
    const { sessionId } = await sessions.start('officer-1');
    now += 29 * 60_000;
    expect(await sessions.resume(sessionId)).toBeDefined();
    now += 29 * 60_000;
    expect(await sessions.resume(sessionId)).toBeDefined();
    now += 31 * 60_000;
    expect(await sessions.resume(sessionId)).toBeUndefined();
    const active = await sessions.start('officer-2');
    for (let i = 0; i < 25; i += 1) {
      now += 29 * 60_000;
      await sessions.resume(active.sessionId);
    }
    expect(await sessions.resume(active.sessionId)).toBeUndefined();
    expect(await sessions.purgeExpired()).toBe(2);
  });

  test('requests close together do not each write: the last-seen time is refreshed at most once a minute', async () => {
    const { sessionId } = await sessions.start('officer-1');
    const lastSeen = async () => ((await store.collection<{ _id: string; lastSeenAt: number }>('sessions').find({}).toArray())[0]).lastSeenAt;
    const started = now;
    for (let i = 0; i < 5; i += 1) {
      now += 10_000;
      expect(await sessions.resume(sessionId)).toBeDefined();
    }
    expect(await lastSeen()).toBe(started);
    now += 10_000;
    await sessions.resume(sessionId);
    expect(await lastSeen()).toBe(now);
    // Idle for 30 minutes after that refresh: over.
    now += 30 * 60_000;
    expect(await sessions.resume(sessionId)).toBeUndefined();
  });

  test('signing out and ending all sessions of an officer', async () => {
    const a = await sessions.start('o1');
    const b = await sessions.start('o1');
    const c = await sessions.start('o2');
    await sessions.end(a.sessionId);
    expect(await sessions.resume(a.sessionId)).toBeUndefined();
    await sessions.endAll('o1');
    expect(await sessions.resume(b.sessionId)).toBeUndefined();
    expect(await sessions.resume(c.sessionId)).toBeDefined();
  });

  test('ending every other session of an officer keeps the one named', async () => {
    const kept = await sessions.start('o1');
    const other = await sessions.start('o1');
    const someoneElse = await sessions.start('o2');
    await sessions.endAll('o1', kept.session.key);
    expect(await sessions.resume(kept.sessionId)).toEqual(kept.session);
    expect(await sessions.resume(other.sessionId)).toBeUndefined();
    expect(await sessions.resume(someoneElse.sessionId)).toBeDefined();
  });

  test('a session checked by its key is not kept alive by the check, and the key does not sign in', async () => {
    const { sessionId, session } = await sessions.start('o1');
    expect(session.key).not.toBe(sessionId);
    expect(await sessions.resume(session.key)).toBeUndefined();
    for (let i = 0; i < 3; i += 1) {
      now += 9 * 60_000;
      expect(await sessions.active(session.key)).toEqual(session);
    }
    // 31 minutes without a request: the checks above did not count as use.
    now += 4 * 60_000;
    expect(await sessions.active(session.key)).toBeUndefined();
    expect(await sessions.resume(sessionId)).toBeUndefined();
  });

  test('the CSRF check is exact', async () => {
    const { session } = await sessions.start('o1');
    expect(csrfMatches(session, session.csrfToken)).toBe(true);
    expect(csrfMatches(session, `${session.csrfToken}x`)).toBe(false);
    expect(csrfMatches(session, undefined)).toBe(false);
  });
});

describe('AuditLog', () => {
  test('records who did what to what, newest first', async () => {
    const { store, close } = await openTempStore();
    let now = 1;
    const audit = new AuditLog(store, () => now);
    await audit.record('o1', 'handoff.claim', 'directline/c1');
    now = 2;
    await audit.record('o1', 'complaint.status', 'DD-2569-7K3Q9XR', { from: 'received', to: 'in_progress' });
    expect((await audit.recent({ actor: 'o1' })).map((entry) => entry.action)).toEqual(['complaint.status', 'handoff.claim']);
    expect(await audit.recent({ target: 'directline/c1' })).toHaveLength(1);
    await close();
  });
});
