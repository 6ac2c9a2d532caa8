import { expect, it } from 'vitest';
import { createRequestPacer } from '../../../adapters/discord/create-request-pacer.ts';

/** A fake clock whose sleeps may overrun by `late(ms)` (a busy event loop). */
function fakeTime(late: (ms: number) => number = () => 0) {
  let now = 0;
  return {
    clock: () => now,
    sleep: async (ms: number) => {
      // Time passes after the callers let out before this sleep have run.
      await new Promise((resolve) => setImmediate(resolve));
      now += ms + late(ms);
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** The most calls in any window of `windowMs` (sliding). */
function mostInWindow(times: number[], windowMs: number): number {
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

async function release(pace: () => Promise<void>, clock: () => number, calls: number): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(Array.from({ length: calls }, () => pace().then(() => times.push(clock()))));
  return times;
}

it('lets calls out evenly, never more than perSecond in any second', async () => {
  const t = fakeTime();
  const times = await release(createRequestPacer(48, t.clock, t.sleep), t.clock, 200);
  expect(mostInWindow(times, 1000)).toBe(48);
  const gaps = times.slice(1).map((x, i) => x - times[i]!);
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(20);
  // 200 calls at 48/s: a little over four seconds, not one burst per second.
  expect(times.at(-1)! - times[0]!).toBeGreaterThan(4000);
  expect(times.at(-1)! - times[0]!).toBeLessThan(4300);
});

it('makes up for late timers without ever exceeding the window', async () => {
  let n = 0;
  const t = fakeTime(() => (n++ % 3 === 0 ? 9 : 0));
  const times = await release(createRequestPacer(48, t.clock, t.sleep), t.clock, 480);
  expect(mostInWindow(times, 1000)).toBeLessThanOrEqual(48);
  // Late timers cost little: ten seconds' worth in under ten and a half.
  expect(times.at(-1)! - times[0]!).toBeLessThan(10_500);
});

it('does not burst after a stall, and serves callers in order', async () => {
  const t = fakeTime();
  const pace = createRequestPacer(50, t.clock, t.sleep);
  await pace();
  t.advance(5000);
  const order: number[] = [];
  const times: number[] = [];
  await Promise.all(
    [1, 2, 3].map((i) =>
      pace().then(() => {
        order.push(i);
        times.push(t.clock());
      }),
    ),
  );
  expect(order).toEqual([1, 2, 3]);
  expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(20);
  expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(20);
});
