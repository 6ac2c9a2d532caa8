import { createFeedPoller, createPageExpander, type FeedPollerDeps } from '../../../src/ingest/feed/index.ts';
import { createFetcher, type Fetcher, type FetcherOptions } from '../../../src/ingest/fetch/index.ts';
import { createStore } from '../../../src/store/index.ts';
import type { Store } from '../../../src/store/store.ts';
import type { ArticleInput, FeedState } from '../../../src/types.ts';
import type { FeedServer } from '../../fakes/feed-server.ts';

export const T0 = '2031-03-08T06:00:00.000Z';

/** A poller over a real in-memory SQLite store and a real fetcher, with a clock the test moves. */
export async function createPollerHarness(
  server: FeedServer,
  opts: { fetcher?: Partial<FetcherOptions>; poller?: Partial<FeedPollerDeps> } = {},
) {
  const store: Store = await createStore({ sqlitePath: ':memory:' });
  const fetcher: Fetcher = createFetcher({
    timeoutMs: 2000,
    maxBytes: 1024 * 1024,
    maxRedirects: 5,
    allowPrivateAddresses: true,
    ...opts.fetcher,
  });
  let clock = Date.parse(T0);
  const articles: ArticleInput[] = [];
  const poller = createFeedPoller({
    store,
    fetcher,
    now: () => new Date(clock),
    random: () => 0.5,
    expandPage: createPageExpander(fetcher),
    onArticle: async (input) => {
      articles.push(input);
      await store.upsertArticle(input);
    },
    onReject: (r) => store.quarantine(r),
    ...opts.poller,
  });
  return {
    store,
    fetcher,
    poller,
    articles,
    advance(ms: number) {
      clock += ms;
    },
    async addFeed(path: string, intervalSec = 600): Promise<FeedState> {
      return store.addFeed({ url: `${server.base}${path}`, intervalSec });
    },
    /** The feed as stored now. */
    async feed(id: string): Promise<FeedState> {
      const f = await store.getFeed(id);
      if (!f) throw new Error(`no feed ${id}`);
      return f;
    },
    async close() {
      await poller.stop();
      await fetcher.close();
      await store.close();
    },
  };
}

export const inMs = (iso: string | null, from = T0) => (iso ? Date.parse(iso) - Date.parse(from) : null);
