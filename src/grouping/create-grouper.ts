import { NewsbotError } from '../errors.ts';
import type { Store } from '../store/store.ts';
import type { Article, Mention, Story } from '../types.ts';
import { extractArticleFeatures } from './article-features.ts';
import { type ArticleFeatures, createCandidateIndex, type Similarity } from './candidate-index.ts';
import { explainStory, type StoryExplanation } from './explain-story.ts';
import { compareArticles, createStoryId } from './story-id.ts';

export type AssignResult = {
  story: Story;
  created: boolean;
  changed: boolean;
  /** Earlier stories that gained a `related` link to this new one (saved, version + 1). */
  linked: Story[];
};

export type GrouperOptions = {
  /** Similarity at or above which an article joins a story. */
  joinThreshold?: number;
  /** Similarity at or above which a new story is marked related to an earlier one. */
  relatedThreshold?: number;
  /** An article further than this from a story's span starts a new story (a later development). */
  joinWindowDays?: number;
  /** A story takes no article dated more than this after its first one: what follows is a development. */
  maxStoryDays?: number;
  /** How far back related stories are looked for. */
  relatedWindowDays?: number;
  /**
   * Stories whose newest article is this much older than the newest article seen leave the in-memory
   * index (they stay in the store): memory follows the news of recent months, not the whole archive.
   * Must exceed `relatedWindowDays`; the difference is how late an article may arrive and still meet
   * every story it would have met.
   */
  keepDays?: number;
};

export type Grouper = {
  /** Rebuilds the candidate index from the store; call once at start, before `assign`. */
  load(): Promise<void>;
  /** Puts an article (new or revised) into a story, saving what changed. Calls run one at a time. */
  assign(article: Article, mentions: Mention[]): Promise<AssignResult>;
  /**
   * `assign` for a batch, processed oldest first so the same articles give the same stories in any input
   * order; results come back in input order.
   */
  assignMany(items: { article: Article; mentions: Mention[] }[]): Promise<AssignResult[]>;
  /** Which articles a story holds and what joined each; null for an unknown story. */
  explain(storyId: string): Promise<StoryExplanation | null>;
  /** Sizes, and the work done so far: postings entries scanned and candidates scored. */
  readonly stats: {
    stories: number;
    /** Stories held in memory (the others were evicted as older than `keepDays`). */
    liveStories: number;
    articles: number;
    vocabulary: number;
    scanned: number;
    scored: number;
  };
};

/** A different place named up front is a sign of a new development: it costs this much similarity. */
const NEW_PLACE_PENALTY = 0.12;
/** Time proximity: each day between the article and the story's span costs this much similarity. */
const DAILY_DRIFT = 0.03;
/**
 * Stories read per store round trip while loading. Small: articles held across many young-generation
 * collections teach V8 to allocate them straight into the old generation, which a 100k-article load
 * then leaves fragmented (a batch of 200 stories left ~2x the resident memory of one of 25).
 */
const LOAD_BATCH = 25;
const DAY = 86_400_000;
/** Article times further ahead of the clock than this are misdated: they move no window. */
const FUTURE_SLACK_MS = 2 * DAY;

/**
 * Incremental grouping: each article is compared only with the candidate stories the index finds for
 * it, never with every stored article. Story ids come from the founding article (see `createStoryId`).
 */
export function createGrouper(deps: { store: Store }, options: GrouperOptions = {}): Grouper {
  const { store } = deps;
  const joinThreshold = options.joinThreshold ?? 0.3;
  const relatedThreshold = options.relatedThreshold ?? 0.16;
  const joinWindowDays = options.joinWindowDays ?? 4;
  const relatedWindowDays = options.relatedWindowDays ?? 90;
  const maxStoryDays = options.maxStoryDays ?? 10;
  const keepMs = Math.max(options.keepDays ?? 120, relatedWindowDays + 1) * DAY;

  let index = createCandidateIndex({ windowDays: relatedWindowDays });
  let stories: (Story | undefined)[] = [];
  let storyIndex = new Map<string, number>();
  let articleStory = new Map<string, number>();
  /** The newest article time seen (ms), and the cutoff stories were last evicted at. */
  let newest = Number.NEGATIVE_INFINITY;
  let evictedTo = Number.NEGATIVE_INFINITY;
  /** Stories below this index are all evicted: eviction scans start here. */
  let firstLive = 0;
  let queue: Promise<unknown> = Promise.resolve();
  let scored = 0;

  const serialize = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const register = (story: Story, features: ArticleFeatures[]) => {
    const i = index.addStory(features[0]!);
    for (const f of features.slice(1)) index.joinStory(i, f);
    stories[i] = story;
    storyIndex.set(story.id, i);
    for (const id of story.articleIds) articleStory.set(id, i);
    return i;
  };

  /** Moves the newest time forward with the article's and evicts stories that fell out of reach. */
  const advance = (time: number) => {
    if (Number.isNaN(time) || time <= newest || time > Date.now() + FUTURE_SLACK_MS) return;
    newest = time;
    const cutoff = newest - keepMs;
    // Sweeping once a day of news has passed is enough: stories wait at most a day longer.
    if (cutoff - evictedTo < DAY) return;
    evictedTo = cutoff;
    let allGone = true;
    for (let i = firstLive; i < stories.length; i++) {
      const story = stories[i];
      if (!story) {
        if (allGone) firstLive = i + 1;
        continue;
      }
      const last = index.spanOf(i)[1];
      if (Number.isNaN(last) || last >= cutoff) {
        allGone = false;
        continue;
      }
      index.evict(i);
      stories[i] = undefined;
      storyIndex.delete(story.id);
      for (const id of story.articleIds) if (articleStory.get(id) === i) articleStory.delete(id);
      if (allGone) firstLive = i + 1;
    }
  };

  async function load(): Promise<void> {
    index = createCandidateIndex({ windowDays: relatedWindowDays });
    stories = [];
    storyIndex = new Map();
    articleStory = new Map();
    newest = Number.NEGATIVE_INFINITY;
    evictedTo = Number.NEGATIVE_INFINITY;
    firstLive = 0;
    index.holdPostings();
    try {
      await rebuild();
    } finally {
      index.buildPostings();
    }
  }

  /** Every stored story back into the index, oldest first; stories out of reach are evicted on the way. */
  async function rebuild(): Promise<void> {
    const saved = (await store.listStories()).sort(
      (a, b) => a.firstSeen.localeCompare(b.firstSeen) || a.id.localeCompare(b.id),
    );
    for (let start = 0; start < saved.length; start += LOAD_BATCH) {
      const batch = saved.slice(start, start + LOAD_BATCH);
      const ids = batch.flatMap((s) => s.articleIds);
      const [articles, mentions] = await Promise.all([store.getArticles(ids), store.getMentions(ids)]);
      const byId = new Map(articles.map((a) => [a.id, a]));
      for (const story of batch) {
        const own = story.articleIds.flatMap((id) => byId.get(id) ?? []).sort(compareArticles);
        if (own.length === 0) continue;
        const features = own.map((a) => extractArticleFeatures(a, mentions.get(a.id) ?? []));
        for (const f of features) index.countDocument(f);
        register(story, features);
        for (const f of features) advance(f.time);
      }
    }
  }

  const decide = (s: Similarity) => {
    const drift = Number.isNaN(s.gapDays) ? 0 : s.gapDays * DAILY_DRIFT;
    const score = s.score - drift - (s.newPlace ? NEW_PLACE_PENALTY : 0);
    const tooFar = s.gapDays > joinWindowDays || s.ageDays > maxStoryDays;
    return { score, joins: score >= joinThreshold && !tooFar, related: s.score >= relatedThreshold };
  };

  async function save(story: Story) {
    try {
      await store.saveStory(story);
    } catch (err) {
      throw new NewsbotError(`could not save story ${story.id}`, 'store_failed', { cause: err });
    }
  }

  /** A revised article keeps its story; only the story's version and time move. */
  async function revise(story: Story, article: Article, known: number | undefined): Promise<AssignResult> {
    if (article.updated <= story.updated) return { story, created: false, changed: false, linked: [] };
    const revised = { ...story, version: story.version + 1, updated: article.updated };
    if (known !== undefined) stories[known] = revised;
    await save(revised);
    return { story: revised, created: false, changed: true, linked: [] };
  }

  async function assignOne(article: Article, mentions: Mention[]): Promise<AssignResult> {
    const known = articleStory.get(article.id);
    if (known !== undefined) return revise(stories[known]!, article, known);
    // A revision whose story was evicted: the store still knows the story.
    if (article.revision > 1) {
      const stored = await store.storyOfArticle(article.id);
      if (stored) return revise(stored, article, undefined);
    }

    const features = extractArticleFeatures(article, mentions);
    index.countDocument(features);
    advance(features.time);

    const copyStory = article.copyOf ? articleStory.get(article.copyOf) : undefined;
    let best: { i: number; score: number; joins: boolean } | null =
      copyStory !== undefined ? { i: copyStory, score: 1, joins: true } : null;
    const related: { i: number; score: number }[] = [];
    if (!best) {
      for (const i of index.findCandidates(features)) {
        scored++;
        const verdict = decide(index.similarity(i, features));
        if (verdict.related) related.push({ i, score: verdict.score });
        if (verdict.joins && (!best || verdict.score > best.score)) best = { i, ...verdict };
      }
    }

    if (best?.joins) {
      const prev = stories[best.i]!;
      const joined: Story = {
        ...prev,
        articleIds: [...prev.articleIds, article.id],
        version: prev.version + 1,
        updated: [article.updated, prev.updated].sort()[1]!,
      };
      index.joinStory(best.i, features);
      stories[best.i] = joined;
      articleStory.set(article.id, best.i);
      await save(joined);
      return { story: joined, created: false, changed: true, linked: [] };
    }

    const links = related.sort((a, b) => b.score - a.score || a.i - b.i).slice(0, 2);
    const founded = createStoryId(article);
    const story: Story = {
      // An id already taken means the store holds two articles of one identity; keep both apart.
      id: storyIndex.has(founded) ? createStoryId({ ...article, url: `${founded}#${article.id}` }) : founded,
      articleIds: [article.id],
      related: links.map((l) => stories[l.i]!.id),
      version: 1,
      firstSeen: article.firstSeen,
      updated: article.updated,
    };
    register(story, [features]);
    await save(story);
    const linked: Story[] = [];
    for (const l of links) {
      const prev = stories[l.i]!;
      if (prev.related.includes(story.id)) continue;
      const next = { ...prev, related: [...prev.related, story.id], version: prev.version + 1 };
      stories[l.i] = next;
      await save(next);
      linked.push(next);
    }
    return { story, created: true, changed: true, linked };
  }

  return {
    load: () => serialize(load),
    assign: (article, mentions) => serialize(() => assignOne(article, mentions)),
    assignMany: (items) =>
      serialize(async () => {
        const out: AssignResult[] = new Array(items.length);
        const order = items
          .map((_, i) => i)
          .sort((a, b) => compareArticles(items[a]!.article, items[b]!.article));
        for (const i of order) out[i] = await assignOne(items[i]!.article, items[i]!.mentions);
        return out;
      }),
    explain: async (storyId) => {
      const i = storyIndex.get(storyId);
      const story = i !== undefined ? stories[i]! : await store.getStory(storyId);
      if (!story) return null;
      const [articles, mentions] = await Promise.all([
        store.getArticles(story.articleIds),
        store.getMentions(story.articleIds),
      ]);
      return explainStory(story, articles, mentions);
    },
    get stats() {
      return {
        stories: index.size,
        liveStories: index.liveSize,
        articles: index.articleCount,
        vocabulary: index.vocabularySize,
        scanned: index.postingsScanned,
        scored,
      };
    },
  };
}
