export { classifyLine, type LineKind } from './line-kinds.ts';
export { parseDateline } from './parse-dateline.ts';
export { type ParsedText, type ParseScrapedTextOptions, parseScrapedText } from './parse-scraped-text.ts';
export { type ParseTextArticleOptions, parseTextArticle } from './parse-text-article.ts';
export {
  createRepeatedLineLearner,
  type RepeatedLineLearner,
  type RepeatedLineLearnerOptions,
  type RepeatedLinesState,
} from './repeated-line-learner.ts';
