import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.ts';
import type { Store } from '../../src/store/index.ts';
import {
  normalizeSearchText,
  type SearchDoc,
  splitSearchQuery,
  toFts5Query,
  toSearchDoc,
  toTsQuery,
} from '../../src/store/search-store.ts';
import { makeDigest } from '../fixtures/digest-fixture.ts';
import { createStoreOpener, listDialectCases } from './store-dialects.ts';

function makeDoc(overrides: Partial<SearchDoc> = {}): SearchDoc {
  return {
    storyId: 'story-ferry',
    headline: 'Ferry service to Skarvø suspended after engine fire',
    what: 'The island ferry stopped running on Monday after a small engine fire, the operator said.',
    who: ['Ingrid Halvorsen', 'Skarvø Ferry Company'],
    where: ['Skarvø', 'Nordvik'],
    outlets: ['Nordvik Post', 'Coastal Wire'],
    independentSources: 2,
    updated: '2026-04-02T10:00:00.000Z',
    ...overrides,
  };
}

const ids = (hits: { storyId: string }[]) => hits.map((h) => h.storyId);

describe.each(listDialectCases())('story search on $name', ({ newLocation }) => {
  const open = createStoreOpener(afterEach);

  async function seeded(): Promise<Store> {
    const store = await open(newLocation());
    await store.indexStory(makeDoc());
    await store.indexStory(
      makeDoc({
        storyId: 'story-bridge',
        headline: 'Harbour bridge in Port Calder closed after cable fault',
        what: 'Engineers closed the bridge on Tuesday after a cable frayed in high winds.',
        who: ['Mara Okonjo'],
        where: ['Port Calder'],
        outlets: ['Calder Courier'],
        independentSources: 1,
        updated: '2026-04-03T09:00:00.000Z',
      }),
    );
    await store.indexStory(
      makeDoc({
        storyId: 'story-bridges-vote',
        headline: 'Council votes to fund two new bridges',
        what: 'The council approved money for two footbridges over the canal.',
        who: ['Leena Márquez'],
        where: ['Eastgate'],
        outlets: ['Eastgate Herald'],
        independentSources: 3,
        updated: '2026-04-03T07:00:00.000Z',
      }),
    );
    return store;
  }

  it('finds stories by headline, what, names, places and outlets', async () => {
    const store = await seeded();
    expect(ids(await store.searchStories('engine fire'))).toEqual(['story-ferry']);
    expect(ids(await store.searchStories('Okonjo'))).toEqual(['story-bridge']);
    expect(ids(await store.searchStories('eastgate'))).toEqual(['story-bridges-vote']);
    expect(ids(await store.searchStories('coastal wire'))).toEqual(['story-ferry']);
    expect(await store.searchStories('volcano')).toEqual([]);
  });

  it('ignores case and accents, and matches word prefixes', async () => {
    const store = await seeded();
    expect(ids(await store.searchStories('SKARVO'))).toEqual(['story-ferry']);
    expect(ids(await store.searchStories('marquez'))).toEqual(['story-bridges-vote']);
    expect(ids(await store.searchStories('halvor'))).toEqual(['story-ferry']);
  });

  it('needs every word, and a quoted phrase in order', async () => {
    const store = await seeded();
    expect(ids(await store.searchStories('bridge cable'))).toEqual(['story-bridge']);
    expect(ids(await store.searchStories('"cable frayed"'))).toEqual(['story-bridge']);
    expect(await store.searchStories('"frayed cable"')).toEqual([]);
  });

  it('ranks the newest day first, then the best-sourced', async () => {
    const store = await seeded();
    const hits = await store.searchStories('bridge');
    // Both bridge stories are from 3 April; the 3-source one first. "bridge" prefixes "bridges".
    expect(ids(hits)).toEqual(['story-bridges-vote', 'story-bridge']);
    expect(hits[0]).toMatchObject({
      headline: 'Council votes to fund two new bridges',
      independentSources: 3,
      updated: '2026-04-03T07:00:00.000Z',
    });
    await store.indexStory(
      makeDoc({
        storyId: 'story-ferry-bridge',
        headline: 'Ferry replaced by a bridge',
        independentSources: 1,
        updated: '2026-04-05T00:00:00.000Z',
      }),
    );
    expect(ids(await store.searchStories('bridge'))[0]).toBe('story-ferry-bridge');
  });

  it('replaces a story’s entry when it is indexed again', async () => {
    const store = await seeded();
    await store.indexStory(
      makeDoc({
        headline: 'Ferry service to Skarvø resumes',
        what: 'Repairs are done.',
        independentSources: 4,
      }),
    );
    expect(await store.searchStories('fire')).toEqual([]);
    const [hit] = await store.searchStories('resumes');
    expect(hit).toMatchObject({ storyId: 'story-ferry', independentSources: 4 });
    expect(ids(await store.searchStories('ferry'))).toEqual(['story-ferry']);
  });

  it('limits the number of hits', async () => {
    const store = await open(newLocation());
    for (let i = 0; i < 12; i++)
      await store.indexStory(
        makeDoc({ storyId: `s${i}`, updated: `2026-04-${String(10 + i).padStart(2, '0')}T00:00:00.000Z` }),
      );
    const hits = await store.searchStories('ferry', { limit: 5 });
    expect(ids(hits)).toEqual(['s11', 's10', 's9', 's8', 's7']);
  });

  it('treats query syntax as plain text and never fails on it', async () => {
    const store = await seeded();
    for (const q of [
      'ferry"',
      'NEAR(ferry fire)',
      'ferry OR',
      '"',
      '*',
      'ferry AND NOT',
      "o'brien",
      'ferry)(',
      '-ferry',
      'ferry:fire',
      '^ferry',
      '\\',
    ]) {
      await expect(store.searchStories(q), q).resolves.toBeInstanceOf(Array);
    }
    expect(ids(await store.searchStories('ferry AND fire'))).toEqual(['story-ferry']);
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), async (q) => {
        expect(Array.isArray(await store.searchStories(q))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('lists stories that have no search entry yet', async () => {
    const store = await open(newLocation());
    const story = (id: string, updated: string) => ({
      id,
      articleIds: [],
      related: [],
      version: 1,
      firstSeen: updated,
      updated,
    });
    await store.saveStory(story('s-late', '2026-04-02T00:00:00.000Z'));
    await store.saveStory(story('s-early', '2026-04-01T00:00:00.000Z'));
    expect(await store.listUnindexedStories()).toEqual(['s-early', 's-late']);
    await store.indexStory(makeDoc({ storyId: 's-early' }));
    expect(await store.listUnindexedStories({ limit: 5 })).toEqual(['s-late']);
  });

  it('refuses a malformed entry with a clear error', async () => {
    const store = await open(newLocation());
    await expect(store.indexStory(makeDoc({ storyId: '' }))).rejects.toBeInstanceOf(InputError);
    await expect(store.indexStory(makeDoc({ independentSources: -1 }))).rejects.toThrow(
      /independentSources -1/,
    );
    await expect(store.indexStory(makeDoc({ updated: 'yesterday' }))).rejects.toThrow(
      /"yesterday" is not a date/,
    );
  });
});

describe('search query text', () => {
  it('keeps only letters and digits, folding accents and stroked letters', () => {
    expect(normalizeSearchText('Skarvø — Ångström’s “ferry”!')).toBe('skarvo angstrom s ferry');
  });

  it('splits words and phrases, dropping glue words unless nothing else is left', () => {
    expect(splitSearchQuery('the ferry and "engine fire"')).toEqual([['ferry'], ['engine', 'fire']]);
    expect(splitSearchQuery('the')).toEqual([['the']]);
    expect(splitSearchQuery('"" !!')).toEqual([]);
  });

  it('quotes every term for FTS5 and tsquery', () => {
    const terms = splitSearchQuery('ferry "engine fire"');
    expect(toFts5Query(terms)).toBe('"ferry"* AND "engine fire"');
    expect(toTsQuery(terms)).toBe("'ferry':* & 'engine' <-> 'fire'");
  });

  it('indexes a digest by its text, names, places with countries, and outlets with cited agencies', () => {
    const doc = toSearchDoc(makeDigest());
    expect(doc.who).toContain('Mara Okonjo');
    expect(doc.where).toContain('Port Calder Norway');
    expect(doc.outlets).toEqual(['Calder Courier', 'Westwire', 'Nordpress']);
  });
});
