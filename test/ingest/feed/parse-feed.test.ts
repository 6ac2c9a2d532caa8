import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.ts';
import { parseFeed } from '../../../src/ingest/feed/index.ts';
import { ARTICLES, articleText, atomFeed, jsonFeed, rdfFeed, rssFeed } from '../../fakes/feed-server.ts';

const base = 'http://alder.test';
const opts = { feedUrl: `${base}/feed.xml`, feedId: 'f1' };
const first = ARTICLES[0]!;

describe('parseFeed: formats', () => {
  it('reads RSS 2.0 with content:encoded', () => {
    const feed = parseFeed(rssFeed(base), opts);
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('The Alder Gazette');
    expect(feed.link).toBe(`${base}/`);
    expect(feed.rejected).toEqual([]);
    expect(feed.items).toHaveLength(ARTICLES.length);
    expect(feed.items[0]).toEqual({
      guid: `alder-${first.slug}`,
      url: `${base}/articles/${first.slug}`,
      title: first.title,
      published: first.published.replace('Z', '.000Z'),
      html: expect.stringContaining(`<p>${first.paragraphs[0]}</p>`),
      text: first.summary,
      summaryOnly: false,
      author: null,
    });
  });

  it('marks items whose feed carries only a summary', () => {
    const feed = parseFeed(rssFeed(base, { summaryOnly: true }), opts);
    expect(feed.items.map((i) => i.summaryOnly)).toEqual(ARTICLES.map(() => true));
    expect(feed.items[1]?.text).toBe(ARTICLES[1]!.summary);
  });

  it('reads RSS 1.0 (RDF) with Dublin Core dates and creators', () => {
    const feed = parseFeed(rdfFeed(base), opts);
    expect(feed.format).toBe('rdf');
    expect(feed.title).toBe('Valdren Weekly');
    expect(feed.items).toHaveLength(2);
    expect(feed.items[1]).toMatchObject({
      guid: `${base}/articles/${ARTICLES[1]!.slug}`,
      url: `${base}/articles/${ARTICLES[1]!.slug}`,
      published: '2031-03-05T14:40:00.000Z',
      author: 'Desk Staff',
      summaryOnly: false,
    });
  });

  it('reads Atom 1.0: xml:base links, html titles, authors', () => {
    const feed = parseFeed(atomFeed(base), opts);
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('Casterby Courier');
    const item = feed.items[3]!;
    expect(item).toMatchObject({
      guid: `urn:alder:${ARTICLES[3]!.slug}`,
      url: `${base}/articles/${ARTICLES[3]!.slug}`,
      title: ARTICLES[3]!.title,
      author: 'Lena Marsh',
      text: ARTICLES[3]!.summary,
      summaryOnly: false,
    });
    expect(item.html).toContain('<p>The public library in Casterby reopened');
  });

  it('reads JSON Feed 1.1 with content_text', () => {
    const feed = parseFeed(jsonFeed(base), opts);
    expect(feed.format).toBe('json');
    expect(feed.title).toBe('Mirelle Valley Notes');
    expect(feed.items[2]).toEqual({
      guid: `mv-${ARTICLES[2]!.slug}`,
      url: `${base}/articles/${ARTICLES[2]!.slug}`,
      title: ARTICLES[2]!.title,
      published: '2031-03-06T07:05:00.000Z',
      html: null,
      text: articleText(ARTICLES[2]!),
      summaryOnly: false,
      author: 'Oren Tal',
    });
  });
});

describe('parseFeed: items', () => {
  it('rejects an unusable item with a reason and keeps the rest', () => {
    const feed = parseFeed(
      rssFeed(base, {
        extraItems: [
          '<item><title>Only a title</title></item>',
          '<item><guid>tag:alder,2031:7</guid></item>',
        ],
      }),
      opts,
    );
    expect(feed.items).toHaveLength(ARTICLES.length);
    expect(feed.rejected).toEqual([
      {
        index: 4,
        reason: 'the item has no link, no guid and no content',
        raw: expect.stringContaining('Only a title'),
      },
      {
        index: 5,
        reason: 'the item has neither content nor a link to fetch it from',
        raw: expect.stringContaining('tag:alder'),
      },
    ]);
  });

  it('keeps an item with content but no link or guid, and resolves relative links', () => {
    const feed = parseFeed(
      `<rss version="2.0"><channel><title>T</title>
<item><description>${'A long paragraph of invented text. '.repeat(20)}</description></item>
<item><title>Rel</title><link>/local/story-9</link></item>
<item><title>Permalink</title><guid>${base}/p/10</guid></item>
<item><title>Bad link</title><link>javascript:alert(1)</link><description>Short teaser.</description></item>
</channel></rss>`,
      opts,
    );
    expect(feed.items.map((i) => i.url)).toEqual([null, `${base}/local/story-9`, `${base}/p/10`, null]);
    expect(feed.items[0]?.summaryOnly).toBe(false);
    expect(feed.items[1]?.summaryOnly).toBe(true);
  });

  it('takes text ending in "Read more" or an ellipsis for a summary, however long', () => {
    const long = 'The harbour authority met again on Monday to discuss the plans. '.repeat(12);
    const feed = parseFeed(
      `<rss version="2.0"><channel><title>T</title>
<item><link>${base}/a</link><description>${long} Read more</description></item>
<item><link>${base}/b</link><description>${long}…</description></item>
<item><link>${base}/c</link><description>${long}</description></item>
</channel></rss>`,
      opts,
    );
    expect(feed.items.map((i) => i.summaryOnly)).toEqual([true, true, false]);
  });

  it('reads RFC 822 dates with numeric zones as UTC ISO and drops unreadable ones', () => {
    const feed = parseFeed(
      `<rss version="2.0"><channel><title>T</title>
<item><link>${base}/a</link><pubDate>Tue, 04 Mar 2031 10:00:00 +0200</pubDate></item>
<item><link>${base}/b</link><pubDate>sometime soon</pubDate></item>
</channel></rss>`,
      opts,
    );
    expect(feed.items.map((i) => i.published)).toEqual(['2031-03-04T08:00:00.000Z', null]);
  });
});

describe('parseFeed: bad input', () => {
  const reasonOf = (text: string) => {
    try {
      parseFeed(text, opts);
      return 'parsed';
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).source).toBe(opts.feedUrl);
      return (err as Error).message;
    }
  };

  it('throws InputError for broken XML', () => {
    expect(reasonOf(rssFeed(base).replace('</title><link>', '</titel><link>'))).toMatch(/not well-formed/);
    expect(
      reasonOf(
        '<rss version="2.0"><channel><title>T</title><item><title>a < b</title></item></channel></rss>',
      ),
    ).toMatch(/not well-formed/);
  });

  it('throws InputError for what is not a feed', () => {
    expect(reasonOf('<!doctype html><html><body><p>Hello</p></body></html>')).toMatch(/not a feed/);
    expect(reasonOf('{"hello": "world"}')).toMatch(/not a feed/);
    expect(reasonOf('   ')).toMatch(/empty/);
  });

  it('throws only InputError, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc
            .string()
            .map((s) => `<rss version="2.0"><channel><title>${s}</title><item>${s}</item></channel></rss>`),
          fc.string().map((s) => `<feed xmlns="http://www.w3.org/2005/Atom"><entry>${s}</entry></feed>`),
          fc.string().map((s) => `{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[${s}]}`),
        ),
        (text) => {
          try {
            parseFeed(text, opts);
          } catch (err) {
            if (!(err instanceof InputError)) throw err;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('parseFeed: generated RSS', () => {
  const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // No "<": a title with "<b>" in it is taken for markup (see the next test).
  // No "&" before a letter either: "&amp" there is taken for a reference left over from double escaping.
  const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,.'!?&>-]{0,40}$/).map((w) => w.replace(/&/g, '& '));

  it('returns every item of a valid document, in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: word, slug: fc.stringMatching(/^[a-z0-9-]{1,20}$/), body: word }), {
          maxLength: 12,
        }),
        (items) => {
          const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Gen</title>${items
            .map(
              (it, i) =>
                `<item><title>${escapeXml(it.title)}</title><link>${base}/${i}/${it.slug}</link><description>${escapeXml(
                  it.body,
                )}</description></item>`,
            )
            .join('')}</channel></rss>`;
          const feed = parseFeed(xml, opts);
          expect(feed.rejected).toEqual([]);
          expect(feed.items.map((i) => i.url)).toEqual(items.map((it, i) => `${base}/${i}/${it.slug}`));
          expect(feed.items.map((i) => i.title)).toEqual(
            items.map((it) => it.title.replace(/\s+/g, ' ').trim() || null),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('strips HTML tags from titles but keeps comparison signs', () => {
    const feed = parseFeed(
      `<rss version="2.0"><channel><title>T</title>
<item><title>A &lt;b&gt;bold&lt;/b&gt; move</title><link>${base}/a</link></item>
<item><title>3 &lt; 5 &amp; 6 &gt; 2</title><link>${base}/b</link></item>
</channel></rss>`,
      opts,
    );
    expect(feed.items.map((i) => i.title)).toEqual(['A bold move', '3 < 5 & 6 > 2']);
  });

  it('decodes character references left over from double escaping', () => {
    const feed = parseFeed(
      `<rss version="2.0"><channel><title>Caf&amp;eacute; &amp;amp; Bar</title>
<item><title>Mayor&amp;#8217;s &amp;quot;plan&amp;quot;</title><link>${base}/a</link></item>
</channel></rss>`,
      opts,
    );
    expect(feed.title).toBe('Café & Bar');
    expect(feed.items[0]?.title).toBe('Mayor’s "plan"');
  });
});
