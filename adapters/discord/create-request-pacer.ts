export type Sleep = (ms: number) => Promise<void>;

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const windowMs = 1000;
/** How far behind schedule calls may fall and still be made up for, in intervals. */
const catchUpIntervals = 4;
/** While making up, calls are still at least this share of an interval apart. */
const minGapShare = 0.75;

/**
 * Lets calls out first come first served, evenly spaced at `perSecond` and never more than `perSecond`
 * in any second (a sliding window). Discord counts its global limit per second; discord.js's own
 * limiter lets a whole second's worth out at once, and such a burst lands in Discord's window next to
 * the previous one when the network (or a busy event loop) delays it, which costs a global 429 and a
 * second of standstill for every route. A call let out up to half an interval late (a late timer) keeps
 * the schedule of the ones after it, so late timers do not lower the rate, and the window keeps that
 * catching up from ever adding a call to a second; after a longer stall the schedule starts again.
 * The returned function resolves when the caller may send.
 */
export function createRequestPacer(
  perSecond: number,
  clock: () => number = () => performance.now(),
  sleep: Sleep = realSleep,
): () => Promise<void> {
  const limit = Math.max(1, Math.floor(perSecond));
  const interval = windowMs / limit;
  const sent: number[] = [];
  const waiting: (() => void)[] = [];
  let slot = Number.NEGATIVE_INFINITY;
  let draining = false;

  const earliest = () =>
    Math.max(
      slot,
      (sent.at(-1) ?? Number.NEGATIVE_INFINITY) + interval * minGapShare,
      sent.length >= limit ? sent[0]! + windowMs : Number.NEGATIVE_INFINITY,
    );

  async function drain(): Promise<void> {
    draining = true;
    while (waiting.length > 0) {
      for (let wait = earliest() - clock(); wait > 0; wait = earliest() - clock())
        await sleep(Math.ceil(wait));
      const now = clock();
      // A few intervals late keeps the schedule (made up at a quicker pace); a longer stall starts it again.
      slot = (now - slot <= interval * catchUpIntervals ? slot : now) + interval;
      sent.push(now);
      if (sent.length > limit) sent.shift();
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
