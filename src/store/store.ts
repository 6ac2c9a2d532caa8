import type { Article, ArticleInput, FeedState, Mention, Story, UpsertStatus } from '../types.ts';
import type { DeliveryStore } from './delivery-store.ts';
import type { SearchMethods } from './search-store.ts';

export type QuarantineEntry = {
  id: number;
  source: string;
  reason: string;
  /** The raw input as received (truncated to the quarantine cap), base64 when it was not text. */
  raw: string;
  rawEncoding: 'utf8' | 'base64';
  /** Size of the raw input as received, in bytes (before the cap). */
  rawBytes?: number;
  /** True when `raw` holds only the first part of the input. */
  truncated?: boolean;
  at: string;
};

export type NewFeed = { url: string; title?: string | null; intervalSec?: number };
export type FeedPatch = Partial<Omit<FeedState, 'id' | 'url'>>;

export type UpsertResult = { status: UpsertStatus; article: Article };

/**
 * Everything the bot keeps. One interface, two dialects (SQLite by default, PostgreSQL when
 * DATABASE_URL is set); every method is safe to call concurrently.
 */
export interface Store extends DeliveryStore, SearchMethods {
  readonly dialect: 'sqlite' | 'postgres';

  /**
   * Stores an article once. Same canonical URL, or same feed guid: the same article — updated in place
   * (revision + 1) when text, title or published date changed, else 'unchanged'. A different URL/guid
   * with the same body as a stored article: a new article with `copyOf` set to the first one.
   */
  upsertArticle(input: ArticleInput): Promise<UpsertResult>;
  getArticle(id: string): Promise<Article | null>;
  getArticles(ids: string[]): Promise<Article[]>;
  /** Newest first by first-seen time. */
  listArticles(opts?: { since?: string; limit?: number }): Promise<Article[]>;
  countArticles(): Promise<number>;

  quarantine(entry: { source: string; reason: string; raw: string | Uint8Array }): Promise<void>;
  listQuarantine(opts?: { limit?: number }): Promise<QuarantineEntry[]>;

  addFeed(feed: NewFeed): Promise<FeedState>;
  listFeeds(): Promise<FeedState[]>;
  getFeed(id: string): Promise<FeedState | null>;
  removeFeed(id: string): Promise<boolean>;
  updateFeed(id: string, patch: FeedPatch): Promise<void>;
  /** Enabled feeds whose nextFetch is null or at/before `now`. */
  dueFeeds(now: string): Promise<FeedState[]>;

  saveMentions(articleId: string, mentions: Mention[]): Promise<void>;
  getMentions(articleIds: string[]): Promise<Map<string, Mention[]>>;

  saveStory(story: Story): Promise<void>;
  getStory(id: string): Promise<Story | null>;
  /** Newest first by updated time. */
  listStories(opts?: { since?: string; limit?: number }): Promise<Story[]>;
  storyOfArticle(articleId: string): Promise<Story | null>;

  close(): Promise<void>;
}
