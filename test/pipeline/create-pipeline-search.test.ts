import { afterEach, describe, expect, it } from 'vitest';
import { createPipeline } from '../../src/pipeline/create-pipeline.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import type { ArticleInput } from '../../src/types.ts';

function makeInput(n: number, overrides: Partial<ArticleInput> = {}): ArticleInput {
  return {
    externalId: `lighthouse-${n}`,
    source: 'test',
    feedId: null,
    guid: null,
    url: `https://skerry-gazette.example/lighthouse-${n}`,
    outlet: 'Skerry Gazette',
    title: 'Lighthouse keeper Ottilie Brandvold retires after forty years on Skerry Point',
    published: '2026-05-04T08:00:00.000Z',
    text:
      'Ottilie Brandvold, the last resident lighthouse keeper on Skerry Point, retired on Monday after forty years.\n\n' +
      'The coastal authority said the light would be run remotely from the mainland from June.',
    cites: [],
    ...overrides,
  };
}

const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

describe('pipeline search indexing', () => {
  it('indexes a story when an article joins it, and keeps ingesting when indexing fails', async () => {
    const store = await createStore({ sqlitePath: ':memory:' });
    stores.push(store);
    let failing = true;
    const flaky: Store = {
      ...store,
      indexStory: (doc) => (failing ? Promise.reject(new Error('index down')) : store.indexStory(doc)),
    };
    const first = createPipeline({ store: flaky, maxBytes: 1 << 20 });
    await first.load();
    const stored = await first.ingestor.ingestArticle(makeInput(1));
    expect(stored.status).toBe('new');
    expect(await store.searchStories('brandvold')).toEqual([]);
    expect(await store.listUnindexedStories()).toHaveLength(1);

    // A restart indexes what is missing.
    failing = false;
    const second = createPipeline({ store: flaky, maxBytes: 1 << 20 });
    await second.load();
    const [hit] = await store.searchStories('brandvold lighthouse');
    expect(hit?.independentSources).toBe(1);
    expect(await store.listUnindexedStories()).toEqual([]);

    // A second outlet joins: the entry is rewritten with two sources.
    await second.ingestor.ingestArticle(
      makeInput(2, {
        url: 'https://fjord-times.example/keeper',
        outlet: 'Fjord Times',
        text:
          'After four decades, keeper Ottilie Brandvold has left the Skerry Point lighthouse, the coastal authority said on Monday.\n\n' +
          'From June the light will be run remotely.',
      }),
    );
    const stories = await store.listStories();
    const [again] = await store.searchStories('brandvold');
    expect(again?.storyId).toBe(hit?.storyId);
    expect(stories).toHaveLength(1);
    expect(again?.independentSources).toBe(2);
  });
});
