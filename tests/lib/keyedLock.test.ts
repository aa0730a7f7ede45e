import { KeyedLock } from '../../lib/keyedLock';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('KeyedLock', () => {
  test('runs tasks of one key one at a time, in arrival order', async () => {
    const lock = new KeyedLock();
    const events: string[] = [];
    let running = 0;
    let maxRunning = 0;
    await Promise.all([30, 5, 15, 1].map((delay, index) => lock.run('a', async () => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      events.push(`start ${index}`);
      await tick(delay);
      events.push(`end ${index}`);
      running -= 1;
    })));
    expect(maxRunning).toBe(1);
    expect(events).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  test('runs tasks of different keys concurrently', async () => {
    const lock = new KeyedLock();
    let running = 0;
    let maxRunning = 0;
    await Promise.all(['a', 'b', 'c'].map((key) => lock.run(key, async () => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await tick(20);
      running -= 1;
    })));
    expect(maxRunning).toBe(3);
  });

  test('a failing task releases the key and its error reaches only its caller', async () => {
    const lock = new KeyedLock();
    const failing = lock.run('a', async () => {
      throw new Error('boom');
    });
    const next = lock.run('a', async () => 'next ran');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next ran');
  });

  test('a task that starts another task of its own key runs it directly instead of deadlocking', async () => {
    const lock = new KeyedLock();
    const result = await lock.run('a', () => lock.run('a', async () => 'inner'));
    expect(result).toBe('inner');
  });

  test('forgets idle keys', async () => {
    const lock = new KeyedLock();
    await Promise.all([lock.run('a', () => tick(5)), lock.run('b', () => tick(1)), lock.run('a', () => tick(1))]);
    expect(lock.activeKeys).toBe(0);
  });
});
