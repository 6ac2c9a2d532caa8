export { computeArticleId, hashContent, identifyArticle, normaliseBody } from './article-store.ts';
export { type CreateStoreOptions, createStore, type StoreLog } from './create-store.ts';
export { computeFeedId, defaultFeedIntervalSec, normaliseFeedUrl } from './feed-store.ts';
export { quarantineCapBytes } from './quarantine-store.ts';
export type { FeedPatch, NewFeed, QuarantineEntry, Store, UpsertResult } from './store.ts';
