import { createHash } from 'node:crypto';
import type { Article } from '../types.ts';

/** What names an article across runs and stores: its canonical URL, else feed guid, else source and own id. */
export function articleIdentity(article: Pick<Article, 'url' | 'guid' | 'source' | 'externalId'>): string {
  return article.url ?? article.guid ?? `${article.source}#${article.externalId}`;
}

/** A story's id, derived from the article that founded it: the same article always gives the same id. */
export function createStoryId(founder: Pick<Article, 'url' | 'guid' | 'source' | 'externalId'>): string {
  return `s${createHash('sha256').update(articleIdentity(founder)).digest('hex').slice(0, 16)}`;
}

/** The article's time in ms: published, else first seen; NaN when neither parses. */
export function articleTime(article: Pick<Article, 'published' | 'firstSeen'>): number {
  const published = article.published ? Date.parse(article.published) : Number.NaN;
  return Number.isNaN(published) ? Date.parse(article.firstSeen) : published;
}

const publishedTime = (a: Pick<Article, 'published'>) => (a.published ? Date.parse(a.published) : Number.NaN);

/**
 * Oldest first by published time, undated last, ties by identity: the order that makes grouping
 * reproducible. First-seen time is left out on purpose: it depends on the order of ingestion.
 */
export function compareArticles(
  a: Pick<Article, 'published' | 'url' | 'guid' | 'source' | 'externalId'>,
  b: Pick<Article, 'published' | 'url' | 'guid' | 'source' | 'externalId'>,
): number {
  const ta = publishedTime(a);
  const tb = publishedTime(b);
  if (ta !== tb && !Number.isNaN(ta) && !Number.isNaN(tb)) return ta - tb;
  if (Number.isNaN(ta) !== Number.isNaN(tb)) return Number.isNaN(ta) ? 1 : -1;
  const ia = articleIdentity(a);
  const ib = articleIdentity(b);
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}
