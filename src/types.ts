/** Shared plain-data types. Data flows one way: sources → articles → stories → digests → adapters. */

/** What an ingest parser produces for one article, before it is stored. */
export type ArticleInput = {
  /** The input's own id: a record's "id", a feed item's guid, else the file's base name or the URL. */
  externalId: string;
  /** Where it came from: a file path or a URL. */
  source: string;
  /** The feed it arrived through, when it did. */
  feedId: string | null;
  /** A feed item's guid, when it has one. */
  guid: string | null;
  /** Canonical URL (link rel=canonical, og:url, the feed link, the record's url). */
  url: string | null;
  outlet: string | null;
  title: string | null;
  /** ISO 8601. */
  published: string | null;
  /** The article body only, paragraphs separated by blank lines. */
  text: string;
  /** Agencies and outlets the article attributes its reporting to. */
  cites: string[];
};

export type Article = ArticleInput & {
  id: string;
  /** sha256 of the normalised body text. */
  contentHash: string;
  /** The first article with the same body from another outlet or URL (a wire copy), else null. */
  copyOf: string | null;
  /** 1 on first sight, +1 each time the publisher's edit changed text, title or date. */
  revision: number;
  firstSeen: string;
  updated: string;
};

export type UpsertStatus = 'new' | 'updated' | 'unchanged';

/** A bad input: named, with a reason; the raw input goes to the quarantine. */
export type Rejection = { source: string; reason: string };

export type IngestSummary = {
  ingested: number;
  updated: number;
  unchanged: number;
  skipped: Rejection[];
  /** Ids of the articles that were new or updated, in input order. */
  articleIds: string[];
};

export type FeedState = {
  id: string;
  url: string;
  title: string | null;
  /** Seconds between polls. */
  intervalSec: number;
  enabled: boolean;
  etag: string | null;
  lastModified: string | null;
  lastFetched: string | null;
  nextFetch: string | null;
  failures: number;
  lastError: string | null;
  disabledReason: string | null;
};

export type EntityKind = 'person' | 'org' | 'place';

export type Mention = {
  /** Fullest form of the name in the article ("Ahmad al-Dalati", not "Dalati"). */
  name: string;
  kind: EntityKind;
  role: string | null;
  /** For places: the country (English short name); otherwise null. */
  country: string | null;
  /** How many times the article mentions it (all forms). */
  count: number;
};

export type Story = {
  id: string;
  articleIds: string[];
  /** Earlier or later developments of the same affair. */
  related: string[];
  /** +1 each time an article joins or the digest's content changes. */
  version: number;
  firstSeen: string;
  updated: string;
};

export type DigestPerson = { name: string; kind: 'person' | 'org'; role: string | null; sources: string[] };
export type DigestPlace = { name: string; country: string | null; sources: string[] };
export type DigestSource = { outlet: string | null; articleId: string; url: string | null; cites: string[] };

/** A platform-neutral digest of one story. */
export type Digest = {
  storyId: string;
  version: number;
  headline: string;
  /** One extractive sentence, at most 300 characters. */
  what: string;
  who: DigestPerson[];
  where: DigestPlace[];
  sources: DigestSource[];
  independentSources: number;
  related: string[];
  firstSeen: string;
  updated: string;
};
