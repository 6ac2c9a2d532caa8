import { describe, expect, it } from 'vitest';
import { exportOpml, importOpml } from '../src/cli-opml.ts';
import type { FeedState } from '../src/types.ts';

function makeFeed(overrides: Partial<FeedState> = {}): FeedState {
  return {
    id: 'f1',
    url: 'https://harbour-news.example/rss.xml',
    title: 'Harbour News',
    intervalSec: 900,
    enabled: true,
    etag: null,
    lastModified: null,
    lastFetched: null,
    nextFetch: null,
    failures: 0,
    lastError: null,
    disabledReason: null,
    ...overrides,
  };
}

describe('importOpml', () => {
  it('collects feed URLs from nested folders once each, skipping outlines without xmlUrl', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>My feeds</title></head><body>
  <outline text="Local">
    <outline text="Harbour News" type="rss" xmlUrl="https://harbour-news.example/rss.xml"/>
    <outline text="Deep"><outline text="Calder" type="rss" xmlUrl="http://calder.example/feed?a=1&amp;b=2"/></outline>
  </outline>
  <outline text="Harbour again" type="rss" xmlUrl="https://harbour-news.example/rss.xml#top"/>
  <outline text="A web page" htmlUrl="https://calder.example/"/>
</body></opml>`;
    expect(importOpml(xml)).toEqual({
      urls: ['https://harbour-news.example/rss.xml', 'http://calder.example/feed?a=1&b=2'],
      errors: [],
    });
  });

  it('names each bad outline and keeps the good ones', () => {
    const xml = `<opml version="1.0"><head/><body>
  <outline text="Mail" xmlUrl="mailto:desk@harbour-news.example"/>
  <outline text="Broken" xmlUrl="not a url"/>
  <outline text="Fine" xmlUrl="https://fine.example/atom.xml"/>
</body></opml>`;
    const result = importOpml(xml);
    expect(result.urls).toEqual(['https://fine.example/atom.xml']);
    expect(result.errors).toEqual([
      'outline "Mail": xmlUrl "mailto:desk@harbour-news.example": mailto: URLs are not supported (only http and https)',
      'outline "Broken": xmlUrl "not a url" is not a valid URL',
    ]);
  });

  it('says when the text is not OPML, or lists no feeds', () => {
    expect(importOpml('<html><body>hello</body></html>').errors[0]).toMatch(/^not an OPML document/);
    expect(importOpml('').errors[0]).toMatch(/^not an OPML document/);
    expect(importOpml('<opml version="2.0"><head/><body><outline text="x"/></body></opml>').errors).toEqual([
      'the OPML document lists no feeds (no outline has an xmlUrl)',
    ]);
  });
});

describe('exportOpml', () => {
  it('writes one rss outline per feed that importOpml reads back', () => {
    const feeds = [
      makeFeed(),
      makeFeed({
        id: 'f2',
        url: 'https://odd.example/feed?x=1&y="2"',
        title: 'Odd <&> "name"',
        enabled: false,
      }),
      makeFeed({ id: 'f3', url: 'https://untitled.example/rss', title: null }),
    ];
    const xml = exportOpml(feeds);
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toContain('text="Odd &lt;&amp;&gt; &quot;name&quot;"');
    expect(xml).toContain('category="disabled"');
    expect(importOpml(xml)).toEqual({ urls: feeds.map((f) => new URL(f.url).href), errors: [] });
  });
});
