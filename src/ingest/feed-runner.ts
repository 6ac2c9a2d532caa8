import type { Config } from '../config/index.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/store.ts';
import type { Ingestor } from './create-ingestor.ts';
import { createFeedPoller, createPageExpander, validateFeedUrl } from './feed/index.ts';
import { createFetcherFromConfig } from './ingest-urls.ts';
import { outletFromUrl } from './outlets.ts';

/** Feeds from config added once, then every feed polled on its own schedule until stopped. */
export function createFeedRunner(deps: { store: Store; ingestor: Ingestor; config: Config; log: Logger }) {
  const { store, ingestor, config, log } = deps;
  const fetcher = createFetcherFromConfig(config);
  const poller = createFeedPoller({
    store,
    fetcher,
    log,
    expandPage: createPageExpander(fetcher),
    outletOf: outletFromUrl,
    async onArticle(input) {
      await ingestor.ingestArticle(input);
    },
    async onReject(r) {
      log.warn({ source: r.source, reason: r.reason }, 'feed input rejected');
      await store.quarantine(r);
    },
  });

  return {
    async start(): Promise<void> {
      const known = new Set((await store.listFeeds()).map((f) => f.url));
      for (const url of config.FEEDS) {
        const checked = await validateFeedUrl(url, { allowPrivateAddresses: config.ALLOW_PRIVATE_ADDRESSES });
        if (!checked.ok) {
          log.warn({ url, reason: checked.reason }, 'feed from FEEDS not added');
          continue;
        }
        if (!known.has(checked.url))
          await store.addFeed({ url: checked.url, intervalSec: config.FEED_INTERVAL_SEC });
      }
      poller.start();
    },
    async stop(): Promise<void> {
      await poller.stop();
      await fetcher.close();
    },
  };
}
