import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFetcher,
  type Fetcher,
  type FetcherOptions,
  type FetchResult,
} from '../../../src/ingest/fetch/index.ts';
import { type FeedServer, rssFeed, startFeedServer } from '../../fakes/feed-server.ts';

let server: FeedServer;
const fetchers: Fetcher[] = [];
function makeFetcher(opts: Partial<FetcherOptions> = {}): Fetcher {
  const f = createFetcher({
    timeoutMs: 2000,
    maxBytes: 1024 * 1024,
    maxRedirects: 5,
    allowPrivateAddresses: true,
    ...opts,
  });
  fetchers.push(f);
  return f;
}
const text = (r: FetchResult) => (r.kind === 'ok' ? new TextDecoder().decode(r.bytes) : `(${r.kind})`);

beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await Promise.all(fetchers.map((f) => f.close()));
  await server.close();
});

describe('createFetcher: responses', () => {
  it('returns the body, headers, content type and validators of a 200', async () => {
    const r = await makeFetcher().fetch(`${server.base}/feeds/conditional.xml`);
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.status).toBe(200);
    expect(r.url).toBe(`${server.base}/feeds/conditional.xml`);
    expect(r.contentType).toBe('application/rss+xml; charset=utf-8');
    expect(r.etag).toBe('"alder-v1"');
    expect(r.lastModified).toBe('Fri, 07 Mar 2031 11:30:00 GMT');
    expect(text(r)).toBe(rssFeed(server.base));
  });

  it('sends the conditional headers and reports 304 as not-modified', async () => {
    const f = makeFetcher();
    const r = await f.fetch(`${server.base}/feeds/conditional.xml`, {
      etag: '"alder-v1"',
      lastModified: null,
    });
    expect(r).toEqual({ kind: 'not-modified' });
    const sent = server.requestsTo('/feeds/conditional.xml').at(-1)!;
    expect(sent.headers['if-none-match']).toBe('"alder-v1"');
    expect(sent.headers['if-modified-since']).toBeUndefined();
    const byDate = await f.fetch(`${server.base}/feeds/conditional.xml`, {
      lastModified: 'Fri, 07 Mar 2031 11:30:00 GMT',
    });
    expect(byDate.kind).toBe('not-modified');
  });

  it('sends a user agent, the accept header and the encodings it decodes', async () => {
    await makeFetcher({ userAgent: 'newsbot-test/1' }).fetch(`${server.base}/feeds/rss.xml`, {
      accept: 'application/rss+xml',
    });
    const sent = server.requestsTo('/feeds/rss.xml').at(-1)!;
    expect(sent.headers['user-agent']).toBe('newsbot-test/1');
    expect(sent.headers.accept).toBe('application/rss+xml');
    expect(sent.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('maps 410 to gone and 404 to a permanent failure', async () => {
    const f = makeFetcher();
    expect(await f.fetch(`${server.base}/feeds/gone.xml`)).toEqual({ kind: 'gone' });
    expect(await f.fetch(`${server.base}/feeds/missing.xml`)).toMatchObject({
      kind: 'failed',
      permanent: true,
      reason: expect.stringContaining('404'),
    });
  });

  it('maps 429 and 503 to retry-later with Retry-After in seconds or as a date', async () => {
    const f = makeFetcher();
    expect(await f.fetch(`${server.base}/feeds/limited.xml`)).toMatchObject({
      kind: 'retry-later',
      status: 429,
      retryAfterMs: 120_000,
    });
    const r = await f.fetch(`${server.base}/feeds/unavailable.xml`);
    expect(r).toMatchObject({ kind: 'retry-later', status: 503 });
    if (r.kind !== 'retry-later') return;
    // An HTTP date has whole seconds: about 90 minutes from now.
    expect(r.retryAfterMs).toBeGreaterThan(85 * 60_000);
    expect(r.retryAfterMs).toBeLessThanOrEqual(90 * 60_000);
  });

  it('decodes gzip, brotli, zlib deflate and raw deflate bodies', async () => {
    const f = makeFetcher();
    for (const path of ['/feeds/rss-gzip.xml', '/feeds/rss-deflate.xml', '/feeds/rss-rawdeflate.xml'])
      expect(text(await f.fetch(`${server.base}${path}`))).toBe(rssFeed(server.base));
    expect(text(await f.fetch(`${server.base}/feeds/atom-br.xml`))).toContain(
      '<feed xmlns="http://www.w3.org/2005/Atom"',
    );
  });

  it('fails permanently on a body that is not in its declared encoding, or an unknown encoding', async () => {
    const f = makeFetcher();
    expect(await f.fetch(`${server.base}/feeds/not-gzip.xml`)).toMatchObject({
      kind: 'failed',
      permanent: true,
      reason: expect.stringMatching(/gzip body cannot be decoded/),
    });
    expect(await f.fetch(`${server.base}/feeds/zstd.xml`)).toMatchObject({
      kind: 'failed',
      permanent: true,
      reason: `${server.base}/feeds/zstd.xml: unsupported Content-Encoding "zstd"`,
    });
  });

  it('reports a truncated gzip body as a clear failure', async () => {
    const r = await makeFetcher().fetch(`${server.base}/feeds/truncated-gzip.xml`);
    expect(r).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/gzip body is truncated/) });
  });
});

describe('createFetcher: limits', () => {
  it('follows a redirect chain and reports the final URL', async () => {
    const r = await makeFetcher().fetch(`${server.base}/redirect/1`);
    expect(r).toMatchObject({ kind: 'ok', url: `${server.base}/feeds/rss.xml` });
  });

  it('stops at the redirect cap', async () => {
    const r = await makeFetcher({ maxRedirects: 2 }).fetch(`${server.base}/redirect/1`);
    expect(r).toMatchObject({
      kind: 'failed',
      permanent: true,
      reason: expect.stringMatching(/too many redirects/),
    });
  });

  it('detects a redirect loop', async () => {
    const r = await makeFetcher({ maxRedirects: 10 }).fetch(`${server.base}/loop/a`);
    expect(r).toMatchObject({
      kind: 'failed',
      permanent: true,
      reason: expect.stringMatching(/redirect loop/),
    });
    expect(server.requestsTo('/loop/a').length).toBe(1);
  });

  it('refuses a redirect to a non-http scheme', async () => {
    const r = await makeFetcher().fetch(`${server.base}/redirect/to-ftp`);
    expect(r).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/ftp: URLs are not fetched/) });
  });

  it('gives up on a response that never ends, as retry-later', async () => {
    const r = await makeFetcher({ timeoutMs: 300 }).fetch(`${server.base}/slow`);
    expect(r).toMatchObject({ kind: 'retry-later', reason: expect.stringMatching(/timed out after 300 ms/) });
    const silent = await makeFetcher({ timeoutMs: 300 }).fetch(`${server.base}/silent`);
    expect(silent).toMatchObject({ kind: 'retry-later', reason: expect.stringMatching(/timed out/) });
  });

  it('aborts a body past the size cap while streaming, declared or not', async () => {
    const f = makeFetcher({ maxBytes: 256 * 1024 });
    expect(await f.fetch(`${server.base}/big`)).toMatchObject({
      kind: 'failed',
      permanent: true,
      reason: expect.stringMatching(/larger than the 262144-byte limit/),
    });
    expect(await f.fetch(`${server.base}/big-declared`)).toMatchObject({
      kind: 'failed',
      reason: expect.stringMatching(/larger than/),
    });
  });

  it('caps the decoded size of a compressed body', async () => {
    for (const path of ['/gzip-bomb', '/deflate-bomb']) {
      const r = await makeFetcher({ maxBytes: 1024 * 1024 }).fetch(`${server.base}${path}`);
      expect(r).toMatchObject({
        kind: 'failed',
        reason: expect.stringMatching(/decoded response body is larger/),
      });
    }
  });

  it('fails cleanly for bad URLs and refused connections', async () => {
    const f = makeFetcher();
    expect(await f.fetch('not a url')).toMatchObject({
      kind: 'failed',
      permanent: true,
      reason: expect.stringMatching(/not a valid URL/),
    });
    expect(await f.fetch('file:///etc/passwd')).toMatchObject({
      kind: 'failed',
      permanent: true,
      reason: expect.stringMatching(/file: URLs/),
    });
    const closed = await f.fetch('http://127.0.0.1:1/feed');
    expect(closed).toMatchObject({ kind: 'retry-later', reason: expect.stringMatching(/ECONNREFUSED/) });
  });
});

describe('createFetcher: private addresses refused unless allowed', () => {
  const strict = () => makeFetcher({ allowPrivateAddresses: false });

  it.each([
    ['127.0.0.1', () => `${server.base}/feeds/rss.xml`],
    ['10.0.0.1', () => 'http://10.0.0.1/feed'],
    ['169.254.169.254', () => 'http://169.254.169.254/latest/meta-data/'],
    ['[::1]', () => `http://[::1]:${server.port}/feeds/rss.xml`],
    ['::ffff:127.0.0.1', () => `http://[::ffff:127.0.0.1]:${server.port}/feeds/rss.xml`],
    ['2130706433 (127.0.0.1 as a number)', () => `http://2130706433:${server.port}/feeds/rss.xml`],
  ])('refuses %s', async (_name, url) => {
    const before = server.requests.length;
    const r = await strict().fetch(url());
    expect(r).toMatchObject({ kind: 'failed', permanent: true, reason: expect.stringMatching(/refused/) });
    expect(server.requests.length).toBe(before);
  });

  it('refuses a host name that resolves to loopback, at connect time', async () => {
    const f = makeFetcher({
      allowPrivateAddresses: false,
      resolveHost: async () => [{ address: '127.0.0.1', family: 4 }],
    });
    const r = await f.fetch(`http://alder-gazette.test:${server.port}/feeds/rss.xml`);
    expect(r).toMatchObject({
      kind: 'failed',
      permanent: true,
      reason: 'alder-gazette.test resolves to 127.0.0.1, a loopback address; refused',
    });
  });

  it('refuses a redirect from an allowed host to a private or metadata address', async () => {
    // Only the fake server's own address is let through, so the redirect target meets the real rule.
    const f = makeFetcher({
      allowPrivateAddresses: false,
      addressPolicy: (a) => (a === '127.0.0.1' ? null : 'refused by the real rule'),
      resolveHost: async (host) => [
        { address: host === 'alder-gazette.test' ? '127.0.0.1' : '10.1.2.3', family: 4 },
      ],
    });
    const start = `http://alder-gazette.test:${server.port}`;
    expect((await f.fetch(`${start}/feeds/rss.xml`)).kind).toBe('ok');
    for (const path of ['/redirect/to-private', '/redirect/to-metadata'])
      expect(await f.fetch(`${start}${path}`)).toMatchObject({
        kind: 'failed',
        permanent: true,
        reason: expect.stringMatching(/^redirect refused/),
      });
  });

  it('refuses a redirect to a host name that resolves to loopback, at connect time', async () => {
    server.route('/redirect/to-localhost', (_q, res) => {
      res.writeHead(302, { location: `http://localhost:${server.port}/feeds/rss.xml` });
      res.end();
    });
    const f = makeFetcher({
      allowPrivateAddresses: false,
      addressPolicy: (a) => (a === '127.0.0.1' ? null : 'a loopback address'),
      resolveHost: async (host) => [
        { address: host === 'localhost' ? '::1' : '127.0.0.1', family: host === 'localhost' ? 6 : 4 },
      ],
    });
    const r = await f.fetch(`http://alder-gazette.test:${server.port}/redirect/to-localhost`);
    expect(r).toMatchObject({
      kind: 'failed',
      permanent: true,
      reason: 'localhost resolves to ::1, a loopback address; refused',
    });
  });
});
