import type { Adapter, ChannelRef, PostResult } from '../adapter.ts';
import { describeError } from '../errors.ts';
import type { DeliveryEntry, DigestRun, NewDeliveryEntry } from '../store/delivery-store.ts';
import type { Subscription } from './delivery.ts';
import type { DeliveryContext } from './delivery-context.ts';
import { CATCH_UP_WINDOW_MS } from './due-instants.ts';
import { parseSubscriptionFilter, planDigest, rankDigests } from './select-digest-stories.ts';
import { type SendOutcome, sendEntry } from './send-entry.ts';
import { snapshotDigest } from './story-updates.ts';

/** Stories considered for one digest. */
const maxCandidates = 500;

/** The ledger entries of a run: recorded once (pending), so a resumed run posts exactly the same things. */
async function planRun(ctx: DeliveryContext, run: DigestRun, sub: Subscription): Promise<DeliveryEntry[]> {
  const since = run.since ?? new Date(Date.parse(run.scheduledFor) - CATCH_UP_WINDOW_MS).toISOString();
  const stories = await ctx.store.listStories({ since, limit: maxCandidates });
  const digests = await ctx.pipeline.digestsOf(stories);
  let filter = null;
  try {
    filter = parseSubscriptionFilter(sub.filter);
  } catch (err) {
    ctx.log.warn(
      { subscription: sub.id, err: describeError(err) },
      'delivery: stored filter unreadable; ignored',
    );
  }
  // A story this channel already got is not posted afresh: its earlier post is edited or answered instead.
  const earlier = await ctx.store.listDeliveries({
    storyIds: stories.map((s) => s.id),
    platform: run.platform,
    channelId: run.channelId,
    part: 'digest',
  });
  const shown = new Set(earlier.filter((e) => e.status === 'posted').map((e) => e.storyId));
  const ranked = rankDigests(
    digests.filter((d) => !shown.has(d.storyId)),
    filter,
  );
  if (ranked.length === 0) return [];
  const plan = planDigest(ranked, {
    limit: ctx.digestLimit,
    daily: sub.schedule.kind === 'daily',
    filter: sub.filter,
  });
  const base = {
    runId: run.id,
    platform: run.platform,
    channelId: run.channelId,
    kind: 'scheduled' as const,
  };
  const entries: NewDeliveryEntry[] = [
    {
      ...base,
      key: `s:${run.id}:header`,
      storyId: null,
      storyVersion: null,
      part: 'header',
      pos: 0,
      body: plan.header,
    },
    ...plan.top.map((d, i) => ({
      ...base,
      key: `s:${run.id}:story:${d.storyId}`,
      storyId: d.storyId,
      storyVersion: d.version,
      part: 'digest' as const,
      pos: i + 1,
      body: snapshotDigest(d),
    })),
  ];
  if (plan.more)
    entries.push({
      ...base,
      key: `s:${run.id}:more`,
      storyId: null,
      storyVersion: null,
      part: 'more',
      pos: plan.top.length + 1,
      body: plan.more,
    });
  return ctx.store.recordDeliveries(entries);
}

/** Posts one ledger entry of any part (header/more/reply text, digest, or an edit). */
export async function postEntry(
  ctx: DeliveryContext,
  adapter: Adapter,
  entry: DeliveryEntry,
): Promise<SendOutcome> {
  const to: ChannelRef = { platform: entry.platform, channelId: entry.channelId };
  if (entry.part === 'digest' || entry.part === 'update') {
    const digest = entry.storyId ? await ctx.pipeline.digestOf(entry.storyId) : null;
    if (!digest) {
      const reason = `story ${entry.storyId} not found`;
      await ctx.store.updateDelivery(entry.key, { status: 'failed', error: reason });
      return { status: 'permanent', reason, skip: true };
    }
    if (entry.part === 'update') {
      const target = readTarget(entry.body);
      if (!target) {
        await ctx.store.updateDelivery(entry.key, { status: 'failed', error: 'no message to update' });
        return { status: 'permanent', reason: 'no message to update', skip: true };
      }
      return sendEntry(ctx, adapter, entry, () => adapter.updateDigest(target, digest));
    }
    return sendEntry(ctx, adapter, entry, (o) => adapter.postDigest(to, digest, o));
  }
  if (entry.part === 'reply') {
    const { target, text } = readReply(entry.body);
    if (!target) {
      await ctx.store.updateDelivery(entry.key, { status: 'failed', error: 'no message to reply to' });
      return { status: 'permanent', reason: 'no message to reply to', skip: true };
    }
    return sendEntry(ctx, adapter, entry, (o) => adapter.postText(to, text, { ...o, threadOf: target }));
  }
  return sendEntry(ctx, adapter, entry, (o) => adapter.postText(to, entry.body ?? '', o));
}

type Target = { platform: string; channelId: string; messageId: string };

function readTarget(body: string | null): Target | null {
  try {
    const t = JSON.parse(body ?? '') as Partial<Target>;
    return t.platform && t.channelId && t.messageId
      ? { platform: t.platform, channelId: t.channelId, messageId: t.messageId }
      : null;
  } catch {
    return null;
  }
}

function readReply(body: string | null): { target: Target | null; text: string } {
  try {
    const r = JSON.parse(body ?? '') as { target?: string; text?: string };
    return { target: readTarget(r.target ?? null), text: r.text ?? '' };
  } catch {
    return { target: null, text: '' };
  }
}

export type RunOutcome = 'done' | 'empty' | 'pending' | 'paused' | 'no-adapter';

/**
 * Delivers a digest run: plans it on first execution, then posts its pending entries in order.
 * A permanent failure pauses the subscription and tells the channel (or the log); a transient one
 * leaves the run pending for the next pass.
 */
export async function executeRun(
  ctx: DeliveryContext,
  run: DigestRun,
  sub: Subscription,
): Promise<RunOutcome> {
  const adapter = ctx.adapterOf(run.platform);
  if (!adapter) {
    ctx.log.debug(
      { run: run.id, platform: run.platform },
      'delivery: no adapter for this platform; run left pending',
    );
    return 'no-adapter';
  }
  let entries = await ctx.store.listDeliveries({ runId: run.id });
  if (entries.length === 0) entries = await ctx.planInTurn(() => planRun(ctx, run, sub));
  if (entries.length === 0) {
    await ctx.store.finishDigestRun(run.id, 'done');
    return 'empty';
  }
  for (const entry of [...entries].sort((a, b) => a.pos - b.pos)) {
    const outcome = await postEntry(ctx, adapter, entry);
    if (outcome.status === 'transient') return 'pending';
    if (outcome.status === 'permanent' && !outcome.skip) {
      await pauseSubscription(ctx, adapter, sub, outcome.reason);
      await ctx.store.finishDigestRun(run.id, 'failed', outcome.reason);
      return 'paused';
    }
  }
  await ctx.store.finishDigestRun(run.id, 'done');
  return 'done';
}

async function pauseSubscription(ctx: DeliveryContext, adapter: Adapter, sub: Subscription, reason: string) {
  await ctx.store.updateSubscription(sub.id, { paused: true, pausedReason: reason });
  ctx.log.warn(
    { subscription: sub.id, platform: sub.platform, channelId: sub.channelId, reason },
    'delivery: subscription paused after a permanent failure',
  );
  const text = `Paused digest subscription ${sub.id} for this channel: ${reason}. An admin can fix the cause, then /news unsubscribe ${sub.id} and subscribe again.`;
  let result: PostResult;
  try {
    result = await adapter.postText({ platform: sub.platform, channelId: sub.channelId }, text);
  } catch (err) {
    result = { ok: false, reason: describeError(err), permanent: true };
  }
  if (!result.ok)
    ctx.log.error(
      { subscription: sub.id, channelId: sub.channelId, reason: result.reason },
      `delivery: could not tell the channel; admin action needed: ${text}`,
    );
}
