export type Sleep = (ms: number) => Promise<void>;

/** How late a timer may fire and still count as on schedule (so the average rate does not drift). */
const timerSlackMs = 2;

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Spaces calls evenly at `perSecond`, first come first served. Discord counts its global limit per
 * second; discord.js's own limiter lets a whole second's worth out at once, and such a burst lands in
 * Discord's window next to the previous one when the network (or a busy event loop) delays it, which
 * costs a global 429 and a second of standstill for every route. Even spacing never bursts. After a
 * stall the schedule restarts from now instead of catching up.
 * The returned function resolves when the caller may send.
 */
export function createRequestPacer(
  perSecond: number,
  clock: () => number = () => performance.now(),
  sleep: Sleep = realSleep,
): () => Promise<void> {
  const interval = 1000 / perSecond;
  const waiting: (() => void)[] = [];
  let slot = Number.NEGATIVE_INFINITY;
  let draining = false;

  async function drain(): Promise<void> {
    draining = true;
    while (waiting.length > 0) {
      for (let wait = slot - clock(); wait > 0; wait = slot - clock()) await sleep(Math.ceil(wait));
      slot = Math.max(slot, clock() - timerSlackMs) + interval;
      waiting.shift()!();
    }
    draining = false;
  }

  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (!draining) void drain();
    });
}
