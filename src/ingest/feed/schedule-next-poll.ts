export type BackoffInput = {
  intervalSec: number;
  /** Consecutive failures, this one included. */
  failures: number;
  retryAfterMs: number | null;
  maxBackoffSec: number;
  /** In [0, 1): spreads retries of many feeds apart. */
  random: number;
};

/** Longest Retry-After we honour, so a confused server cannot park a feed for months. */
export const MAX_RETRY_AFTER_MS = 7 * 24 * 3600 * 1000;

/** Milliseconds until the next try after a failure: interval × 2^failures (capped, ±10 % jitter), or Retry-After when longer. */
export function computeBackoffMs(input: BackoffInput): number {
  const exponent = Math.min(Math.max(input.failures, 0), 30);
  const grown = input.intervalSec * 1000 * 2 ** exponent;
  const jittered = grown * (0.9 + 0.2 * input.random);
  const backoff = Math.min(jittered, input.maxBackoffSec * 1000);
  const retryAfter = Math.min(input.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS);
  return Math.round(Math.max(backoff, retryAfter));
}
