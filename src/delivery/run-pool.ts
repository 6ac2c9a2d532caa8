/**
 * Runs `fn` over `items` with at most `limit` in flight; settles when all have (errors go to `onError`).
 * `startGapMs` spaces the workers' first items: workers started together stay in step (each waits the
 * same pacing gap), so their posts would land in bursts that hold up everything else on the event loop.
 */
export async function runPool<T>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<void>,
  onError: (item: T, err: unknown) => void,
  opts: { startGapMs?: number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<void> {
  let next = 0;
  const worker = async (index: number) => {
    const delay = index * (opts.startGapMs ?? 0);
    if (delay > 0 && opts.sleep) await opts.sleep(delay);
    while (next < items.length) {
      const item = items[next++]!;
      try {
        await fn(item);
      } catch (err) {
        onError(item, err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, (_, i) => worker(i)));
}

/** Runs the functions given to it one at a time, in call order. */
export function createTurns(): <T>(fn: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (fn) => {
    const result = last.then(fn);
    last = result.catch(() => {});
    return result;
  };
}
