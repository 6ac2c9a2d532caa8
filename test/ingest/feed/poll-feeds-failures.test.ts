import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FeedServer, startFeedServer } from '../../fakes/feed-server.ts';
import { createPollerHarness, inMs, T0 } from './create-poller-harness.ts';

let server: FeedServer;
let h: Awaited<ReturnType<typeof createPollerHarness>>;

beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(() => server.close());
afterEach(() => h?.close());

describe('createFeedPoller: HTTP failures', () => {
  it('disables a feed that is gone (410)', async () => {
    h = await createPollerHarness(server);
    const feed = await h.addFeed('/feeds/gone.xml');
    const out = await h.poller.pollFeed(feed);
    expect(out).toMatchObject({ status: 'gone', disabled: true, nextFetch: null });
    expect(await h.feed(feed.id)).toMatchObject({
      enabled: false,
      disabledReason: 'the feed is gone (HTTP 410)',
      nextFetch: null,
    });
    h.advance(86_400_000);
    expect(await h.poller.pollDue()).toEqual([]);
  });

  it('honours Retry-After when it is longer than the backoff (429)', async () => {
    h = await createPollerHarness(server);
    const feed = await h.addFeed('/feeds/limited.xml', 30);
    const out = await h.poller.pollFeed(feed);
    expect(out).toMatchObject({
      status: 'retry-later',
      disabled: false,
      error: expect.stringContaining('HTTP 429'),
    });
    const stored = await h.feed(feed.id);
    expect(stored).toMatchObject({
      failures: 1,
      enabled: true,
      lastError: expect.stringContaining('retry after 120 s'),
    });
    // Backoff would be 30 s × 2 = 60 s; the server asked for 120 s.
    expect(inMs(stored.nextFetch)).toBe(120_000);
  });

  it('honours a Retry-After date (503)', async () => {
    h = await createPollerHarness(server);
    const feed = await h.addFeed('/feeds/unavailable.xml', 60);
    await h.poller.pollFeed(feed);
    const wait = inMs((await h.feed(feed.id)).nextFetch)!;
    expect(wait).toBeGreaterThan(85 * 60_000);
    expect(wait).toBeLessThanOrEqual(90 * 60_000);
  });

  it('backs off exponentially on permanent errors and disables the feed after five in a row (404)', async () => {
    h = await createPollerHarness(server);
    const feed = await h.addFeed('/feeds/missing.xml', 600);
    const waits: (number | null)[] = [];
    for (let i = 0; i < 4; i++) {
      const out = await h.poller.pollFeed(await h.feed(feed.id));
      expect(out).toMatchObject({
        status: 'failed',
        disabled: false,
        error: expect.stringContaining('HTTP 404'),
      });
      waits.push(inMs((await h.feed(feed.id)).nextFetch));
    }
    // random() is 0.5, so the ±10 % jitter is 0 here.
    expect(waits).toEqual([1_200_000, 2_400_000, 4_800_000, 9_600_000]);
    const fifth = await h.poller.pollFeed(await h.feed(feed.id));
    expect(fifth).toMatchObject({ status: 'failed', disabled: true });
    expect(await h.feed(feed.id)).toMatchObject({
      enabled: false,
      failures: 5,
      disabledReason: expect.stringMatching(/^disabled after 5 consecutive failures; last: HTTP 404/),
    });
  });

  it('caps the backoff', async () => {
    h = await createPollerHarness(server, { poller: { maxBackoffSec: 3600 } });
    const feed = await h.addFeed('/feeds/limited.xml', 3000);
    await h.store.updateFeed(feed.id, { failures: 6 });
    await h.poller.pollFeed(await h.feed(feed.id));
    expect(inMs((await h.feed(feed.id)).nextFetch)).toBe(3_600_000);
  });

  it('resets the failure count after a good poll', async () => {
    h = await createPollerHarness(server);
    const feed = await h.addFeed('/feeds/rss.xml');
    await h.store.updateFeed(feed.id, { failures: 3, lastError: 'HTTP 503 earlier' });
    await h.poller.pollFeed(await h.feed(feed.id));
    expect(await h.feed(feed.id)).toMatchObject({ failures: 0, lastError: null });
  });

  it('backs off without disabling on timeouts and truncated bodies', async () => {
    h = await createPollerHarness(server, { fetcher: { timeoutMs: 200 } });
    for (const path of ['/slow', '/feeds/truncated-gzip.xml']) {
      const feed = await h.addFeed(path, 60);
      await h.store.updateFeed(feed.id, { failures: 9 });
      const out = await h.poller.pollFeed(await h.feed(feed.id));
      expect(out.disabled).toBe(false);
      expect(await h.feed(feed.id)).toMatchObject({ enabled: true, failures: 10 });
    }
  });

  it('counts a refused private address as a permanent failure', async () => {
    h = await createPollerHarness(server, { fetcher: { allowPrivateAddresses: false } });
    const feed = await h.addFeed('/feeds/rss.xml');
    const before = server.requests.length;
    const out = await h.poller.pollFeed(feed);
    expect(out).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('loopback address; refused'),
    });
    expect(server.requests.length).toBe(before);
  });
});

describe('createFeedPoller: bad bodies go to the quarantine', () => {
  it.each([
    ['/feeds/broken.xml', /broken feed: the XML is not well-formed/],
    ['/feeds/not-a-feed', /not a feed/],
    ['/feeds/binary', /binary/],
    ['/feeds/wrong-charset.xml', /not valid shift_jis text/],
  ])('%s', async (path, reason) => {
    h = await createPollerHarness(server);
    const feed = await h.addFeed(path);
    const out = await h.poller.pollFeed(feed);
    expect(out).toMatchObject({ status: 'rejected', articles: 0, error: expect.stringMatching(reason) });
    const [entry] = await h.store.listQuarantine();
    expect(entry).toMatchObject({ source: feed.url, reason: expect.stringMatching(reason) });
    expect(await h.feed(feed.id)).toMatchObject({
      failures: 1,
      lastError: expect.stringMatching(reason),
      etag: null,
    });
  });

  it('quarantines a rejected item once, not on every poll', async () => {
    h = await createPollerHarness(server);
    server.route('/feeds/with-bad-item.xml', (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        `<rss version="2.0"><channel><title>Odd</title><item><title>No link, no text</title></item>
<item><link>${server.base}/articles/library-reopens</link><description>A teaser.</description></item></channel></rss>`,
      );
    });
    const feed = await h.addFeed('/feeds/with-bad-item.xml');
    const out = await h.poller.pollFeed(feed);
    expect(out).toMatchObject({ status: 'ok', articles: 1, rejectedItems: 1 });
    await h.poller.pollFeed(await h.feed(feed.id));
    const entries = await h.store.listQuarantine();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      source: `${feed.url} (item 1)`,
      reason: 'the item has no link, no guid and no content',
    });
  });
});

describe('createFeedPoller: never throws', () => {
  it('records an unexpected failure (a broken store) as the poll outcome', async () => {
    h = await createPollerHarness(server);
    const feed = await h.addFeed('/feeds/rss.xml');
    const failingStore = Object.create(h.store, {
      updateFeed: { value: async () => Promise.reject(new Error('database is locked')) },
    });
    const { createFeedPoller, createPageExpander } = await import('../../../src/ingest/feed/index.ts');
    const poller = createFeedPoller({
      store: failingStore,
      fetcher: h.fetcher,
      now: () => new Date(T0),
      expandPage: createPageExpander(h.fetcher),
      onArticle: async () => {},
      onReject: async () => {},
    });
    const out = await poller.pollFeed(feed);
    expect(out).toMatchObject({ status: 'failed', error: expect.stringContaining('database is locked') });
  });
});
