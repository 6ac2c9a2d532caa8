/**
 * Scraped plain-text pages: `parseScrapedText` cleans one page (title, outlet, date, URL, body without page
 * furniture); `parseTextArticle` turns it into an ArticleInput with cites; `createRepeatedLineLearner` learns
 * the lines an outlet repeats across its articles and, passed to either, removes them.
 */
export { classifyLine, type LineKind } from './line-kinds.ts';
export { parseDateline } from './parse-dateline.ts';
export { type ParsedText, type ParseScrapedTextOptions, parseScrapedText } from './parse-scraped-text.ts';
export { type ParseTextArticleOptions, parseTextArticle } from './parse-text-article.ts';
export {
  createRepeatedLineLearner,
  normalizeLine,
  type RepeatedLineLearner,
  type RepeatedLineLearnerOptions,
  type RepeatedLinesState,
} from './repeated-line-learner.ts';
