import { buildDigest } from '../../digests/build-digest.ts';
import { type AssignResult, createGrouper } from '../grouping/index.ts';
import { createIngestor, type Ingestor } from '../ingest/create-ingestor.ts';
import type { Logger } from '../log.ts';
import { silentLogger } from '../log.ts';
import { extractMentions } from '../nlp/index.ts';
import { toSearchDoc } from '../store/search-store.ts';
import type { Store, UpsertResult } from '../store/store.ts';
import type { Article, Digest, Mention, Story } from '../types.ts';

export type StoryChange = { story: Story; created: boolean; changed: boolean };

export type Pipeline = {
  ingestor: Ingestor;
  /** Rebuilds the grouping index from the store; call once before ingesting. */
  load(): Promise<void>;
  /** Stories created or changed since the last call, oldest change first. */
  takeChanges(): StoryChange[];
  /** How many stories changed since the last `takeChanges`. */
  peekChanges(): number;
  digestOf(storyId: string): Promise<Digest | null>;
  digestsOf(stories: Story[]): Promise<Digest[]>;
  /**
   * Runs `work` (ingesting many inputs) and groups everything it stored at the end, oldest first, so
   * the same articles give the same stories and ids whatever order they arrived in.
   */
  batch<T>(work: () => Promise<T>): Promise<T>;
};

/** sources → articles → mentions → stories: each stored article is read for names and placed in a story. */
export function createPipeline(deps: { store: Store; maxBytes: number; log?: Logger }): Pipeline {
  const { store } = deps;
  const log = deps.log ?? silentLogger;
  const grouper = createGrouper({ store });
  const changes = new Map<string, StoryChange>();

  /** Set while a batch runs: its articles are grouped together at its end, in a canonical order. */
  let batched: { article: Article; mentions: Mention[] }[] | null = null;

  async function onStored({ article }: UpsertResult): Promise<void> {
    const mentions = extractMentions(article);
    await store.saveMentions(article.id, mentions);
    if (batched) {
      batched.push({ article, mentions });
      return;
    }
    const result = await grouper.assign(article, mentions);
    log.debug({ article: article.id, story: result.story.id, created: result.created }, 'article grouped');
    for (const story of recordChange(result)) await indexForSearch(story);
  }

  /** Notes the story (and the earlier ones it was linked to) as changed; returns the stories touched. */
  function recordChange(result: AssignResult): Story[] {
    const touched = [
      { story: result.story, created: result.created, changed: result.changed },
      ...result.linked.map((story) => ({ story, created: false, changed: true })),
    ];
    for (const c of touched) {
      const prev = changes.get(c.story.id);
      changes.set(c.story.id, {
        story: c.story,
        created: c.created || Boolean(prev?.created),
        changed: c.changed || Boolean(prev?.changed),
      });
    }
    return touched.map((c) => c.story);
  }

  async function batch<T>(work: () => Promise<T>): Promise<T> {
    if (batched) return work();
    batched = [];
    try {
      return await work();
    } finally {
      const items = batched;
      batched = null;
      const touched = new Map<string, Story>();
      for (const result of await grouper.assignMany(items))
        for (const story of recordChange(result)) touched.set(story.id, story);
      for (const story of touched.values()) await indexForSearch(changes.get(story.id)?.story ?? story);
    }
  }

  /** Stories stored before search existed (or whose indexing failed) get their entry now. */
  async function indexUnindexed(): Promise<void> {
    const tried = new Set<string>();
    for (;;) {
      const ids = (await store.listUnindexedStories({ limit: 200 })).filter((id) => !tried.has(id));
      if (ids.length === 0) return;
      for (const id of ids) {
        tried.add(id);
        const story = await store.getStory(id);
        if (story) await indexForSearch(story);
      }
    }
  }

  /** Search must not stop ingest: a failed index write is logged and the next change rewrites it. */
  async function indexForSearch(story: Story): Promise<void> {
    try {
      const [digest] = await digestsOf([story]);
      if (digest) await store.indexStory(toSearchDoc(digest));
    } catch (err) {
      log.warn({ story: story.id, err }, 'story not indexed for search');
    }
  }

  const ingestor = createIngestor({ store, maxBytes: deps.maxBytes, log, onStored });

  async function digestsOf(stories: Story[]): Promise<Digest[]> {
    const ids = [...new Set(stories.flatMap((s) => s.articleIds))];
    const articles = await store.getArticles(ids);
    const byId = new Map(articles.map((a) => [a.id, a]));
    const mentions = await store.getMentions(ids);
    return stories.map((s) =>
      buildDigest(
        s,
        s.articleIds.map((id) => byId.get(id)).filter((a): a is Article => Boolean(a)),
        mentions,
      ),
    );
  }

  return {
    ingestor,
    async load() {
      await grouper.load();
      await indexUnindexed();
    },
    peekChanges: () => changes.size,
    takeChanges() {
      const out = [...changes.values()];
      changes.clear();
      return out;
    },
    async digestOf(storyId) {
      const story = await store.getStory(storyId);
      if (!story) return null;
      const [digest] = await digestsOf([story]);
      return digest ?? null;
    },
    digestsOf,
    batch,
  };
}
