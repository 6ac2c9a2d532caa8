import { describe, expect, it } from 'vitest';
import { findOutlet, findOutletMentions, OUTLETS, outletFromUrl } from '../../src/ingest/outlets.ts';

describe('OUTLETS', () => {
  it('is a broad list with unique canonical names and only well-formed entries', () => {
    expect(OUTLETS.length).toBeGreaterThanOrEqual(200);
    expect(new Set(OUTLETS.map((o) => o.name)).size).toBe(OUTLETS.length);
    for (const o of OUTLETS) {
      expect(['agency', 'outlet']).toContain(o.kind);
      for (const d of o.domains) expect(d).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
    }
  });
});

describe('findOutlet', () => {
  it.each([
    ['Associated Press', 'AP', 'agency'],
    ['the associated press', 'AP', 'agency'],
    ['Agence France-Presse', 'AFP', 'agency'],
    ['reuters', 'Reuters', 'agency'],
    ['Times of Israel', 'The Times of Israel', 'outlet'],
    ['MEE', 'Middle East Eye', 'outlet'],
    ['Al Hadath', 'Al-Hadath', 'outlet'],
    ['Ekhbariya', 'Ekhbariya TV', 'outlet'],
    ['NYT', 'The New York Times', 'outlet'],
    ['Süddeutsche Zeitung', 'Sueddeutsche Zeitung', 'outlet'],
  ])('%s → %s', (alias, name, kind) => {
    expect(findOutlet(alias)).toEqual({ name, kind });
  });

  it('returns null for names it does not know', () => {
    expect(findOutlet('Valley Times Gazette')).toBeNull();
    expect(findOutlet('')).toBeNull();
  });
});

describe('outletFromUrl', () => {
  it.each([
    ['https://www.reuters.com/world/middle-east/story-2025-05-27/', 'Reuters'],
    ['https://english.alarabiya.net/News/2025/05/27', 'Al Arabiya'],
    ['http://edition.cnn.com/2025/05/27/world', 'CNN'],
    ['timesofisrael.com', 'The Times of Israel'],
  ])('%s → %s', (url, name) => {
    expect(outletFromUrl(url)).toBe(name);
  });

  it.each(['https://example.org/news', 'not a url at all', '', 'https://notreuters.com/x'])(
    '%s → null',
    (url) => {
      expect(outletFromUrl(url)).toBeNull();
    },
  );
});

describe('findOutletMentions', () => {
  const names = (text: string) => findOutletMentions(text).map((m) => m.name);

  it('finds each mention with where it starts and ends, "the" included', () => {
    expect(findOutletMentions('Le Monde, Reuters, AP.')).toEqual([
      { at: 0, end: 8, name: 'Le Monde' },
      { at: 10, end: 17, name: 'Reuters' },
      { at: 19, end: 21, name: 'AP' },
    ]);
    expect(findOutletMentions('as the Associated Press reported')).toEqual([{ at: 3, end: 23, name: 'AP' }]);
  });

  it('takes whole words only, whatever their script', () => {
    for (const text of ['éReuters said', 'Reuters\u0301 said', '\u{1d400}Reuters', 'Reuters9', 'ÄP'])
      expect(names(text), text).toEqual([]);
    expect(names('\u{1f600}Reuters said')).toEqual(['Reuters']);
    expect(names('ÄP and AP')).toEqual(['AP']);
  });

  it('skips handles and paths', () => {
    expect(names('@Reuters x/BBC News')).toEqual([]);
  });
});
