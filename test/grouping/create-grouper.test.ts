import { afterEach, describe, expect, it } from 'vitest';
import { createGrouper, renderExplanation } from '../../src/grouping/index.ts';
import { createStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/store.ts';
import type { Article, Mention } from '../../src/types.ts';
import { allFixtures, type FixtureArticle, fire, hearing, rates, snow } from './story-fixtures.ts';

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function openStore(): Promise<Store> {
  const store = await createStore({ sqlitePath: ':memory:' });
  stores.push(store);
  return store;
}

async function ingest(store: Store, fixtures: FixtureArticle[]) {
  const out: { article: Article; mentions: Mention[] }[] = [];
  for (const f of fixtures) {
    const { article } = await store.upsertArticle(f.input);
    await store.saveMentions(article.id, f.mentions);
    out.push({ article, mentions: f.mentions });
  }
  return out;
}

/** Story partition by external ids, with the story ids: comparable across stores. */
async function partition(store: Store) {
  const stories = await store.listStories();
  const rows = [];
  for (const s of stories) {
    const articles = await store.getArticles(s.articleIds);
    rows.push({
      id: s.id,
      members: articles.map((a) => a.externalId).sort(),
      related: [...s.related].sort(),
    });
  }
  return rows.sort((a, b) => a.id.localeCompare(b.id));
}

describe('createGrouper', () => {
  it('puts several outlets reporting one event in different words into one story', async () => {
    const store = await openStore();
    const grouper = createGrouper({ store });
    await grouper.load();
    const [courier, ledger, lantern] = await ingest(store, [fire.courier, fire.ledger, fire.lantern]);
    const first = await grouper.assign(courier!.article, courier!.mentions);
    const second = await grouper.assign(ledger!.article, ledger!.mentions);
    const third = await grouper.assign(lantern!.article, lantern!.mentions);
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ created: false, changed: true });
    expect(second.story.id).toBe(first.story.id);
    expect(third.story.id).toBe(first.story.id);
    expect(third.story.version).toBe(3);
    const saved = await store.getStory(first.story.id);
    expect(saved?.articleIds).toHaveLength(3);
  });

  it('keeps an unrelated story of the same day apart, unlinked', async () => {
    const store = await openStore();
    const grouper = createGrouper({ store });
    const items = await ingest(store, [fire.courier, rates, snow]);
    const results = await grouper.assignMany(items);
    expect(new Set(results.map((r) => r.story.id)).size).toBe(3);
    for (const r of results) expect(r.story.related).toEqual([]);
  });

  it('makes a development weeks later a new story, related both ways', async () => {
    const store = await openStore();
    const grouper = createGrouper({ store });
    const items = await ingest(store, [fire.courier, fire.ledger, hearing]);
    const [a, , later] = await grouper.assignMany(items);
    expect(later!.created).toBe(true);
    expect(later!.story.id).not.toBe(a!.story.id);
    expect(later!.story.related).toEqual([a!.story.id]);
    const earlier = await store.getStory(a!.story.id);
    expect(earlier?.related).toEqual([later!.story.id]);
    expect(later!.linked).toEqual([earlier]);
  });

  it('starts a new, related story once a rolling story has run its span', async () => {
    const store = await openStore();
    const grouper = createGrouper({ store }, { maxStoryDays: 5 });
    const at = (f: FixtureArticle, published: string): FixtureArticle => ({
      ...f,
      input: { ...f.input, published },
    });
    const items = await ingest(store, [
      at(fire.courier, '2026-03-10T08:00:00Z'),
      at(fire.ledger, '2026-03-13T08:00:00Z'),
      at(fire.lantern, '2026-03-16T08:00:00Z'),
    ]);
    const [a, b, c] = await grouper.assignMany(items);
    expect(b!.story.id).toBe(a!.story.id);
    expect(c!.created).toBe(true);
    expect(c!.story.related).toEqual([a!.story.id]);
  });

  it('groups articles without title, date or names without failing', async () => {
    const store = await openStore();
    const grouper = createGrouper({ store });
    const bare = (id: string): FixtureArticle => ({
      input: {
        ...snow.input,
        externalId: id,
        url: `https://news.example.com/${id}`,
        title: null,
        published: null,
      },
      mentions: [],
    });
    const items = await ingest(store, [
      bare('bare-1'),
      { ...bare('bare-2'), input: { ...bare('bare-2').input, text: 'Short note.' } },
    ]);
    const results = await grouper.assignMany(items);
    expect(results.every((r) => r.story.articleIds.length >= 1)).toBe(true);
    expect(results[1]!.story.id).not.toBe(results[0]!.story.id);
  });

  it('gives the same stories and ids in any input order', async () => {
    const orders = [
      allFixtures,
      [...allFixtures].reverse(),
      [3, 5, 0, 6, 2, 4, 1].map((i) => allFixtures[i]!),
    ];
    const partitions = [];
    for (const order of orders) {
      const store = await openStore();
      const grouper = createGrouper({ store });
      await grouper.assignMany(await ingest(store, order));
      partitions.push(await partition(store));
    }
    expect(partitions[1]).toEqual(partitions[0]);
    expect(partitions[2]).toEqual(partitions[0]);
    const fireStory = partitions[0]!.find((p) => p.members.includes('fire-courier'));
    expect(fireStory?.members).toEqual([
      'fire-courier',
      'fire-lantern-wire',
      'fire-ledger',
      'fire-signal-wire',
    ]);
    expect(partitions[0]).toHaveLength(4);
  });

  it('keeps ids after a restart and does not re-create stories for known or revised articles', async () => {
    const store = await openStore();
    const before = createGrouper({ store });
    const [courier, ledger, rate] = await ingest(store, [fire.courier, fire.ledger, rates]);
    const fireStory = (await before.assign(courier!.article, courier!.mentions)).story;
    await before.assign(rate!.article, rate!.mentions);

    const after = createGrouper({ store });
    await after.load();
    expect(after.stats).toMatchObject({ stories: 2, articles: 2 });
    const again = await after.assign(courier!.article, courier!.mentions);
    expect(again).toMatchObject({ created: false, changed: false });
    expect(again.story.id).toBe(fireStory.id);
    const joined = await after.assign(ledger!.article, ledger!.mentions);
    expect(joined.story.id).toBe(fireStory.id);

    const revisedInput = { ...fire.courier.input, title: 'Wildfire forces evacuation of Brennick (updated)' };
    const { status, article: revised } = await store.upsertArticle(revisedInput);
    expect(status).toBe('updated');
    const result = await after.assign(revised, courier!.mentions);
    expect(result.created).toBe(false);
    expect(result.story.id).toBe(fireStory.id);
    expect((await store.listStories()).length).toBe(2);
  });

  it('explains what joined each article', async () => {
    const store = await openStore();
    const grouper = createGrouper({ store });
    const results = await grouper.assignMany(await ingest(store, [fire.courier, fire.ledger]));
    const why = await grouper.explain(results[0]!.story.id);
    expect(why?.articles.map((a) => a.founder)).toEqual([true, false]);
    const joined = why!.articles[1]!;
    expect(joined.sharedNames).toEqual(expect.arrayContaining(['Lena Marsh', 'Owen Tarrant']));
    expect(joined.sharedPlaces).toEqual(expect.arrayContaining(['Brennick', 'Ostvale']));
    expect(joined.sharedTerms).toContain('brennick');
    expect(joined.gapHours).toBe(3.5);
    const text = renderExplanation(why!);
    expect(text).toMatch(
      /^Story s[0-9a-f]{16}: 2 articles\n1\. .+ \(Valley Courier\) — started the story\n2\. /,
    );
    expect(text).toMatch(
      /joined \(similarity 0\.\d+, 3\.5 h after the nearest earlier article\): names .*Lena Marsh/,
    );
    expect(await grouper.explain('s-unknown')).toBeNull();
  });

  it('explains a wire copy by the report both cite', async () => {
    const store = await openStore();
    const grouper = createGrouper({ store });
    const results = await grouper.assignMany(await ingest(store, [fire.lantern, fire.signal]));
    expect(results[1]!.story.id).toBe(results[0]!.story.id);
    const why = await grouper.explain(results[0]!.story.id);
    expect(why?.articles[1]?.sharedCites).toEqual(['Westwire']);
  });
});
