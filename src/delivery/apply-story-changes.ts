import type { DeliveryEntry, NewDeliveryEntry } from '../store/delivery-store.ts';
import type { Story } from '../types.ts';
import type { DeliveryContext } from './delivery-context.ts';
import { postEntry } from './execute-run.ts';
import { describeUpdate, readSnapshot } from './story-updates.ts';

function refOf(e: DeliveryEntry) {
  return { platform: e.platform, channelId: e.messageChannelId ?? e.channelId, messageId: e.messageId ?? '' };
}

/** The story version a channel's post of it shows now: its own, or its latest update's. */
function shownVersion(post: DeliveryEntry, all: DeliveryEntry[]): number {
  let v = post.storyVersion ?? 0;
  for (const e of all)
    if (e.status !== 'failed' && (e.key.startsWith(`u:${post.key}:`) || e.key.startsWith(`r:${post.key}:`)))
      v = Math.max(v, e.storyVersion ?? 0);
  return v;
}

/**
 * A story that grew after it was posted: each earlier post is edited where the platform can edit
 * (capabilities.edits), else the latest post in each channel gets a thread reply "Update: …"
 * (capabilities.threads); otherwise nothing. Never a fresh post. Each (post, version) once.
 */
export async function applyStoryChange(ctx: DeliveryContext, story: Story): Promise<void> {
  const all = await ctx.store.listDeliveries({ storyId: story.id });
  const posts = all
    .filter((e) => e.part === 'digest' && e.status === 'posted' && e.messageId)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.key.localeCompare(b.key));
  if (posts.length === 0) return;
  const digest = await ctx.pipeline.digestOf(story.id);
  if (!digest) return;
  const byChannel = new Map<string, DeliveryEntry[]>();
  for (const p of posts) {
    const k = `${p.platform}\u0000${p.channelId}`;
    byChannel.set(k, [...(byChannel.get(k) ?? []), p]);
  }
  for (const channelPosts of byChannel.values()) {
    const first = channelPosts[0]!;
    const adapter = ctx.adapterOf(first.platform);
    if (!adapter) continue;
    const stale = channelPosts.filter((p) => shownVersion(p, all) < digest.version);
    if (stale.length === 0) continue;
    const base = {
      runId: null,
      platform: first.platform,
      channelId: first.channelId,
      storyId: story.id,
      storyVersion: digest.version,
      kind: 'update' as const,
      pos: 0,
    };
    let entries: NewDeliveryEntry[];
    if (adapter.capabilities.edits)
      entries = stale.map((p) => ({
        ...base,
        key: `u:${p.key}:v${digest.version}`,
        part: 'update' as const,
        body: JSON.stringify(refOf(p)),
      }));
    else if (adapter.capabilities.threads) {
      const latest = stale.at(-1)!;
      const text = describeUpdate(readSnapshot(latest.body), digest);
      entries = [
        {
          ...base,
          key: `r:${latest.key}:v${digest.version}`,
          part: 'reply' as const,
          body: JSON.stringify({ target: JSON.stringify(refOf(latest)), text }),
        },
      ];
    } else {
      ctx.log.debug(
        { story: story.id, platform: first.platform },
        'delivery: platform can neither edit nor thread',
      );
      continue;
    }
    for (const entry of await ctx.store.recordDeliveries(entries)) {
      const outcome = await postEntry(ctx, adapter, entry);
      if (outcome.status !== 'posted')
        ctx.log.warn({ key: entry.key, reason: outcome.reason }, 'delivery: story update not applied');
    }
  }
}
