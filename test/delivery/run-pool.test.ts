import { expect, it } from 'vitest';
import { createTurns, createWorkQueue, runPool } from '../../src/delivery/run-pool.ts';

it('keeps at most `limit` in flight and starts workers a gap apart', async () => {
  const sleeps: number[] = [];
  const sleep = async (ms: number) => {
    sleeps.push(ms);
  };
  let inFlight = 0;
  let most = 0;
  const seen: number[] = [];
  await runPool(
    [1, 2, 3, 4, 5, 6, 7],
    3,
    async (n) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      seen.push(n);
      inFlight--;
    },
    () => {},
    { startGapMs: 250, sleep },
  );
  expect(most).toBe(3);
  expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  expect(sleeps).toEqual([250, 500]);
});

it('runs turns one at a time in call order, a failure not stopping the next', async () => {
  const inTurn = createTurns();
  const log: string[] = [];
  const step = (name: string, fail = false) =>
    inTurn(async () => {
      log.push(`${name} start`);
      await new Promise((resolve) => setImmediate(resolve));
      log.push(`${name} end`);
      if (fail) throw new Error(name);
      return name;
    });
  const results = await Promise.allSettled([step('a'), step('b', true), step('c')]);
  expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
});

it('works through a queue filled while it runs, and settles once it is closed and empty', async () => {
  const queue = createWorkQueue<{ n: number }>([{ n: 1 }]);
  const done: number[] = [];
  const pool = runPool(
    queue,
    2,
    async ({ n }) => {
      await new Promise((resolve) => setImmediate(resolve));
      done.push(n);
    },
    () => {},
  );
  await new Promise((resolve) => setTimeout(resolve, 5));
  expect(done).toEqual([1]);
  queue.push({ n: 2 });
  queue.push({ n: 3 });
  await new Promise((resolve) => setTimeout(resolve, 5));
  expect(done.sort()).toEqual([1, 2, 3]);
  let settled = false;
  void pool.then(() => {
    settled = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 5));
  expect(settled).toBe(false);
  queue.close();
  await pool;
  expect(settled).toBe(true);
});
