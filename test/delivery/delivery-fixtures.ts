import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  Adapter,
  AdapterCapabilities,
  ChannelRef,
  MessageRef,
  PostOptions,
  PostResult,
} from '../../src/adapter.ts';
import { createStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/store.ts';
import type { Digest } from '../../src/types.ts';

/** A temp directory removed by the returned cleanup. */
export function makeTempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-delivery-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function openTempStore(dir: string, name = 'newsbot.db'): Promise<Store> {
  return createStore({ sqlitePath: join(dir, name) });
}

/** Wholly different wording per outlet, so no article reads as a copy of another. */
const phrasings = [
  'Crews worked through the night while residents waited for news about the repairs.',
  'Officials said on Monday that inspectors would return after the weekend storm passed.',
  'A spokesperson confirmed funding talks continued, adding that a decision may follow soon.',
  'Local traders described quiet streets as ferries stayed docked during the long delay.',
];

export type StorySpec = { id: string; title: string; outlets: string[]; updated: string; version?: number };

/** Invented stories: one article per outlet (distinct wording, so they count as independent sources). */
export async function seedStory(store: Store, spec: StorySpec): Promise<void> {
  const articleIds: string[] = [];
  for (const [i, outlet] of spec.outlets.entries()) {
    const slug = outlet.toLowerCase().replace(/\W+/g, '-');
    const { article } = await store.upsertArticle({
      externalId: `${spec.id}-${slug}`,
      source: 'test',
      feedId: null,
      guid: null,
      url: `https://${slug}.example/${spec.id}`,
      outlet,
      title: spec.title,
      published: spec.updated,
      text: `${phrasings[i % phrasings.length]} (${outlet}, ${spec.id})`,
      cites: [],
    });
    articleIds.push(article.id);
  }
  await store.saveStory({
    id: spec.id,
    articleIds,
    related: [],
    version: spec.version ?? 1,
    firstSeen: spec.updated,
    updated: spec.updated,
  });
}

export type MemoryPost = {
  id: string;
  channelId: string;
  kind: 'digest' | 'text';
  storyId: string | null;
  version: number | null;
  text: string;
  threadOf: string | null;
  edits: number;
  deliveryKey: string | null;
  /** The clock (possibly fake) when it was posted. */
  at: string;
};

export type MemoryAdapter = Adapter & {
  posts: MemoryPost[];
  /** Channels that answer with a permanent failure. */
  goneChannels: Set<string>;
  /** The next `n` posts fail transiently with this Retry-After. */
  failNext(n: number, retryAfterMs?: number): void;
};

/** A platform double at the adapter boundary: posts kept in memory, with the capabilities asked for. */
export function createMemoryAdapter(name: string, caps: Partial<AdapterCapabilities> = {}): MemoryAdapter {
  const posts: MemoryPost[] = [];
  const goneChannels = new Set<string>();
  let failures = 0;
  let failRetryAfter: number | undefined;
  let counter = 0;
  const capabilities: AdapterCapabilities = {
    threads: true,
    edits: true,
    ephemeral: false,
    maxChars: 4000,
    ...caps,
  };

  function post(
    to: ChannelRef,
    p: Omit<MemoryPost, 'id' | 'channelId' | 'edits' | 'threadOf' | 'deliveryKey' | 'at'>,
    options?: PostOptions,
  ): PostResult {
    if (goneChannels.has(to.channelId)) return { ok: false, reason: 'channel_not_found', permanent: true };
    if (failures > 0) {
      failures -= 1;
      return {
        ok: false,
        reason: 'ratelimited',
        permanent: false,
        ...(failRetryAfter ? { retryAfterMs: failRetryAfter } : {}),
      };
    }
    if (options?.replace) return { ok: false, reason: 'use updateDigest', permanent: true };
    if (options?.threadOf && !capabilities.threads)
      return { ok: false, reason: 'no threads here', permanent: true };
    const m: MemoryPost = {
      ...p,
      id: `${name}-${++counter}`,
      channelId: to.channelId,
      edits: 0,
      threadOf: options?.threadOf?.messageId ?? null,
      deliveryKey: options?.deliveryKey ?? null,
      at: new Date().toISOString(),
    };
    posts.push(m);
    return { ok: true, ref: { platform: name, channelId: to.channelId, messageId: m.id } };
  }

  return {
    name,
    capabilities,
    posts,
    goneChannels,
    failNext(n, retryAfterMs) {
      failures = n;
      failRetryAfter = retryAfterMs;
    },
    async start() {},
    async postDigest(to, digest: Digest, options) {
      return post(
        to,
        { kind: 'digest', storyId: digest.storyId, version: digest.version, text: digest.headline },
        options,
      );
    },
    async updateDigest(ref: MessageRef, digest: Digest) {
      if (!capabilities.edits) return { ok: false, reason: 'no edits here', permanent: true };
      const m = posts.find((p) => p.id === ref.messageId);
      if (!m) return { ok: false, reason: 'message_not_found', permanent: true };
      m.version = digest.version;
      m.text = digest.headline;
      m.edits += 1;
      return { ok: true, ref };
    },
    async postText(to, text, options) {
      return post(to, { kind: 'text', storyId: null, version: null, text }, options);
    },
    async findPosted(to, deliveryKey) {
      const m = posts.find((p) => p.deliveryKey === deliveryKey && p.channelId === to.channelId);
      return m ? { platform: name, channelId: m.channelId, messageId: m.id } : null;
    },
    async stop() {},
  };
}

/** A sleep that returns at once and records what was asked for. */
export function createRecordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms) => {
      waits.push(ms);
    },
  };
}
