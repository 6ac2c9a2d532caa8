import type { Adapter, ChannelRef, MessageRef, PostResult } from '../adapter.ts';
import { describeError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { DeliveryEntry } from '../store/delivery-store.ts';
import type { Store } from '../store/store.ts';

export type RetryPolicy = {
  /** Posts tried per entry before it is left pending for the next pass. */
  maxAttempts: number;
  /** First backoff; doubles on every transient failure (a Retry-After wins when longer). */
  baseDelayMs: number;
  maxDelayMs: number;
};

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 60_000 };

export type SendOutcome =
  | { status: 'posted'; ref: MessageRef }
  /** `skip`: this entry cannot be posted (its story is gone), the channel itself is fine. */
  | { status: 'permanent'; reason: string; skip?: boolean }
  | { status: 'transient'; reason: string };

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Keeps posts to one channel at least the adapter's postIntervalMs apart, counted from when the previous
 * post was answered: a post held up in a client queue must not arrive right before the next one.
 * `pace` waits for the channel's turn and returns `release`, to call once the post is answered.
 */
export function createChannelPacer(sleep: Sleep, clock: () => number, overrideMs?: number) {
  const next = new Map<string, number>();
  const idle = new Map<string, Promise<void>>();
  return async (adapter: Adapter, to: ChannelRef): Promise<() => void> => {
    const gap = overrideMs ?? adapter.capabilities.postIntervalMs ?? 0;
    if (gap <= 0) return () => {};
    const key = `${to.platform}\u0000${to.channelId}`;
    while (idle.has(key)) await idle.get(key);
    let release!: () => void;
    idle.set(
      key,
      new Promise<void>((resolve) => {
        release = () => {
          next.set(key, clock() + gap);
          idle.delete(key);
          resolve();
        };
      }),
    );
    const wait = (next.get(key) ?? 0) - clock();
    if (wait > 0) await sleep(wait);
    return release;
  };
}

export type SendDeps = {
  store: Store;
  log: Logger;
  sleep: Sleep;
  pace: (adapter: Adapter, to: ChannelRef) => Promise<() => void>;
  retry: RetryPolicy;
};

/**
 * Posts one ledger entry exactly once: attempts are counted in the ledger before each post, and an
 * entry that may already have landed (attempts > 0) is first looked up with the adapter's
 * `findPosted`. Without `findPosted` it is posted again (at least once rather than lost).
 */
export async function sendEntry(
  deps: SendDeps,
  adapter: Adapter,
  entry: DeliveryEntry,
  post: (options: { deliveryKey: string }) => Promise<PostResult>,
): Promise<SendOutcome> {
  const { store, log } = deps;
  const to: ChannelRef = { platform: entry.platform, channelId: entry.channelId };
  if (entry.status === 'posted' && entry.messageId)
    return {
      status: 'posted',
      ref: {
        platform: entry.platform,
        channelId: entry.messageChannelId ?? entry.channelId,
        messageId: entry.messageId,
      },
    };
  if (entry.status === 'failed') return { status: 'permanent', reason: entry.error ?? 'failed earlier' };
  let attempts = entry.attempts;
  let lastReason = entry.error ?? 'not posted';
  for (let tries = 0; tries < deps.retry.maxAttempts; tries++) {
    if (attempts > 0 && entry.part !== 'update' && adapter.findPosted) {
      let found: MessageRef | null = null;
      try {
        found = await adapter.findPosted(to, entry.key);
      } catch (err) {
        log.warn({ key: entry.key, err: describeError(err) }, 'delivery: findPosted failed; posting again');
      }
      if (found) {
        await store.updateDelivery(entry.key, {
          status: 'posted',
          messageChannelId: found.channelId,
          messageId: found.messageId,
          error: null,
        });
        return { status: 'posted', ref: found };
      }
    } else if (attempts > 0 && entry.part !== 'update')
      log.warn(
        { key: entry.key, platform: entry.platform },
        'delivery: cannot check an interrupted post; posting again',
      );
    attempts += 1;
    await store.updateDelivery(entry.key, { attempts });
    // Paced right before the post: a slow ledger write must not eat into the gap the platform sees.
    const release = await deps.pace(adapter, to);
    let result: PostResult;
    try {
      result = await post({ deliveryKey: entry.key });
    } catch (err) {
      result = { ok: false, reason: describeError(err), permanent: false };
    } finally {
      release();
    }
    if (result.ok) {
      await store.updateDelivery(entry.key, {
        status: 'posted',
        messageChannelId: result.ref.channelId,
        messageId: result.ref.messageId,
        error: null,
      });
      return { status: 'posted', ref: result.ref };
    }
    lastReason = result.reason;
    if (result.permanent) {
      await store.updateDelivery(entry.key, { status: 'failed', error: result.reason });
      return { status: 'permanent', reason: result.reason };
    }
    await store.updateDelivery(entry.key, { error: result.reason });
    if (tries + 1 >= deps.retry.maxAttempts) break;
    const backoff = Math.min(deps.retry.maxDelayMs, deps.retry.baseDelayMs * 2 ** tries);
    const wait = Math.max(backoff, result.retryAfterMs ?? 0);
    log.info(
      { key: entry.key, reason: result.reason, waitMs: wait },
      'delivery: transient failure; retrying',
    );
    await deps.sleep(wait);
  }
  return { status: 'transient', reason: lastReason };
}
