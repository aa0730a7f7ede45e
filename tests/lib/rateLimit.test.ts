import { RateLimiter } from '../../lib/rateLimit';

describe('RateLimiter', () => {
  test('allows the capacity at once, then refills at the rate, per key', () => {
    let now = 0;
    const limiter = new RateLimiter({ capacity: 3, perSecond: 1 }, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
    expect(limiter.take('b')).toBe(true);
    expect(limiter.retryAfterSeconds('a')).toBe(1);
    now += 1000;
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('a')).toBe(false);
    now += 10_000;
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
  });

  test('keeps memory bounded under a flood of new keys', () => {
    const limiter = new RateLimiter({ capacity: 1, perSecond: 1 }, () => 0);
    for (let i = 0; i < 60_000; i += 1) limiter.take(`k${i}`);
    // The oldest keys were forgotten, so the first one has its full capacity again.
    expect(limiter.take('k0')).toBe(true);
    expect(limiter.take('k59999')).toBe(false);
  });
});
