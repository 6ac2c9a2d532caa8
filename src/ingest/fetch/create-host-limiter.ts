export type HostLimiter = {
  /** Runs `fn` once fewer than `perHost` tasks for the URL's host are running. */
  run<T>(url: string, fn: () => Promise<T>): Promise<T>;
};

function hostKey(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}

/** At most `perHost` concurrent tasks per host; the others wait in arrival order. */
export function createHostLimiter(perHost: number): HostLimiter {
  if (!Number.isInteger(perHost) || perHost < 1)
    throw new RangeError(`perHost must be a positive integer, got ${perHost}`);
  const running = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();

  function release(key: string): void {
    const next = waiting.get(key)?.shift();
    if (next) {
      next();
      return;
    }
    if (waiting.get(key)?.length === 0) waiting.delete(key);
    const count = (running.get(key) ?? 1) - 1;
    if (count <= 0) running.delete(key);
    else running.set(key, count);
  }

  async function acquire(key: string): Promise<void> {
    const count = running.get(key) ?? 0;
    if (count < perHost) {
      running.set(key, count + 1);
      return;
    }
    await new Promise<void>((resolve) => {
      const queue = waiting.get(key) ?? [];
      queue.push(resolve);
      waiting.set(key, queue);
    });
  }

  return {
    async run(url, fn) {
      const key = hostKey(url);
      await acquire(key);
      try {
        return await fn();
      } finally {
        release(key);
      }
    },
  };
}
