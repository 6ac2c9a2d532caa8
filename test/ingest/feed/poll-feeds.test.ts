import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPageExpander } from '../../../src/ingest/feed/index.ts';
import { ARTICLES, articleText, type FeedServer, rssFeed, startFeedServer } from '../../fakes/feed-server.ts';
import { createPollerHarness, T0 } from './create-poller-harness.ts';

let server: FeedServer;
let h: Awaited<ReturnType<typeof createPollerHarness>>;

beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(() => server.close());
afterEach(() => h?.close());

describe('createFeedPoller: new items', () => {
  it('turns a full-content RSS feed into articles and schedules the next poll', async () => {
    h = await createPollerHarness(server);
    const feed = await h.addFeed('/feeds/rss.xml', 600);
    const out = await h.poller.pollFeed(feed);
    expect(out).toMatchObject({
      status: 'ok',
      articles: 4,
      rejectedItems: 0,
      expanded: 0,
      error: null,
      disabled: false,
    });
    expect(h.articles[0]).toEqual({
      externalId: `alder-${ARTICLES[0]!.slug}`,
      source: `${server.base}/articles/${ARTICLES[0]!.slug}`,
      feedId: feed.id,
      guid: `alder-${ARTICLES[0]!.slug}`,
      url: `${server.base}/articles/${ARTICLES[0]!.slug}`,
      outlet: 'The Alder Gazette',
      title: ARTICLES[0]!.title,
      published: '2031-03-04T09:15:00.000Z',
      text: articleText(ARTICLES[0]!),
      cites: [],
    });
    expect(h.articles.map((a) => a.text)).toEqual(ARTICLES.map(articleText));
    expect(await h.store.countArticles()).toBe(4);
    const stored = await h.feed(feed.id);
    expect(stored).toMatchObject({
      title: 'The Alder Gazette',
      failures: 0,
      lastError: null,
      lastFetched: T0,
      enabled: true,
    });
    expect(Date.parse(stored.nextFetch!) - Date.parse(T0)).toBe(600_000);
  });

  it.each([
    ['/feeds/rdf.xml', 2, 'Valdren Weekly'],
    ['/feeds/atom.xml', 4, 'Casterby Courier'],
    ['/feeds/feed.json', 4, 'Mirelle Valley Notes'],
    ['/feeds/rss-gzip.xml', 4, 'The Alder Gazette'],
    ['/feeds/atom-br.xml', 4, 'Casterby Courier'],
    ['/redirect/1', 4, 'The Alder Gazette'],
  ])('reads %s', async (path, count, outlet) => {
    h = await createPollerHarness(server);
    const out = await h.poller.pollFeed(await h.addFeed(path));
    expect(out).toMatchObject({ status: 'ok', articles: count });
    expect(h.articles.map((a) => a.text)).toEqual(ARTICLES.slice(0, count).map(articleText));
    expect(new Set(h.articles.map((a) => a.outlet))).toEqual(new Set([outlet]));
  });

  it('asks with the stored ETag and Last-Modified and takes 304 as nothing new', async () => {
    h = await createPollerHarness(server);
    const feed = await h.addFeed('/feeds/conditional.xml');
    await h.poller.pollFeed(feed);
    const stored = await h.feed(feed.id);
    expect(stored).toMatchObject({ etag: '"alder-v1"', lastModified: 'Fri, 07 Mar 2031 11:30:00 GMT' });
    h.advance(600_000);
    const again = await h.poller.pollFeed(stored);
    expect(again).toMatchObject({ status: 'not-modified', articles: 0 });
    const sent = server.requestsTo('/feeds/conditional.xml').at(-1)!;
    expect(sent.headers['if-none-match']).toBe('"alder-v1"');
    expect(sent.headers['if-modified-since']).toBe('Fri, 07 Mar 2031 11:30:00 GMT');
    expect(h.articles).toHaveLength(4);
    expect(Date.parse((await h.feed(feed.id)).nextFetch!) - Date.parse(T0)).toBe(1_200_000);
  });

  it('does not hand over or re-fetch items it already saw in this feed', async () => {
    h = await createPollerHarness(server);
    const feed = await h.addFeed('/feeds/summary.xml');
    await h.poller.pollFeed(feed);
    const pages = server.requests.filter((r) => r.path.startsWith('/articles/')).length;
    const again = await h.poller.pollFeed(await h.feed(feed.id));
    expect(again).toMatchObject({ status: 'ok', articles: 0, skippedItems: 4 });
    expect(server.requests.filter((r) => r.path.startsWith('/articles/')).length).toBe(pages);
    expect(h.articles).toHaveLength(4);
  });
});

describe('createFeedPoller: summary-only items', () => {
  it('fetches the linked pages, at most two at a time per host', async () => {
    h = await createPollerHarness(server);
    const before = server.requests.length;
    const out = await h.poller.pollFeed(await h.addFeed('/feeds/summary.xml'));
    expect(out).toMatchObject({ status: 'ok', articles: 4, expanded: 4, expandFailures: [] });
    expect(h.articles.map((a) => a.text)).toEqual(ARTICLES.map(articleText));
    expect(h.articles[0]).toMatchObject({
      url: `${server.base}/articles/${ARTICLES[0]!.slug}`,
      title: ARTICLES[0]!.title,
    });
    const pageRequests = server.requests.slice(before).filter((r) => r.path.startsWith('/articles/'));
    expect(pageRequests).toHaveLength(4);
    expect(pageRequests[0]!.headers.accept).toMatch(/^text\/html/);
    expect(server.peakConcurrent('/articles/')).toBe(2);
  });

  it('would open more at once without the limit (the fake server shows it)', async () => {
    const other = await startFeedServer();
    try {
      h = await createPollerHarness(other, { poller: { pagesPerHost: 4 } });
      await h.poller.pollFeed(await h.store.addFeed({ url: `${other.base}/feeds/summary.xml` }));
      expect(other.peakConcurrent('/articles/')).toBeGreaterThan(2);
    } finally {
      await other.close();
    }
  });

  it('keeps the summary and notes why when the page cannot be fetched', async () => {
    h = await createPollerHarness(server);
    server.route('/feeds/summary-broken-link.xml', (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        rssFeed(server.base, { summaryOnly: true }).replace(
          `/articles/${ARTICLES[1]!.slug}`,
          '/articles/withdrawn',
        ),
      );
    });
    const out = await h.poller.pollFeed(await h.addFeed('/feeds/summary-broken-link.xml'));
    expect(out).toMatchObject({ status: 'ok', articles: 4, expanded: 3 });
    expect(out.expandFailures).toEqual([
      { url: `${server.base}/articles/withdrawn`, reason: expect.stringContaining('HTTP 404') },
    ]);
    expect(h.articles[1]).toMatchObject({
      text: ARTICLES[1]!.summary,
      url: `${server.base}/articles/withdrawn`,
    });
  });
});

describe('createFeedPoller: charsets', () => {
  it.each([
    [
      '/feeds/mislabeled.xml',
      'windows-1252 labelled utf-8 by the server',
      '“résultats serrés”',
      'Société — Nouvelles',
    ],
    ['/feeds/latin1.xml', 'ISO-8859-1', '«résultats serrés»', 'Société - Nouvelles'],
  ])('decodes %s (%s)', async (path, _label, quoted, feedTitle) => {
    h = await createPollerHarness(server);
    const feed = await h.addFeed(path);
    const out = await h.poller.pollFeed(feed);
    expect(out).toMatchObject({ status: 'ok', articles: 1 });
    expect(h.articles[0]?.title).toBe(`Élection à Sainte-Gaëlle: ${quoted}`);
    expect((await h.feed(feed.id)).title).toBe(`Café ${feedTitle}`);
  });
});

describe('createFeedPoller: scheduling', () => {
  it('polls due feeds only, and each feed once at a time', async () => {
    h = await createPollerHarness(server);
    const a = await h.addFeed('/feeds/rss.xml');
    const b = await h.addFeed('/feeds/atom.xml');
    const c = await h.addFeed('/feeds/rdf.xml');
    await h.store.updateFeed(c.id, { nextFetch: '2031-03-09T00:00:00.000Z' });
    const first = await h.poller.pollDue();
    expect(first.map((o) => o.feedId).sort()).toEqual([a.id, b.id].sort());
    expect(await h.poller.pollDue()).toEqual([]);
    const requests = server.requestsTo('/feeds/rss.xml').length;
    const feedA = await h.feed(a.id);
    const [x, y] = await Promise.all([h.poller.pollFeed(feedA), h.poller.pollFeed(feedA)]);
    expect(x).toBe(y);
    expect(server.requestsTo('/feeds/rss.xml').length).toBe(requests + 1);
  });

  it('polls on its own timer once started, and stops', async () => {
    h = await createPollerHarness(server, { poller: { tickMs: 20 } });
    await h.addFeed('/feeds/feed.json');
    h.poller.start();
    await vi.waitFor(() => expect(h.articles).toHaveLength(4), { timeout: 5000 });
    await h.poller.stop();
    const count = server.requestsTo('/feeds/feed.json').length;
    h.advance(3_600_000);
    await new Promise((r) => setTimeout(r, 60));
    expect(server.requestsTo('/feeds/feed.json').length).toBe(count);
  });

  it('on stop, finishes the page in hand and leaves the rest for the next poll', async () => {
    const expanded: string[] = [];
    let stopped: Promise<void> | null = null;
    h = await createPollerHarness(server, {
      poller: {
        pagesPerHost: 1,
        expandPage: async (url) => {
          expanded.push(url);
          stopped ??= h.poller.stop();
          return createPageExpander(h.fetcher)(url);
        },
      },
    });
    const feed = await h.addFeed('/feeds/summary.xml');
    const out = await h.poller.pollFeed(feed);
    await stopped;
    expect(out).toMatchObject({ status: 'ok', articles: 1, expanded: 1, rejectedItems: 0 });
    expect(expanded).toHaveLength(1);
    expect(await h.store.listQuarantine()).toEqual([]);
    const next = await h.poller.pollFeed(await h.feed(feed.id));
    expect(next).toMatchObject({ articles: 3, skippedItems: 1 });
  });

  it('survives an onArticle failure: the item is counted as rejected and the poll goes on', async () => {
    h = await createPollerHarness(server, {
      poller: {
        onArticle: async (input) => {
          if (input.title === ARTICLES[2]!.title) throw new Error('disk full');
        },
      },
    });
    const out = await h.poller.pollFeed(await h.addFeed('/feeds/rss.xml'));
    expect(out).toMatchObject({ status: 'ok', articles: 3, rejectedItems: 1 });
  });
});
