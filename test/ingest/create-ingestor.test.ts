import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markTextCited } from '../../src/ingest/cites.ts';
import { createIngestor, formatSummary, mergeCites } from '../../src/ingest/create-ingestor.ts';
import { createStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/store.ts';

const BODY = [
  'The city council of Tarnow voted on Thursday to close the old tram depot and turn it into a public library, ending a dispute that lasted four years.',
  'Mayor Irena Kowalczyk said the building would keep its brick facade and the original rails would stay visible under a glass floor.',
  'Opponents had argued that the depot should remain in use for the growing tram network, but the transport company said a new depot outside the centre would open next year.',
  'Construction is due to start in the spring and the library should open in 2028, the council said.',
].join('\n\n');

function page(title: string, body: string): string {
  const paras = body
    .split('\n\n')
    .map((p) => `<p>${p}</p>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><title>${title} | Vistula Post</title>
<meta property="og:site_name" content="Vistula Post"><link rel="canonical" href="https://vistula-post.example/news/${encodeURIComponent(title)}"></head>
<body><nav><a href="/">Home</a><a href="/news">News</a></nav><article><h1>${title}</h1>${paras}</article>
<footer>© Vistula Post</footer></body></html>`;
}

let store: Store;
let dir: string;
beforeEach(async () => {
  store = await createStore({ sqlitePath: ':memory:' });
  dir = mkdtempSync(join(tmpdir(), 'newsbot-ingest-'));
});
afterEach(() => store.close());

describe('mergeCites', () => {
  const input = {
    externalId: 'a',
    source: 'a.json',
    feedId: null,
    guid: null,
    url: null,
    outlet: 'Harbour Times',
    title: 'Port strike ends',
    published: null,
    text: 'The strike ended on Friday, Reuters reported.',
    cites: ['AFP', 'harbour times', 'afp'],
  };

  it('adds the cites its text names to the given ones, once each, never the own outlet', () => {
    expect(mergeCites(input)).toEqual(['AFP', 'Reuters']);
  });

  it('does not read the text of an input whose cites were read from it already', () => {
    expect(mergeCites(markTextCited({ ...input }))).toEqual(['AFP']);
  });
});

describe('ingesting files', () => {
  it('reads every input kind and keeps only the article body', async () => {
    writeFileSync(join(dir, 'a.html'), page('Tarnow depot becomes library', BODY));
    writeFileSync(
      join(dir, 'b.html.gz'),
      gzipSync(page('Old depot to house books', BODY.replace('Thursday', 'Friday'))),
    );
    writeFileSync(
      join(dir, 'c.txt'),
      `Skip to main content\nHome\n\nRiver ferry returns to service\n\nThe river ferry between Opole and the east bank resumed service on Monday after a month of repairs to its engine, the operator said.\n\nThe ferry carries about 900 passengers a day and is the only crossing for cyclists within ten kilometres.\n\nSign up for our newsletter\n`,
    );
    writeFileSync(
      join(dir, 'd.json'),
      JSON.stringify([
        {
          id: 'rec-1',
          title: 'Glacier survey finds faster melt',
          text: 'A survey of glaciers in the Tatra mountains found that ice is melting faster than ten years ago, scientists said on Tuesday.',
        },
        {
          id: 'rec-2',
          title: 'Second record',
          html: page(
            'Bridge reopens',
            'The Grunwaldzki bridge reopened to traffic on Sunday after repairs to its steel cables took longer than planned, the city said.',
          ),
        },
      ]),
    );
    writeFileSync(
      join(dir, 'e.jsonl'),
      `${JSON.stringify({ id: 'line-1', text: 'Heavy snow closed the mountain pass between the two valleys for the first time this winter, police said.' })}\n\n${JSON.stringify({ id: 'line-2', text: 'The regional airport reported a record number of passengers in November, helped by new routes to the south.' })}\n`,
    );
    const ingestor = createIngestor({ store, maxBytes: 1_000_000 });
    const summary = await ingestor.ingestPaths([dir]);
    expect(summary.skipped).toEqual([]);
    expect(summary.ingested).toBe(7);
    const articles = await store.listArticles();
    const html = articles.find((a) => a.externalId === 'a.html');
    expect(html?.outlet).toBe('Vistula Post');
    expect(html?.text).toContain('Mayor Irena Kowalczyk');
    expect(html?.text).not.toContain('Home');
    const txt = articles.find((a) => a.externalId === 'c.txt');
    expect(txt?.text).toContain('The ferry carries about 900 passengers');
    expect(txt?.text).not.toMatch(/Skip to main content|newsletter/);
    expect(articles.find((a) => a.externalId === 'rec-2')?.text).toContain('Grunwaldzki bridge');
    expect(articles.map((a) => a.externalId).sort()).toEqual(
      ['a.html', 'b.html.gz', 'c.txt', 'line-1', 'line-2', 'rec-1', 'rec-2'].sort(),
    );
  });

  it('rejects each bad input with a reason, quarantines it, and ingests the rest', async () => {
    writeFileSync(
      join(dir, 'good.json'),
      JSON.stringify({
        id: 'ok',
        text: 'A new ferry line will link the two islands from March, the regional government announced on Monday.',
      }),
    );
    writeFileSync(join(dir, 'broken.json'), '{"id": "x", "text": ');
    writeFileSync(
      join(dir, 'invalid.jsonl'),
      `${JSON.stringify({ id: 'no-body', title: 'only a title' })}\n${JSON.stringify({ id: 'bad-date', text: 'Some text here.', published: 'yesterday-ish' })}\nnot json at all\n`,
    );
    writeFileSync(
      join(dir, 'binary.html'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0, 4]),
    );
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'truncated.html.gz'), gzipSync(page('Cut off', BODY)).subarray(0, 60));
    writeFileSync(join(dir, 'huge.html'), `<html><body><p>${'word '.repeat(30_000)}</p></body></html>`);
    const ingestor = createIngestor({ store, maxBytes: 100_000 });
    const summary = await ingestor.ingestPaths([dir, join(dir, 'missing-folder')]);
    expect(summary.ingested).toBe(1);
    const reasons = Object.fromEntries(
      summary.skipped.map((s) => [s.source.replace(`${dir}/`, ''), s.reason]),
    );
    expect(reasons['broken.json']).toMatch(/not valid JSON/);
    expect(reasons['invalid.jsonl:1']).toMatch(/text.*non-empty "text" or "html"/);
    expect(reasons['invalid.jsonl:2']).toMatch(/published: not a date/);
    expect(reasons['invalid.jsonl:3']).toMatch(/line 3 is not valid JSON/);
    expect(reasons['binary.html']).toMatch(/binary/);
    expect(reasons['empty.txt']).toMatch(/empty/);
    expect(reasons['truncated.html.gz']).toMatch(/gzip/);
    expect(reasons['huge.html']).toMatch(/over the .* limit/);
    expect(reasons[`${dir}/missing-folder`.replace(`${dir}/`, '')]).toMatch(/no such file/);
    const quarantined = await store.listQuarantine();
    expect(quarantined.length).toBe(summary.skipped.length);
    expect(quarantined.find((q) => q.source.endsWith('broken.json'))?.raw).toContain('"id": "x"');
    expect(formatSummary(summary)).toMatch(/^ingested 1, updated 0, unchanged 0, skipped 9 \(/);
  });

  it('counts the same article twice as one, and an edit as an update', async () => {
    const ingestor = createIngestor({ store, maxBytes: 1_000_000 });
    const rec = {
      id: 'r',
      url: 'https://example.org/a',
      title: 'T',
      text: 'The harbour master said on Friday that the new breakwater would be finished by summer.',
    };
    writeFileSync(join(dir, 'one.json'), JSON.stringify(rec));
    expect((await ingestor.ingestPaths([dir])).ingested).toBe(1);
    expect((await ingestor.ingestPaths([dir])).unchanged).toBe(1);
    writeFileSync(
      join(dir, 'one.json'),
      JSON.stringify({ ...rec, text: `${rec.text} Work starts next week.` }),
    );
    const third = await ingestor.ingestPaths([dir]);
    expect(third.updated).toBe(1);
    const [article] = await store.listArticles();
    expect(article?.revision).toBe(2);
    expect(await store.countArticles()).toBe(1);
  });
});
