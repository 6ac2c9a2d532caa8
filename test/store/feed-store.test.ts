import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.ts';
import type { FeedState } from '../../src/types.ts';
import { createStoreOpener, listDialectCases } from './store-dialects.ts';

describe.each(listDialectCases())('feeds on $name', ({ newLocation }) => {
  const open = createStoreOpener(afterEach);

  it('adds, gets, lists, updates and removes feeds', async () => {
    const store = await open({ ...newLocation(), now: () => '2026-04-01T00:00:00.000Z' });
    const feed = await store.addFeed({ url: 'https://velm-courier.example/rss', title: 'Velm Courier' });
    const expected: FeedState = {
      id: feed.id,
      url: 'https://velm-courier.example/rss',
      title: 'Velm Courier',
      intervalSec: 900,
      enabled: true,
      etag: null,
      lastModified: null,
      lastFetched: null,
      nextFetch: null,
      failures: 0,
      lastError: null,
      disabledReason: null,
    };
    expect(feed).toStrictEqual(expected);
    expect(await store.getFeed(feed.id)).toStrictEqual(expected);

    const again = await store.addFeed({ url: 'https://VELM-courier.example/rss', intervalSec: 60 });
    expect(again).toStrictEqual(expected);
    const other = await store.addFeed({ url: 'http://saltmarsh.example/atom.xml', intervalSec: 120 });
    expect(other.intervalSec).toBe(120);
    expect((await store.listFeeds()).map((f) => f.url)).toEqual([expected.url, other.url].sort());

    await store.updateFeed(feed.id, {
      enabled: false,
      etag: '"v2"',
      lastModified: 'Wed, 01 Apr 2026 00:00:00 GMT',
      lastFetched: '2026-04-01T00:00:00Z',
      nextFetch: '2026-04-01T00:15:00+00:00',
      failures: 3,
      lastError: 'HTTP 503',
      disabledReason: 'too many failures',
    });
    expect(await store.getFeed(feed.id)).toStrictEqual({
      ...expected,
      enabled: false,
      etag: '"v2"',
      lastModified: 'Wed, 01 Apr 2026 00:00:00 GMT',
      lastFetched: '2026-04-01T00:00:00.000Z',
      nextFetch: '2026-04-01T00:15:00.000Z',
      failures: 3,
      lastError: 'HTTP 503',
      disabledReason: 'too many failures',
    });
    await store.updateFeed(feed.id, { lastError: null, enabled: true });
    expect(await store.getFeed(feed.id)).toMatchObject({ lastError: null, enabled: true, failures: 3 });

    expect(await store.removeFeed(feed.id)).toBe(true);
    expect(await store.removeFeed(feed.id)).toBe(false);
    expect(await store.getFeed(feed.id)).toBeNull();
    await expect(store.updateFeed(feed.id, { failures: 1 })).resolves.toBeUndefined();
    expect((await store.listFeeds()).map((f) => f.id)).toEqual([other.id]);
  });

  it('gives the enabled feeds whose next fetch is unset or due', async () => {
    const store = await open(newLocation());
    const never = await store.addFeed({ url: 'https://a.example/feed' });
    const past = await store.addFeed({ url: 'https://b.example/feed' });
    const exact = await store.addFeed({ url: 'https://c.example/feed' });
    const future = await store.addFeed({ url: 'https://d.example/feed' });
    const disabled = await store.addFeed({ url: 'https://e.example/feed' });
    await store.updateFeed(past.id, { nextFetch: '2026-04-01T09:00:00.000Z' });
    await store.updateFeed(exact.id, { nextFetch: '2026-04-01T12:00:00.000Z' });
    await store.updateFeed(future.id, { nextFetch: '2026-04-01T12:00:00.001Z' });
    await store.updateFeed(disabled.id, { enabled: false });
    const due = await store.dueFeeds('2026-04-01T14:00:00+02:00');
    expect(due.map((f) => f.id)).toEqual([never.id, past.id, exact.id]);
    expect((await store.dueFeeds('2026-04-01T13:00:00Z')).map((f) => f.id)).toContain(future.id);
  });

  it('rejects bad feed input with an InputError naming it', async () => {
    const store = await open(newLocation());
    await expect(store.addFeed({ url: 'not a url' })).rejects.toThrow(InputError);
    await expect(store.addFeed({ url: 'ftp://x.example/feed' })).rejects.toThrow(/http or https/);
    await expect(store.addFeed({ url: 'https://x.example/feed', intervalSec: 0 })).rejects.toThrow(
      /interval/,
    );
    const feed = await store.addFeed({ url: 'https://x.example/feed' });
    await expect(store.updateFeed(feed.id, { nextFetch: 'soon' })).rejects.toThrow(/nextFetch/);
    await expect(store.dueFeeds('yesterday')).rejects.toThrow(InputError);
  });
});
