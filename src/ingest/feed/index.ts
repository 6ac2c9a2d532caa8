export { type BuiltArticle, buildFeedArticle, type FeedContext } from './build-feed-article.ts';
export { createPageExpander, type ExpandPage } from './expand-page.ts';
export { htmlToText } from './html-to-text.ts';
export {
  type FeedItem,
  MIN_FULL_TEXT_CHARS,
  type ParsedFeed,
  type ParseFeedOptions,
  parseFeed,
} from './parse-feed.ts';
export {
  createFeedPoller,
  type FeedPoller,
  type FeedPollerDeps,
  type PollerLog,
  type PollOutcome,
} from './poll-feeds.ts';
export { computeBackoffMs } from './schedule-next-poll.ts';
export { type FeedUrlCheck, validateFeedUrl } from './validate-feed-url.ts';
