import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.ts';
import { extractHtml, MAX_DEPTH, MAX_ELEMENTS, MAX_HTML_CHARS } from '../../../src/ingest/html/index.ts';

const harbour = readFileSync(new URL('./fixtures/harbour-article.html', import.meta.url), 'utf8');

/** Builds a small page around a body; the filler gives Readability enough prose to pick the article. */
function page(head: string, body: string): string {
  return `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
}

const prose = [
  'The regional water board said on Thursday that reservoir levels had fallen to their lowest point in a decade after a dry summer.',
  'Farmers in the valley have been asked to cut irrigation by a fifth until the autumn rains arrive, the board said.',
  'A spokesperson said the measures were temporary and would be reviewed at the end of the month with local councils.',
  'Two smaller reservoirs in the hills have already been closed to boats, and a hosepipe ban for households starts on Monday.',
  'Forecasters expect little rain before the middle of September, although storms could bring short heavy showers to the coast.',
];
const articleBody = `<article>${prose.map((p) => `<p>${p}</p>`).join('')}</article>`;

describe('extractHtml: body', () => {
  const result = extractHtml(harbour, { url: 'https://northport.example/local/x?utm_source=feed' });
  const paragraphs = result.text.split('\n\n');

  it('keeps the article paragraphs in order', () => {
    expect(paragraphs[0]).toMatch(/^The Harbour Bridge in Northport reopened to traffic on Tuesday morning,/);
    expect(result.text).toContain('Mayor Tomas Rell cut a ribbon');
    expect(result.text).toContain('The repairs cost 48 million crowns');
    expect(paragraphs.at(-1)).toBe(
      'The transport office said a full inspection would take place every six months from now on.',
    );
  });

  it('keeps headings inside the body as their own paragraph', () => {
    expect(paragraphs).toContain('Costs higher than planned');
  });

  it('turns a double <br> into a paragraph break', () => {
    expect(paragraphs).toContain('Shop owners on the east quay said the closure had cost them customers.');
    expect(paragraphs.some((p) => p.startsWith('"We lost nearly a third of our trade,"'))).toBe(true);
  });

  it('drops captions, share tools, promos, embedded posts, related lists, comments and bylines', () => {
    for (const boilerplate of [
      'Photo: Lina Osk',
      'Share on Facebook',
      'Sign up for our morning briefing',
      'Finally driving over the bridge',
      'Council approves new ferry timetable',
      'How the cracks were found',
      'about time really',
      'Copyright 2024',
      'By Mara Quill',
      'Home',
    ]) {
      expect(result.text).not.toContain(boilerplate);
    }
  });

  it('returns the attribution of an embedded post as a credit', () => {
    expect(result.credits).toContain('— Someone (@someone) March 5, 2024');
  });

  it('keeps bylines and reporting credits out of the body but returns them as credits', () => {
    expect(result.text).not.toContain('Reporting by');
    expect(result.credits).toContain('By Mara Quill, Transport Reporter');
    expect(result.credits).toContain(
      'Reporting by Mara Quill; additional reporting by the Coastal News Agency.',
    );
  });

  it('does not repeat the headline in the body', () => {
    expect(result.text).not.toContain('Harbour bridge reopens after two years of repairs');
  });
});

describe('extractHtml: feed item fragments', () => {
  it('extracts a bare fragment and drops feed furniture', () => {
    const fragment =
      '<p>The council voted 7-2 on Tuesday to approve the new ferry timetable, which adds two evening crossings.</p>' +
      '<p><a href="https://ledger.example/ferry">Read more</a></p>' +
      '<p>The post <a href="https://ledger.example/ferry">Ferry timetable approved</a> appeared first on Northport Ledger.</p>';
    expect(extractHtml(fragment).text).toBe(
      'The council voted 7-2 on Tuesday to approve the new ferry timetable, which adds two evening crossings.',
    );
  });

  it('accepts plain text without any markup', () => {
    expect(extractHtml('Officials confirmed the bridge will reopen next week.').text).toBe(
      'Officials confirmed the bridge will reopen next week.',
    );
  });

  it('rejects a fragment that is only a list of links', () => {
    expect(() =>
      extractHtml('<ul><li><a href="/1">Headline one</a></li><li><a href="/2">Headline two</a></li></ul>'),
    ).toThrow(InputError);
  });

  it('rejects a fragment that is only a link, which Readability wraps in its own upper-case DIVs', () => {
    expect(() => extractHtml('<a href="/x?a=1&amp;b=2">Read on</a>')).toThrow(InputError);
  });
});

describe('extractHtml: metadata', () => {
  it('reads og, JSON-LD @graph, canonical and lang', () => {
    const r = extractHtml(harbour, { url: 'https://northport.example/local/x?utm_source=feed' });
    expect(r.title).toBe('Harbour bridge reopens after two years of repairs');
    expect(r.outlet).toBe('The Northport Ledger');
    expect(r.published).toBe('2024-03-05T08:30:00.000Z');
    expect(r.url).toBe('https://northport.example/local/harbour-bridge-reopens');
    expect(r.lang).toBe('en-GB');
  });

  it('falls back to JSON-LD in an array when the head has no og tags', () => {
    const ld = JSON.stringify([
      { '@type': 'BreadcrumbList', itemListElement: [] },
      {
        '@type': ['NewsArticle'],
        headline: 'Reservoirs at a ten-year low',
        datePublished: '2023-08-17T14:00:00-04:00',
        publisher: { '@type': 'Organization', name: 'Valley Courier' },
        mainEntityOfPage: { '@id': 'https://courier.example/news/reservoirs' },
      },
    ]);
    const r = extractHtml(page(`<script type="application/ld+json">${ld}</script>`, articleBody));
    expect(r.title).toBe('Reservoirs at a ten-year low');
    expect(r.outlet).toBe('Valley Courier');
    expect(r.published).toBe('2023-08-17T18:00:00.000Z');
    expect(r.url).toBe('https://courier.example/news/reservoirs');
  });

  it('strips the outlet suffix from <title> and reads <time datetime>', () => {
    const head =
      '<title>Reservoirs at a ten-year low - Valley Courier</title><meta name="application-name" content="Valley Courier | News for the valley since 1902">';
    const body = `<time datetime="2023-08-17">17 August</time>${articleBody}`;
    const r = extractHtml(page(head, body), { url: 'https://courier.example/a?id=3' });
    expect(r.title).toBe('Reservoirs at a ten-year low');
    expect(r.outlet).toBe('Valley Courier');
    expect(r.published).toBe('2023-08-17T00:00:00.000Z');
    expect(r.url).toBe('https://courier.example/a?id=3');
    expect(r.lang).toBeNull();
  });

  it('ignores a canonical link to the home page', () => {
    const head =
      '<link rel="canonical" href="/"><meta property="og:url" content="https://courier.example/news/7">';
    const r = extractHtml(page(head, articleBody), { url: 'https://courier.example/news/7?ref=rss' });
    expect(r.url).toBe('https://courier.example/news/7');
  });

  it('reads itemprop=datePublished and survives broken JSON-LD', () => {
    const head = '<script type="application/ld+json">{"@type": "NewsArticle", </script>';
    const body = `<span itemprop="datePublished" content="2022-01-02T03:04:05Z"></span>${articleBody}`;
    const r = extractHtml(page(head, body));
    expect(r.published).toBe('2022-01-02T03:04:05.000Z');
    expect(r.outlet).toBeNull();
  });

  it('uses the JSON-LD articleBody when the page shows no readable body', () => {
    const ld = JSON.stringify({
      '@type': 'NewsArticle',
      headline: 'Short page',
      articleBody: prose.join('\n\n'),
    });
    const r = extractHtml(page(`<script type="application/ld+json">${ld}</script>`, '<div id="app"></div>'));
    expect(r.text).toBe(prose.join('\n\n'));
  });

  it('renders a JSON-LD articleBody that holds HTML', () => {
    const ld = JSON.stringify({
      '@type': 'NewsArticle',
      articleBody: prose.map((p) => `<p>${p}</p>`).join(''),
    });
    const r = extractHtml(page(`<script type="application/ld+json">${ld}</script>`, '<div id="app"></div>'));
    expect(r.text).toBe(prose.join('\n\n'));
  });

  it('handles a page without <html>, <head> or <body>', () => {
    const r = extractHtml(`<title>Bare page</title>${prose.map((p) => `<p>${p}`).join('')}`);
    expect(r.text).toContain('reservoir levels had fallen');
    expect(r.title).toBe('Bare page');
  });

  it('keeps an article that the site wrapped in a <form> or a "share" container', () => {
    const wrapped = page(
      '<title>Wrapped</title>',
      `<form id="aspnetForm"><div class="post-share-enabled">${articleBody}</div></form>`,
    );
    expect(extractHtml(wrapped).text).toBe(prose.join('\n\n'));
  });

  it('keeps non-English text intact', () => {
    const ja = '市の交通局は火曜日、二年間の補修工事を終えた港の橋を再び開通させたと発表した。';
    const r = extractHtml(page('<title>港の橋</title>', `<article><p>${ja.repeat(8)}</p></article>`));
    expect(r.text).toContain(ja);
  });
});

describe('extractHtml: rejects pages without an article', () => {
  const cases: [string, string][] = [
    ['empty', ''],
    ['whitespace', '  \n\t '],
    [
      'scripts and styles only',
      '<html><head><style>p{}</style></head><body><script>var a = 1;</script></body></html>',
    ],
    ['an empty body', '<html><body><div></div></body></html>'],
  ];
  for (const [name, html] of cases) {
    it(name, () => {
      expect(() => extractHtml(html, { url: 'https://x.example/p' })).toThrow(InputError);
    });
  }

  it('reads markup whose only "<html" sits inside a script, an svg or a comment', () => {
    for (const html of ['<script><html>x', '<svg>a<html>', '<!-- <html> -->']) {
      expect(() => extractHtml(html)).toThrow(/no readable article body/);
    }
    const text = 'Officials confirmed the bridge will reopen next week.';
    expect(extractHtml(`<!-- <html lang="en"> --><p>${text}</p>`).text).toBe(text);
  });

  it('names the page and the reason', () => {
    try {
      extractHtml('', { url: 'https://x.example/p' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).source).toBe('https://x.example/p');
      expect((err as InputError).message).toMatch(/empty/);
    }
  });

  it('refuses pathological nesting and element counts with a clear reason', () => {
    const p = '<p>The committee met again on Friday to discuss the budget and expects a vote next week.</p>';
    const deep = `<body>${'<div>'.repeat(MAX_DEPTH + 5)}${p}${'</div>'.repeat(MAX_DEPTH + 5)}</body>`;
    expect(() => extractHtml(deep)).toThrow(/nests elements too deeply/);
    const crowded = `<body>${'<i></i>'.repeat(MAX_ELEMENTS)}${p}</body>`;
    expect(() => extractHtml(crowded)).toThrow(/too many elements/);
  });

  it('refuses a page past the size cap with a clear reason', () => {
    const huge = `<p>${'a'.repeat(MAX_HTML_CHARS)}</p>`;
    expect(() => extractHtml(huge)).toThrow(/too large/);
  });
});
