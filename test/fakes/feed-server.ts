import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';

/** A fake news site on 127.0.0.1 with scripted feed routes; all content is invented for the tests. */

export type RecordedRequest = { method: string; path: string; headers: Record<string, string> };
export type RouteContext = { base: string; server: FeedServer };
export type Handler = (req: IncomingMessage, res: ServerResponse, ctx: RouteContext) => void | Promise<void>;

export type FeedServer = {
  /** http://127.0.0.1:PORT */
  base: string;
  port: number;
  requests: RecordedRequest[];
  requestsTo(path: string): RecordedRequest[];
  /** Most requests under `prefix` that were open at the same time. */
  peakConcurrent(prefix: string): number;
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
};

export type FakeArticle = {
  slug: string;
  title: string;
  summary: string;
  paragraphs: string[];
  published: string;
};

export const ARTICLES: FakeArticle[] = [
  {
    slug: 'harbour-bridge-vote',
    title: 'Port Alder council approves new harbour bridge',
    summary: 'Councillors in Port Alder voted to build a second bridge over the harbour.',
    published: '2031-03-04T09:15:00Z',
    paragraphs: [
      'Councillors in Port Alder voted nine to four on Tuesday evening to build a second bridge across the inner harbour, ending a debate that had run for more than six years.',
      'Mayor Ilse Varga said the crossing would cut the morning drive from the eastern suburbs by a quarter of an hour and take lorries off the narrow streets of the old town.',
      'Opponents, led by councillor Tomas Brell, argued that the money would be better spent on the ferry service, which carries about eleven thousand passengers a day.',
      'Construction is expected to begin next spring and to last three years, according to the harbour authority, which will share the cost with the regional government.',
    ],
  },
  {
    slug: 'mirelle-river-flooding',
    title: 'Mirelle River bursts its banks after week of rain',
    summary: 'Hundreds of homes were evacuated along the Mirelle River.',
    published: '2031-03-05T14:40:00Z',
    paragraphs: [
      'Hundreds of families left their homes along the lower Mirelle River on Wednesday after a week of heavy rain pushed the water over the flood walls near the town of Casterby.',
      'Emergency crews used boats to reach farms cut off by the water, and the regional fire service said no one had been seriously hurt by the evening.',
      'Forecasters at the national weather office expect the rain to ease on Friday, but warned that the river would stay high for several days as water drains from the hills.',
      'Schools in Casterby and two nearby villages will remain closed until the roads are cleared, the district education office said in a statement.',
    ],
  },
  {
    slug: 'orchard-cooperative-exports',
    title: 'Valdren orchard cooperative doubles apple exports',
    summary: 'A farming cooperative in Valdren sold twice as many apples abroad this year.',
    published: '2031-03-06T07:05:00Z',
    paragraphs: [
      'The Valdren Orchard Cooperative said on Thursday that it had doubled its apple exports over the past year, helped by a new cold store and a shipping deal with two northern ports.',
      'Chair Renate Osk told members at the annual meeting that the cooperative now sells almost half of its harvest abroad, compared with a fifth three years ago.',
      'Growers said the higher prices had allowed several young families to take over orchards that would otherwise have been sold to developers.',
      'The cooperative plans to add a juice press next year and is in talks with the regional development bank about a loan to pay for it.',
    ],
  },
  {
    slug: 'library-reopens',
    title: 'Casterby library reopens after two-year renovation',
    summary: 'The public library in Casterby has reopened its doors.',
    published: '2031-03-07T11:30:00Z',
    paragraphs: [
      'The public library in Casterby reopened on Friday after a two-year renovation that added a reading garden, a children’s floor and a room for local history archives.',
      'Head librarian Amara Quist said more than four hundred people came through the doors in the first hour, many of them to see the restored glass roof of the main hall.',
      'The building had been closed since a storm damaged the roof, and the town council paid for most of the work with a grant from the national heritage fund.',
      'Opening hours will be longer than before the closure, with the library staying open until nine in the evening on weekdays.',
    ],
  },
];

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const rfc822 = (iso: string) => new Date(iso).toUTCString();
export const articleHtml = (a: FakeArticle) => a.paragraphs.map((p) => `<p>${xmlEscape(p)}</p>`).join('\n');
export const articleText = (a: FakeArticle) => a.paragraphs.join('\n\n');

export function rssFeed(
  base: string,
  opts: { summaryOnly?: boolean; extraItems?: string[]; title?: string } = {},
): string {
  const items = ARTICLES.map(
    (a) => `<item><title>${xmlEscape(a.title)}</title><link>${base}/articles/${a.slug}</link>
<guid isPermaLink="false">alder-${a.slug}</guid><pubDate>${rfc822(a.published)}</pubDate>
<description>${xmlEscape(a.summary)}</description>
${opts.summaryOnly ? '' : `<content:encoded><![CDATA[${articleHtml(a)}]]></content:encoded>`}</item>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>${xmlEscape(opts.title ?? 'The Alder Gazette')}</title><link>${base}/</link><description>Invented local news</description>
${[...items, ...(opts.extraItems ?? [])].join('\n')}
</channel></rss>`;
}

export function rdfFeed(base: string): string {
  const items = ARTICLES.slice(0, 2).map(
    (a) => `<item rdf:about="${base}/articles/${a.slug}"><title>${xmlEscape(a.title)}</title>
<link>${base}/articles/${a.slug}</link><dc:date>${a.published}</dc:date><dc:creator>Desk Staff</dc:creator>
<content:encoded><![CDATA[${articleHtml(a)}]]></content:encoded></item>`,
  );
  return `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel rdf:about="${base}/"><title>Valdren Weekly</title><link>${base}/</link><description>Invented</description></channel>
${items.join('\n')}
</rdf:RDF>`;
}

export function atomFeed(base: string): string {
  const entries = ARTICLES.map(
    (a) => `<entry><id>urn:alder:${a.slug}</id><title type="html">${xmlEscape(xmlEscape(a.title))}</title>
<link rel="alternate" href="/articles/${a.slug}"/><published>${a.published}</published><updated>${a.published}</updated>
<author><name>Lena Marsh</name></author><summary>${xmlEscape(a.summary)}</summary>
<content type="html">${xmlEscape(articleHtml(a))}</content></entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="${base}/"><title>Casterby Courier</title><id>urn:casterby</id>
<updated>2031-03-07T11:30:00Z</updated><link rel="self" href="${base}/feeds/atom.xml"/>
${entries.join('\n')}
</feed>`;
}

export function jsonFeed(base: string): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Mirelle Valley Notes',
    home_page_url: `${base}/`,
    items: ARTICLES.map((a) => ({
      id: `mv-${a.slug}`,
      url: `${base}/articles/${a.slug}`,
      title: a.title,
      content_text: articleText(a),
      date_published: a.published,
      authors: [{ name: 'Oren Tal' }],
    })),
  });
}

export function articlePage(a: FakeArticle, base: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${xmlEscape(a.title)} | Alder Gazette</title>
<link rel="canonical" href="${base}/articles/${a.slug}"><meta property="og:site_name" content="Alder Gazette">
<meta property="article:published_time" content="${a.published}"></head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav>
<article><h1>${xmlEscape(a.title)}</h1>${articleHtml(a)}</article>
<footer>© Alder Gazette. All rights reserved.</footer></body></html>`;
}

/** A feed with accented text in a single-byte charset; windows-1252 also gets the characters latin-1 lacks. */
export function accentedFeed(base: string, charset: 'windows-1252' | 'ISO-8859-1'): string {
  const [open, close, apostrophe] = charset === 'windows-1252' ? ['“', '”', '’'] : ['«', '»', "'"];
  return `<?xml version="1.0" encoding="${charset}"?>
<rss version="2.0"><channel><title>Café Société — Nouvelles</title><link>${base}/</link><description>Invented</description>
<item><title>Élection à Sainte-Gaëlle: ${open}résultats serrés${close}</title><link>${base}/articles/${ARTICLES[0]!.slug}</link>
<guid>${base}/fr/election</guid><description>Le conseil de Sainte-Gaëlle a voté à l${apostrophe}unanimité; la séance était présidée par Mme Brûlé.</description></item>
</channel></rss>`.replace(
    'Société — Nouvelles',
    charset === 'windows-1252' ? 'Société — Nouvelles' : 'Société - Nouvelles',
  );
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/rss+xml; charset=utf-8', ...headers });
  res.end(body);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function defaultRoutes(): Map<string, Handler> {
  const r = new Map<string, Handler>();
  const feed = (make: (base: string) => string, type = 'application/rss+xml; charset=utf-8'): Handler => {
    return (_req, res, { base }) => send(res, 200, make(base), { 'content-type': type });
  };
  r.set(
    '/feeds/rss.xml',
    feed((b) => rssFeed(b)),
  );
  r.set('/feeds/rdf.xml', feed(rdfFeed, 'application/rdf+xml'));
  r.set('/feeds/atom.xml', feed(atomFeed, 'application/atom+xml'));
  r.set('/feeds/feed.json', feed(jsonFeed, 'application/feed+json'));
  r.set(
    '/feeds/summary.xml',
    feed((b) => rssFeed(b, { summaryOnly: true })),
  );
  r.set('/feeds/conditional.xml', (req, res, { base }) => {
    const etag = '"alder-v1"';
    const modified = 'Fri, 07 Mar 2031 11:30:00 GMT';
    if (req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === modified) {
      res.writeHead(304, { etag, 'last-modified': modified });
      return void res.end();
    }
    send(res, 200, rssFeed(base), { etag, 'last-modified': modified });
  });
  r.set('/feeds/gone.xml', (_q, res) => send(res, 410, 'gone', { 'content-type': 'text/plain' }));
  r.set('/feeds/missing.xml', (_q, res) => send(res, 404, 'not found', { 'content-type': 'text/plain' }));
  r.set('/feeds/limited.xml', (_q, res) => send(res, 429, 'slow down', { 'retry-after': '120' }));
  r.set('/feeds/unavailable.xml', (_q, res) =>
    send(res, 503, 'maintenance', { 'retry-after': new Date(Date.now() + 90 * 60_000).toUTCString() }),
  );
  r.set('/redirect/1', (_q, res) => send(res, 301, '', { location: '/redirect/2' }));
  r.set('/redirect/2', (_q, res, { base }) => send(res, 302, '', { location: `${base}/redirect/3` }));
  r.set('/redirect/3', (_q, res) => send(res, 307, '', { location: '/feeds/rss.xml' }));
  r.set('/loop/a', (_q, res) => send(res, 302, '', { location: '/loop/b' }));
  r.set('/loop/b', (_q, res) => send(res, 302, '', { location: '/loop/a' }));
  r.set('/redirect/to-private', (_q, res) =>
    send(res, 302, '', { location: 'http://10.0.0.1/feeds/rss.xml' }),
  );
  r.set('/redirect/to-metadata', (_q, res) =>
    send(res, 302, '', { location: 'http://169.254.169.254/latest/meta-data/' }),
  );
  r.set('/redirect/to-ftp', (_q, res) => send(res, 302, '', { location: 'ftp://files.example/feed' }));
  r.set('/slow', (_q, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
  });
  r.set('/silent', () => {});
  r.set('/big', (_q, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      let more = true;
      while (more && sent < 4 * 1024 * 1024) {
        sent += chunk.length;
        more = res.write(chunk);
      }
      if (sent >= 4 * 1024 * 1024) res.end();
    };
    res.on('drain', pump);
    pump();
  });
  r.set('/big-declared', (_q, res) => {
    res.writeHead(200, { 'content-length': String(3 * 1024 * 1024) });
    res.write('x');
  });
  r.set('/gzip-bomb', (_q, res) =>
    send(res, 200, gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20)), { 'content-encoding': 'gzip' }),
  );
  r.set('/deflate-bomb', (_q, res) =>
    send(res, 200, deflateRawSync(Buffer.alloc(8 * 1024 * 1024, 0x20)), { 'content-encoding': 'deflate' }),
  );
  r.set('/feeds/rss-gzip.xml', (_q, res, { base }) =>
    send(res, 200, gzipSync(rssFeed(base)), { 'content-encoding': 'gzip' }),
  );
  r.set('/feeds/atom-br.xml', (_q, res, { base }) =>
    send(res, 200, brotliCompressSync(atomFeed(base)), {
      'content-encoding': 'br',
      'content-type': 'application/atom+xml',
    }),
  );
  r.set('/feeds/rss-deflate.xml', (_q, res, { base }) =>
    send(res, 200, deflateSync(rssFeed(base)), { 'content-encoding': 'deflate' }),
  );
  r.set('/feeds/rss-rawdeflate.xml', (_q, res, { base }) =>
    send(res, 200, deflateRawSync(rssFeed(base)), { 'content-encoding': 'deflate' }),
  );
  r.set('/feeds/not-gzip.xml', (_q, res, { base }) =>
    send(res, 200, rssFeed(base), { 'content-encoding': 'gzip' }),
  );
  r.set('/feeds/zstd.xml', (_q, res) =>
    send(res, 200, Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0, 0]), { 'content-encoding': 'zstd' }),
  );
  r.set('/feeds/truncated-gzip.xml', (_q, res, { base }) => {
    const whole = gzipSync(rssFeed(base));
    send(res, 200, whole.subarray(0, Math.floor(whole.length / 2)), { 'content-encoding': 'gzip' });
  });
  r.set('/feeds/mislabeled.xml', (_q, res, { base }) =>
    send(res, 200, iconv.encode(accentedFeed(base, 'windows-1252'), 'windows-1252')),
  );
  r.set('/feeds/wrong-charset.xml', (_q, res, { base }) =>
    send(
      res,
      200,
      iconv.encode(accentedFeed(base, 'windows-1252').replace(/^<\?xml[^>]*>/, ''), 'windows-1252'),
      {
        'content-type': 'application/rss+xml; charset=shift_jis',
      },
    ),
  );
  r.set('/feeds/latin1.xml', (_q, res, { base }) =>
    send(res, 200, iconv.encode(accentedFeed(base, 'ISO-8859-1'), 'latin1'), {
      'content-type': 'application/rss+xml; charset=ISO-8859-1',
    }),
  );
  r.set('/feeds/broken.xml', (_q, res, { base }) =>
    send(res, 200, rssFeed(base).replace('</title><link>', '</titel><link>')),
  );
  r.set('/feeds/not-a-feed', (_q, res, { base }) =>
    send(res, 200, articlePage(ARTICLES[0]!, base), { 'content-type': 'text/html; charset=utf-8' }),
  );
  r.set('/feeds/binary', (_q, res) =>
    send(res, 200, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 0, 0, 3])),
  );
  for (const a of ARTICLES)
    r.set(`/articles/${a.slug}`, async (_q, res, { base, server }) => {
      // Hold each page open until a third page request arrives (or a short while passes), so a missing
      // per-host limit shows up as more than two requests open at once.
      for (let i = 0; i < 20 && activeCount(server, '/articles/') < 3; i++) await sleep(5);
      send(res, 200, articlePage(a, base), { 'content-type': 'text/html; charset=utf-8' });
    });
  return r;
}

const active = new WeakMap<FeedServer, Map<string, number>>();
function activeCount(server: FeedServer, prefix: string): number {
  let n = 0;
  for (const [path, count] of active.get(server) ?? []) if (path.startsWith(prefix)) n += count;
  return n;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = defaultRoutes();
  const requests: RecordedRequest[] = [];
  const open = new Map<string, number>();
  const peaks = new Map<string, number>();
  let server: FeedServer;

  const http = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    requests.push({ method: req.method ?? 'GET', path, headers });
    open.set(path, (open.get(path) ?? 0) + 1);
    for (const prefix of prefixesOf(path))
      peaks.set(prefix, Math.max(peaks.get(prefix) ?? 0, activeCount(server, prefix)));
    res.on('close', () => open.set(path, (open.get(path) ?? 1) - 1));
    const handler = routes.get(path);
    if (!handler) return send(res, 404, 'no such page', { 'content-type': 'text/plain' });
    Promise.resolve(handler(req, res, { base: server.base, server })).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  server = {
    base: `http://127.0.0.1:${port}`,
    port,
    requests,
    requestsTo: (path) => requests.filter((r) => r.path === path),
    peakConcurrent: (prefix) => peaks.get(prefix) ?? 0,
    route: (path, handler) => void routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
  active.set(server, open);
  return server;
}

function prefixesOf(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i).join('/')}${i ? '/' : ''}`).concat(path);
}
