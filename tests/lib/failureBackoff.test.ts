import { FailureBackoff } from '../../lib/failureBackoff';

describe('FailureBackoff', () => {
  let now: number;
  let backoff: FailureBackoff;
  beforeEach(() => {
    now = 1_000_000;
    backoff = new FailureBackoff({ freeFailures: 3, firstDelayMs: 1000, maxDelayMs: 8000, forgetAfterMs: 60_000 }, () => now);
  });

  test('free failures, then a wait that doubles up to the ceiling', () => {
    const waits: number[] = [];
    for (let failure = 0; failure < 8; failure += 1) {
      backoff.failed('a');
      waits.push(backoff.waitMs('a'));
      now += backoff.waitMs('a');
    }
    expect(waits).toEqual([0, 0, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  test('the wait counts down with time; keys are apart; a success clears the key', () => {
    for (let failure = 0; failure < 4; failure += 1) backoff.failed('a');
    expect(backoff.waitMs('a')).toBe(2000);
    now += 1500;
    expect(backoff.waitMs('a')).toBe(500);
    expect(backoff.waitMs('b')).toBe(0);
    backoff.succeeded('a');
    expect(backoff.waitMs('a')).toBe(0);
    backoff.failed('a');
    expect(backoff.waitMs('a')).toBe(0);
  });

  test('a key with no failure for a while starts afresh', () => {
    for (let failure = 0; failure < 6; failure += 1) backoff.failed('a');
    now += 60_000;
    expect(backoff.waitMs('a')).toBe(0);
    backoff.failed('a');
    expect(backoff.waitMs('a')).toBe(0);
  });
});
