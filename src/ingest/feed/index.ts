export { type FeedItem, type ParsedFeed, type ParseFeedOptions, parseFeed } from './parse-feed.ts';
export { type FeedUrlCheck, validateFeedUrl } from './validate-feed-url.ts';
