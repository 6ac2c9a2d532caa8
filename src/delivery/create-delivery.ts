import { randomUUID } from 'node:crypto';
import cron, { type ScheduledTask } from 'node-cron';
import type { Adapter, PostResult } from '../adapter.ts';
import { describeError, InputError } from '../errors.ts';
import { type Logger, silentLogger } from '../log.ts';
import type { Pipeline, StoryChange } from '../pipeline/create-pipeline.ts';
import type { DigestRun } from '../store/delivery-store.ts';
import type { Store } from '../store/store.ts';
import { applyStoryChange } from './apply-story-changes.ts';
import type { Delivery, Subscription } from './delivery.ts';
import type { DeliveryContext } from './delivery-context.ts';
import { checkSchedule, findDueRun, toCronExpression } from './due-instants.ts';
import { executeRun, postEntry } from './execute-run.ts';
import { memoizeDigests } from './memoize-digests.ts';
import { createTurns, createWorkQueue, runPool, type WorkQueue } from './run-pool.ts';
import { parseSubscriptionFilter } from './select-digest-stories.ts';
import {
  createChannelPacer,
  defaultRetryPolicy,
  type RetryPolicy,
  realSleep,
  type Sleep,
} from './send-entry.ts';
import { snapshotDigest } from './story-updates.ts';

export type DeliveryDeps = {
  store: Store;
  pipeline: Pick<Pipeline, 'digestOf' | 'digestsOf'>;
  adapters: Adapter[];
  now?: () => Date;
  log?: Logger;
  /** Waits between retries and for pacing; tests may pass a fake. */
  sleep?: Sleep;
  retry?: Partial<RetryPolicy>;
  /** Overrides every adapter's capabilities.postIntervalMs (tests). */
  postIntervalMs?: number;
  /** Stories per scheduled digest before "N more" (default 5). */
  digestLimit?: number;
  /** Channels of each platform delivered to at once (default 100): most of a run is waiting on pacing. */
  concurrency?: number;
  /** Create node-cron jobs in start() (default true); tests may drive runDue themselves. */
  cronJobs?: boolean;
};

export type DeliveryService = Delivery & {
  /** Reconciles pending ledger entries, catches up runs missed within 24 h, then schedules cron jobs. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Sends every run due at `now` (and resumes pending ones); settles when they are delivered. */
  runDue(now: Date): Promise<void>;
  /** Grown stories: earlier posts edited, or a thread reply; never a fresh duplicate. */
  onStoriesChanged(changes: StoryChange[]): Promise<void>;
};

/** "europe/berlin" → "Europe/Berlin" (the form node-cron and listings use). */
function canonicalTimeZone(timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
}

/** Subscriptions, scheduled digests, the delivery ledger, fan-out and story updates. */
export function createDelivery(deps: DeliveryDeps): DeliveryService {
  const { store } = deps;
  const log = deps.log ?? silentLogger;
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? realSleep;
  const byName = new Map(deps.adapters.map((a) => [a.name, a]));
  const ctx: DeliveryContext = {
    store,
    pipeline: deps.pipeline,
    adapterOf: (platform) => byName.get(platform) ?? null,
    log,
    now,
    sleep,
    pace: createChannelPacer(sleep, () => now().getTime(), deps.postIntervalMs),
    retry: { ...defaultRetryPolicy, ...deps.retry },
    digestLimit: deps.digestLimit ?? 5,
    planInTurn: createTurns(),
  };
  const concurrency = deps.concurrency ?? 100;
  const checkedUntil = new Map<string, Date>();
  const inFlight = new Set<string>();
  const tasks = new Map<string, ScheduledTask>();
  let chain: Promise<void> = Promise.resolve();
  let started = false;

  function serial(fn: () => Promise<void>): Promise<void> {
    const result = chain.then(fn);
    chain = result.catch((err) => log.error({ err: describeError(err) }, 'delivery: pass failed'));
    return result;
  }

  async function runOne(passCtx: DeliveryContext, run: DigestRun, sub: Subscription): Promise<void> {
    if (inFlight.has(run.id)) return;
    inFlight.add(run.id);
    try {
      const outcome = await executeRun(passCtx, run, sub);
      log.info(
        { run: run.id, subscription: sub.id, scheduledFor: run.scheduledFor, outcome },
        'delivery: digest run',
      );
    } finally {
      inFlight.delete(run.id);
    }
  }

  type Work = { run: DigestRun; sub: Subscription };

  /** Claims the runs due at `at`; each new one is handed to `deliver` at once. */
  async function claimDue(at: Date, deliver: (work: Work) => void): Promise<void> {
    for (const sub of await store.listSubscriptions()) {
      if (sub.paused) continue;
      const due = findDueRun(sub, at, { checkedUntil: checkedUntil.get(sub.id) });
      checkedUntil.set(sub.id, at);
      if (!due) continue;
      // Since the channel's last digest, or this subscription's previous run if that is later (still pending).
      const last = await store.lastDigestAt(sub.platform, sub.channelId);
      const since =
        [last, sub.lastRunAt]
          .filter((t): t is string => t !== null)
          .sort()
          .at(-1) ?? null;
      const claimed = await store.claimDigestRun({
        subscriptionId: sub.id,
        platform: sub.platform,
        channelId: sub.channelId,
        scheduledFor: due.toISOString(),
        since,
      });
      await store.updateSubscription(sub.id, { lastRunAt: due.toISOString() });
      // An existing pending run was listed before claiming started.
      if (claimed.created && claimed.run.status === 'pending') deliver({ run: claimed.run, sub });
    }
  }

  /**
   * Delivers the pending runs, and those due at `at` while they are being claimed: the first
   * channels are posted to while later subscriptions are still checked.
   */
  async function deliverDue(at: Date | null): Promise<void> {
    const runs = await store.listDigestRuns({ status: 'pending' });
    const subs = new Map((await store.listSubscriptions()).map((s) => [s.id, s]));
    const passCtx: DeliveryContext = { ...ctx, pipeline: memoizeDigests(ctx.pipeline, store) };
    // Platforms' limits are their own: a slow platform must not hold the channels of another.
    const queues = new Map<string, WorkQueue<Work>>();
    const pools: Promise<void>[] = [];
    const deliver = (work: Work) => {
      let queue = queues.get(work.run.platform);
      if (!queue) {
        queue = createWorkQueue<Work>();
        queues.set(work.run.platform, queue);
        const gap = deps.postIntervalMs ?? ctx.adapterOf(work.run.platform)?.capabilities.postIntervalMs ?? 0;
        pools.push(
          runPool(
            queue,
            concurrency,
            ({ run, sub }) => runOne(passCtx, run, sub),
            (item, err) => log.error({ run: item.run.id, err: describeError(err) }, 'delivery: run failed'),
            { startGapMs: gap / concurrency, sleep },
          ),
        );
      }
      queue.push(work);
    };
    try {
      for (const run of runs) {
        const sub = subs.get(run.subscriptionId);
        if (!sub) await store.finishDigestRun(run.id, 'failed', 'unsubscribed before delivery');
        else if (!sub.paused) deliver({ run, sub });
      }
      if (at) await claimDue(at, deliver);
    } finally {
      for (const queue of queues.values()) queue.close();
      await Promise.all(pools);
    }
  }

  /** Manual reposts and story updates left pending by a crash. */
  async function reconcileLoose(): Promise<void> {
    const pending = (await store.listDeliveries({ status: 'pending' })).filter((e) => e.runId === null);
    for (const entry of pending) {
      const adapter = ctx.adapterOf(entry.platform);
      if (!adapter) continue;
      const outcome = await postEntry(ctx, adapter, entry);
      log.info({ key: entry.key, status: outcome.status }, 'delivery: reconciled pending entry');
    }
  }

  function schedule(sub: Subscription): void {
    if (deps.cronJobs === false || !started || tasks.has(sub.id)) return;
    try {
      const task = cron.schedule(toCronExpression(sub.schedule), () => service.runDue(now()), {
        timezone: sub.timeZone,
        noOverlap: true,
        name: `digest-${sub.id}`,
      });
      tasks.set(sub.id, task);
    } catch (err) {
      // The minute tick still finds its runs (due times are our own arithmetic).
      log.warn({ subscription: sub.id, err: describeError(err) }, 'delivery: node-cron refused the schedule');
    }
  }

  async function unschedule(id: string): Promise<void> {
    const task = tasks.get(id);
    tasks.delete(id);
    checkedUntil.delete(id);
    await task?.destroy();
  }

  const service: DeliveryService = {
    async subscribe(input) {
      const check = checkSchedule(input.schedule, input.timeZone);
      if (!check.ok) throw new InputError(check.error, 'schedule');
      parseSubscriptionFilter(input.filter);
      const timeZone = canonicalTimeZone(input.timeZone);
      const same = (
        await store.listSubscriptions({ platform: input.platform, channelId: input.channelId })
      ).find(
        (s) => toCronExpression(s.schedule) === toCronExpression(input.schedule) && s.timeZone === timeZone,
      );
      if (same)
        throw new InputError(
          `this channel already has subscription ${same.id} on that schedule; /news unsubscribe ${same.id} first to change it`,
          'schedule',
        );
      const sub = await store.addSubscription({
        ...input,
        timeZone,
        filter: input.filter?.trim() || null,
        createdAt: now().toISOString(),
      });
      checkedUntil.set(sub.id, now());
      schedule(sub);
      return sub;
    },

    async unsubscribe(platform, channelId, id) {
      const removed = await store.removeSubscriptions(platform, channelId, id);
      for (const sub of removed) await unschedule(sub.id);
      return removed;
    },

    listSubscriptions: (platform, channelId) =>
      store.listSubscriptions({ platform, ...(channelId === undefined ? {} : { channelId }) }),

    async repost(storyId, to, requestedBy): Promise<PostResult> {
      const adapter = ctx.adapterOf(to.platform);
      if (!adapter) return { ok: false, reason: `no adapter for platform "${to.platform}"`, permanent: true };
      const digest = await deps.pipeline.digestOf(storyId);
      if (!digest) return { ok: false, reason: `story ${storyId} not found`, permanent: true };
      const [entry] = await store.recordDeliveries([
        {
          key: `m:${randomUUID()}`,
          runId: null,
          platform: to.platform,
          channelId: to.channelId,
          storyId,
          storyVersion: digest.version,
          kind: 'manual',
          part: 'digest',
          pos: 0,
          body: snapshotDigest(digest),
          requestedBy,
        },
      ]);
      const outcome = await postEntry(ctx, adapter, entry!);
      if (outcome.status === 'posted') return { ok: true, ref: outcome.ref };
      return { ok: false, reason: outcome.reason, permanent: outcome.status === 'permanent' };
    },

    lastDigestAt: (platform, channelId) => store.lastDigestAt(platform, channelId),

    async start() {
      started = true;
      await serial(async () => {
        await reconcileLoose();
        await deliverDue(now());
      });
      if (deps.cronJobs === false) return;
      for (const sub of await store.listSubscriptions()) schedule(sub);
      // A safety net: retries runs left pending by transient failures, and catches a missed wake-up.
      tasks.set(
        '*',
        cron.schedule('* * * * *', () => service.runDue(now()), { noOverlap: true, name: 'digest-pending' }),
      );
    },

    async stop() {
      started = false;
      for (const id of [...tasks.keys()]) await unschedule(id);
      await chain;
    },

    runDue(at) {
      return serial(() => deliverDue(at));
    },

    onStoriesChanged(changes) {
      return serial(async () => {
        for (const change of changes) {
          if (change.created || !change.changed) continue;
          try {
            await applyStoryChange(ctx, change.story);
          } catch (err) {
            log.error({ story: change.story.id, err: describeError(err) }, 'delivery: story update failed');
          }
        }
      });
    },
  };
  return service;
}
