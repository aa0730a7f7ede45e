import { reconnectDelay, RECONNECT_MAX_MS } from '../../handoff/web/src/logic/backoff';
import { bangkokToday, duration, formatTime, MINUTE } from '../../handoff/web/src/logic/time';

/** The officer app's timers: waiting times in words, the stream's reconnection delays, Bangkok's day. */

test.each([
  [0, { key: 'lessThanMinute' }],
  [59 * 1000, { key: 'lessThanMinute' }],
  [MINUTE, { key: 'minutes', vars: { m: 1 } }],
  [12 * MINUTE + 30 * 1000, { key: 'minutes', vars: { m: 12 } }],
  [60 * MINUTE, { key: 'hoursMinutes', vars: { h: 1, m: 0 } }],
  [(23 * 60 + 59) * MINUTE, { key: 'hoursMinutes', vars: { h: 23, m: 59 } }],
  [(26 * 60 + 5) * MINUTE, { key: 'daysHours', vars: { d: 1, h: 2 } }],
  // A clock that runs a little behind the service's never shows a negative wait.
  [-5000, { key: 'lessThanMinute' }],
])('%d ms is said as %j', (ms, said) => {
  expect(duration(ms)).toEqual(said);
});

test('reconnection waits double from 1 s to 30 s, with up to half of it as jitter', () => {
  expect([0, 1, 2, 3, 4, 5].map((attempts) => reconnectDelay(attempts, 1))).toEqual([1000, 2000, 4000, 8000, 16000, 30000]);
  expect([0, 1, 2].map((attempts) => reconnectDelay(attempts, 0))).toEqual([500, 1000, 2000]);
  expect(reconnectDelay(50, 1)).toBe(RECONNECT_MAX_MS);
});

test("messages show the time alone today, the date too before today (Bangkok's day, Buddhist era in Thai)", () => {
  const now = Date.parse('2026-11-24T03:00:00Z'); // 10:00 in Bangkok
  expect(formatTime(Date.parse('2026-11-24T01:30:00Z'), 'th', now)).toBe('08:30');
  expect(formatTime(Date.parse('2026-11-23T17:30:00Z'), 'th', now)).toBe('00:30'); // already the 24th in Bangkok
  expect(formatTime(Date.parse('2026-11-23T16:59:00Z'), 'th', now)).toBe('23 พ.ย. 2569 23:59'); // the 23rd
  expect(bangkokToday(Date.parse('2026-11-23T17:30:00Z'))).toBe('2026-11-24');
});
