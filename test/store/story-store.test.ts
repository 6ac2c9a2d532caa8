import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import type { Mention, Story } from '../../src/types.ts';
import { createStoreOpener, listDialectCases } from './store-dialects.ts';

async function addArticles(store: Store, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const { article } = await store.upsertArticle({
      externalId: `n${i}`,
      source: 'test',
      feedId: null,
      guid: null,
      url: `https://news.example/${i}`,
      outlet: 'News',
      title: `Item ${i}`,
      published: null,
      text: `Text of item ${i}.`,
      cites: [],
    });
    ids.push(article.id);
  }
  return ids;
}

function makeStory(id: string, articleIds: string[], updated: string, version = 1): Story {
  return { id, articleIds, related: [], version, firstSeen: '2026-05-01T00:00:00.000Z', updated };
}

describe.each(listDialectCases())('mentions and stories on $name', ({ newLocation }) => {
  const open = createStoreOpener(afterEach);

  it('saves and gives back mentions in order, replacing earlier ones', async () => {
    const store = await open(newLocation());
    const [a, b, c] = await addArticles(store, 3);
    const mentions: Mention[] = [
      { name: 'Imre Valtonen', kind: 'person', role: 'harbour master', country: null, count: 3 },
      { name: 'Port Velm', kind: 'place', role: null, country: 'Finland', count: 2 },
      { name: 'Velm Harbour Authority', kind: 'org', role: null, country: null, count: 1 },
    ];
    await store.saveMentions(a!, mentions);
    await store.saveMentions(b!, [mentions[1]!]);
    await store.saveMentions(b!, [mentions[0]!, mentions[2]!]);
    await store.saveMentions(c!, []);
    const got = await store.getMentions([a!, b!, c!, 'a-missing']);
    expect(got.get(a!)).toStrictEqual(mentions);
    expect(got.get(b!)).toStrictEqual([mentions[0], mentions[2]]);
    expect(got.has(c!)).toBe(false);
    expect(got.has('a-missing')).toBe(false);
    expect((await store.getMentions([])).size).toBe(0);
    await expect(store.saveMentions(a!, [{ ...mentions[0]!, kind: 'thing' as 'person' }])).rejects.toThrow(
      /unknown kind/,
    );
  });

  it('saves, replaces, gets and lists stories, and finds the story of an article', async () => {
    const store = await open(newLocation());
    const [a, b, c] = await addArticles(store, 3);
    const s1 = makeStory('s-one', [a!, b!], '2026-05-01T10:00:00.000Z');
    const s2 = { ...makeStory('s-two', [c!], '2026-05-01T11:00:00.000Z'), related: ['s-one'] };
    await store.saveStory(s1);
    await store.saveStory(s2);
    expect(await store.getStory('s-one')).toStrictEqual(s1);
    expect(await store.getStory('s-two')).toStrictEqual(s2);
    expect(await store.getStory('s-none')).toBeNull();
    expect(await store.storyOfArticle(a!)).toStrictEqual(s1);
    expect(await store.storyOfArticle('a-missing')).toBeNull();

    // b moves to s-two; s-one is saved again with a newer version.
    const s2b = { ...s2, articleIds: [c!, b!], version: 2, updated: '2026-05-01T12:00:00.000Z' };
    const s1b = { ...s1, articleIds: [a!], version: 2, updated: '2026-05-01T12:30:00+00:00' };
    await store.saveStory(s2b);
    await store.saveStory(s1b);
    expect(await store.storyOfArticle(b!)).toStrictEqual(s2b);
    expect(await store.storyOfArticle(a!)).toStrictEqual({ ...s1b, updated: '2026-05-01T12:30:00.000Z' });

    expect((await store.listStories()).map((s) => s.id)).toEqual(['s-one', 's-two']);
    expect((await store.listStories({ limit: 1 })).map((s) => s.id)).toEqual(['s-one']);
    expect((await store.listStories({ since: '2026-05-01T12:15:00Z' })).map((s) => s.id)).toEqual(['s-one']);
  });
});
