import type { Article, Mention } from '../types.ts';
import type { ArticleFeatures } from './candidate-index.ts';
import { extractEntityFeatures } from './entity-keys.ts';
import { articleTime } from './story-id.ts';
import { extractLeadTerms, leadOf } from './text-terms.ts';

/** What grouping compares of an article: title and lead terms, its names, its time. */
export function extractArticleFeatures(article: Article, mentions: Mention[]): ArticleFeatures {
  const lead = `${article.title ?? ''}\n${leadOf(article.text)}`;
  return {
    terms: extractLeadTerms(article),
    entities: extractEntityFeatures(mentions, lead),
    time: articleTime(article),
  };
}
