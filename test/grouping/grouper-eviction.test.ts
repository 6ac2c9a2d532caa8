import { afterEach, describe, expect, it } from 'vitest';
import { createGrouper } from '../../src/grouping/index.ts';
import { createStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/store.ts';
import { fire, rates } from './story-fixtures.ts';

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

const options = { relatedWindowDays: 5, keepDays: 6 };

async function setUp() {
  const store = await createStore({ sqlitePath: ':memory:' });
  stores.push(store);
  const grouper = createGrouper({ store }, options);
  const courier = (await store.upsertArticle(fire.courier.input)).article;
  await store.saveMentions(courier.id, fire.courier.mentions);
  const first = await grouper.assign(courier, fire.courier.mentions);
  // A month later: the fire story is out of every window.
  const later = (await store.upsertArticle({ ...rates.input, published: '2026-04-10T08:00:00Z' })).article;
  await store.saveMentions(later.id, rates.mentions);
  await grouper.assign(later, rates.mentions);
  return { store, grouper, fireStory: first.story };
}

describe('createGrouper eviction', () => {
  it('drops stories older than keepDays from memory, not from the store', async () => {
    const { store, grouper } = await setUp();
    expect(grouper.stats).toMatchObject({ stories: 2, liveStories: 1, articles: 2 });
    expect((await store.listStories()).length).toBe(2);

    const restarted = createGrouper({ store }, options);
    await restarted.load();
    expect(restarted.stats).toMatchObject({ stories: 2, liveStories: 1, articles: 2 });
  });

  it('keeps every story in memory while the news stays within keepDays', async () => {
    const store = await createStore({ sqlitePath: ':memory:' });
    stores.push(store);
    const grouper = createGrouper({ store });
    for (const f of [fire.courier, rates]) {
      const { article } = await store.upsertArticle(f.input);
      await grouper.assign(article, f.mentions);
    }
    expect(grouper.stats).toMatchObject({ stories: 2, liveStories: 2 });
  });

  it('gives a revised article of an evicted story its stored story back', async () => {
    const { store, grouper, fireStory } = await setUp();
    const revisedInput = { ...fire.courier.input, title: 'Wildfire forces evacuation of Brennick (updated)' };
    const { status, article } = await store.upsertArticle(revisedInput);
    expect(status).toBe('updated');
    const result = await grouper.assign(article, fire.courier.mentions);
    expect(result).toMatchObject({ created: false, changed: true });
    expect(result.story.id).toBe(fireStory.id);
    expect(result.story.version).toBe(fireStory.version + 1);
    expect((await store.listStories()).length).toBe(2);
  });
});
