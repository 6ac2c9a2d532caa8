import type { Article, Mention } from '../types.ts';
import type { ArticleFeatures } from './candidate-index.ts';
import { type EntityFeature, extractEntityFeatures, foldName } from './entity-keys.ts';
import { articleTime } from './story-id.ts';
import { extractLeadTerms, leadOf } from './text-terms.ts';

/** A cited report weighs like a name in the lead named a few times. */
const CITE_WEIGHT = 1.5;

/** What grouping compares of an article: title and lead terms, its names and cited reports, its time. */
export function extractArticleFeatures(article: Article, mentions: Mention[]): ArticleFeatures {
  const lead = `${article.title ?? ''}\n${leadOf(article.text)}`;
  const cites = new Set(article.cites.map(foldName).filter((c) => c.length >= 2));
  // The reports an article rests on: articles resting on the same report tend to tell the same event.
  const cited: EntityFeature[] = [...cites].map((c) => ({
    key: `c:${c}`,
    name: c,
    kind: 'org',
    background: false,
    inLead: false,
    weight: CITE_WEIGHT,
  }));
  return {
    terms: extractLeadTerms(article),
    entities: [...extractEntityFeatures(mentions, lead), ...cited],
    time: articleTime(article),
  };
}
