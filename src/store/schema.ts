import type { Generated, Kysely } from 'kysely';

/** Row shapes as stored. Timestamps are ISO 8601 text and flags are 0/1 integers on both dialects. */
export interface FeedsTable {
  id: string;
  url: string;
  title: string | null;
  interval_sec: number;
  enabled: number;
  etag: string | null;
  last_modified: string | null;
  last_fetched: string | null;
  next_fetch: string | null;
  failures: number;
  last_error: string | null;
  disabled_reason: string | null;
  created: string;
}

export interface ArticlesTable {
  id: string;
  external_id: string;
  source: string;
  feed_id: string | null;
  guid: string | null;
  url: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  text: string;
  /** JSON array of strings. */
  cites: string;
  content_hash: string;
  copy_of: string | null;
  revision: number;
  first_seen: string;
  updated: string;
}

export interface QuarantineTable {
  id: Generated<number>;
  source: string;
  reason: string;
  raw: string;
  raw_encoding: 'utf8' | 'base64';
  /** Size of the input before the cap, in bytes. */
  raw_bytes: number;
  truncated: number;
  at: string;
}

export interface MentionsTable {
  article_id: string;
  /** Position in the article's list, to give mentions back in the order they were saved. */
  pos: number;
  name: string;
  kind: string;
  role: string | null;
  country: string | null;
  count: number;
}

export interface StoriesTable {
  id: string;
  /** JSON array of article ids. */
  article_ids: string;
  /** JSON array of story ids. */
  related: string;
  version: number;
  first_seen: string;
  updated: string;
}

export interface StoryArticlesTable {
  story_id: string;
  article_id: string;
}

export interface Database {
  feeds: FeedsTable;
  articles: ArticlesTable;
  quarantine: QuarantineTable;
  mentions: MentionsTable;
  stories: StoriesTable;
  story_articles: StoryArticlesTable;
}

export type Dialect = 'sqlite' | 'postgres';

export type Db = Kysely<Database>;
