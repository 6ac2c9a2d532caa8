import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { createIngestor } from '../../src/ingest/create-ingestor.ts';
import { createFeedRunner } from '../../src/ingest/feed-runner.ts';
import { silentLogger } from '../../src/log.ts';
import { createStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/store.ts';
import { type FeedServer, startFeedServer } from '../fakes/feed-server.ts';

let server: FeedServer;
let store: Store;
beforeEach(async () => {
  server = await startFeedServer();
  store = await createStore({ sqlitePath: ':memory:' });
});
afterEach(async () => {
  await server.close();
  await store.close();
});

async function until(check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('adds feeds from FEEDS once, polls them into the store and quarantines a broken one', async () => {
  const config = loadConfig({
    FEEDS: `${server.base}/feeds/summary.xml,${server.base}/feeds/atom.xml,${server.base}/feeds/broken.xml`,
    ALLOW_PRIVATE_ADDRESSES: 'true',
  });
  const ingestor = createIngestor({ store, maxBytes: config.MAX_BODY_BYTES });
  const runner = createFeedRunner({ store, ingestor, config, log: silentLogger });
  await runner.start();
  await until(async () => (await store.listFeeds()).every((f) => f.lastFetched !== null));
  await runner.stop();
  const articles = await store.listArticles();
  expect(articles.length).toBeGreaterThan(0);
  // summary-only items were expanded from their pages on the fake site
  expect(server.requests.some((r) => !r.path.startsWith('/feeds/'))).toBe(true);
  expect(articles.every((a) => a.text.length > 200)).toBe(true);
  const broken = (await store.listFeeds()).find((f) => f.url.endsWith('/broken.xml'));
  expect(broken?.lastError).toBeTruthy();
  expect((await store.listQuarantine()).some((q) => q.source.includes('broken.xml'))).toBe(true);

  const again = createFeedRunner({ store, ingestor, config, log: silentLogger });
  await again.start();
  await again.stop();
  expect((await store.listFeeds()).length).toBe(3);
});
