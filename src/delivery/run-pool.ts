/** Items handed out as they come, to whoever waits first; `take` gives null once closed and empty. */
export type WorkQueue<T> = {
  push(item: T): void;
  close(): void;
  take(): Promise<T | null>;
};

export function createWorkQueue<T>(initial: T[] = []): WorkQueue<T> {
  const items = [...initial];
  const takers: ((item: T | null) => void)[] = [];
  let closed = false;
  return {
    push(item) {
      const taker = takers.shift();
      if (taker) taker(item);
      else items.push(item);
    },
    close() {
      closed = true;
      for (const taker of takers.splice(0)) taker(null);
    },
    take() {
      if (items.length > 0) return Promise.resolve(items.shift()!);
      if (closed) return Promise.resolve(null);
      return new Promise((resolve) => takers.push(resolve));
    },
  };
}

/**
 * Runs `fn` over the items (a list, or a queue filled meanwhile) with at most `limit` in flight;
 * settles when all have (errors go to `onError`). `startGapMs` spaces the workers' first items:
 * workers started together stay in step (each waits the same pacing gap), so their posts would land
 * in bursts that hold up everything else on the event loop.
 */
export async function runPool<T>(
  items: T[] | WorkQueue<T>,
  limit: number,
  fn: (item: T) => Promise<void>,
  onError: (item: T, err: unknown) => void,
  opts: { startGapMs?: number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<void> {
  const queue = Array.isArray(items) ? createWorkQueue(items) : items;
  if (Array.isArray(items)) queue.close();
  const workers = Array.isArray(items) ? Math.min(limit, items.length) : limit;
  const worker = async (index: number) => {
    const delay = index * (opts.startGapMs ?? 0);
    if (delay > 0 && opts.sleep) await opts.sleep(delay);
    for (let item = await queue.take(); item !== null; item = await queue.take()) {
      try {
        await fn(item);
      } catch (err) {
        onError(item, err);
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, i) => worker(i)));
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
