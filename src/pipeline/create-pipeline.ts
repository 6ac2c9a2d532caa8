import { buildDigest } from '../../digests/build-digest.ts';
import { createGrouper } from '../grouping/index.ts';
import { createIngestor, type Ingestor } from '../ingest/create-ingestor.ts';
import type { Logger } from '../log.ts';
import { silentLogger } from '../log.ts';
import { extractMentions } from '../nlp/index.ts';
import { toSearchDoc } from '../store/search-store.ts';
import type { Store, UpsertResult } from '../store/store.ts';
import type { Article, Digest, Story } from '../types.ts';

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
};

/** sources → articles → mentions → stories: each stored article is read for names and placed in a story. */
export function createPipeline(deps: { store: Store; maxBytes: number; log?: Logger }): Pipeline {
  const { store } = deps;
  const log = deps.log ?? silentLogger;
  const grouper = createGrouper({ store });
  const changes = new Map<string, StoryChange>();

  async function onStored({ article }: UpsertResult): Promise<void> {
    const mentions = extractMentions(article);
    await store.saveMentions(article.id, mentions);
    const change = await grouper.assign(article, mentions);
    const prev = changes.get(change.story.id);
    changes.set(change.story.id, {
      story: change.story,
      created: change.created || Boolean(prev?.created),
      changed: change.changed || Boolean(prev?.changed),
    });
    log.debug({ article: article.id, story: change.story.id, created: change.created }, 'article grouped');
    await indexForSearch(change.story);
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
  };
}
