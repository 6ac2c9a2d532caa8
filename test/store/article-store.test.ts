import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { computeArticleId, hashContent } from '../../src/store/index.ts';
import type { ArticleInput } from '../../src/types.ts';
import { createStoreOpener, createTickingClock, listDialectCases } from './store-dialects.ts';

const harbourText =
  'The harbour authority of Port Velm said on Tuesday that the northern pier would close for repairs.\n\n' +
  'Engineers found cracks in two of the supporting columns, according to a statement.';

function makeInput(overrides: Partial<ArticleInput> = {}): ArticleInput {
  return {
    externalId: 'pier-closure',
    source: 'https://velm-courier.example/news/pier-closure',
    feedId: null,
    guid: null,
    url: 'https://velm-courier.example/news/pier-closure',
    outlet: 'Velm Courier',
    title: 'Northern pier to close for repairs',
    published: '2026-03-03T08:00:00.000Z',
    text: harbourText,
    cites: ['Coastal Press Agency'],
    ...overrides,
  };
}

describe.each(listDialectCases())('articles on $name', ({ newLocation }) => {
  const open = createStoreOpener(afterEach);

  it('runs migrations once: a second createStore on the same database keeps the data', async () => {
    const location = newLocation();
    const first = await open(location);
    const { article } = await first.upsertArticle(makeInput());
    await first.close();
    const second = await open(location);
    const third = await open(location);
    expect(await second.getArticle(article.id)).toEqual(article);
    expect(await third.countArticles()).toBe(1);
  });

  it('opens one fresh database from several stores starting at once', async () => {
    const location = newLocation();
    const stores = await Promise.all([open(location), open(location), open(location)]);
    await stores[0]!.upsertArticle(makeInput());
    expect(await stores[2]!.countArticles()).toBe(1);
  });

  it('finishes writes already started when closed', async () => {
    const location = newLocation();
    const store = await open(location);
    const pending = Array.from({ length: 5 }, (_, i) =>
      store.upsertArticle(makeInput({ url: `https://e.example/closing/${i}`, text: `Closing body ${i}` })),
    );
    await store.close();
    expect((await Promise.all(pending)).map((r) => r.status)).toEqual(['new', 'new', 'new', 'new', 'new']);
    expect(await (await open(location)).countArticles()).toBe(5);
  });

  it('stores the same URL once', async () => {
    const store = await open(newLocation());
    const first = await store.upsertArticle(makeInput());
    const again = await store.upsertArticle(makeInput({ externalId: 'other-id', source: 'feed' }));
    expect(first.status).toBe('new');
    expect(again.status).toBe('unchanged');
    expect(again.article.id).toBe(first.article.id);
    expect(first.article.id).toBe(computeArticleId(makeInput()));
    expect(first.article.id).toMatch(/^a[0-9a-f]{16}$/);
    expect(await store.countArticles()).toBe(1);
  });

  it('updates an edited article in place: same id, revision + 1, first seen kept', async () => {
    let clock = Date.parse('2026-03-03T09:00:00.000Z');
    const store = await open({ ...newLocation(), now: () => new Date(clock).toISOString() });
    const first = await store.upsertArticle(makeInput());
    clock += 60_000;
    const edited = await store.upsertArticle(
      makeInput({ text: `${harbourText}\n\nThe pier reopens in May.` }),
    );
    clock += 60_000;
    const redated = await store.upsertArticle(
      makeInput({
        text: `${harbourText}\n\nThe pier reopens in May.`,
        published: '2026-03-03T10:30:00.000Z',
      }),
    );
    clock += 60_000;
    const retitled = await store.upsertArticle(
      makeInput({
        text: `${harbourText}\n\nThe pier reopens in May.`,
        published: '2026-03-03T10:30:00.000Z',
        title: 'Northern pier closes until May',
      }),
    );
    expect([edited.status, redated.status, retitled.status]).toEqual(['updated', 'updated', 'updated']);
    expect(edited.article.revision).toBe(2);
    expect(retitled.article.revision).toBe(4);
    const stored = await store.getArticle(first.article.id);
    expect(stored).toEqual(retitled.article);
    expect(stored?.id).toBe(first.article.id);
    expect(stored?.firstSeen).toBe('2026-03-03T09:00:00.000Z');
    expect(stored?.updated).toBe('2026-03-03T09:03:00.000Z');
    expect(stored?.published).toBe('2026-03-03T10:30:00.000Z');
    expect(await store.countArticles()).toBe(1);
  });

  it('does not count spacing, case or another spelling of the same date as an edit', async () => {
    const store = await open(newLocation());
    const first = await store.upsertArticle(makeInput());
    const again = await store.upsertArticle(
      makeInput({
        text: `  ${harbourText.replace(/\n\n/g, '\n \n').replace('Tuesday', 'TUESDAY')}\n`,
        title: ' Northern pier  to close for repairs',
        published: '2026-03-03T10:00:00+02:00',
      }),
    );
    expect(again.status).toBe('unchanged');
    expect(again.article).toEqual(first.article);
  });

  it('keeps stored title, date and outlet when a later input lacks them', async () => {
    const store = await open(newLocation());
    const first = await store.upsertArticle(makeInput());
    const bare = { title: null, published: null, outlet: null };
    expect((await store.upsertArticle(makeInput(bare))).status).toBe('unchanged');
    const edited = await store.upsertArticle(makeInput({ ...bare, text: `${harbourText} Later.` }));
    expect(edited.status).toBe('updated');
    expect(edited.article).toMatchObject({
      title: first.article.title,
      published: first.article.published,
      outlet: first.article.outlet,
      text: `${harbourText} Later.`,
    });
    expect(await store.getArticle(first.article.id)).toEqual(edited.article);
  });

  it('treats the same feed guid under another URL spelling as the same article', async () => {
    const store = await open(newLocation());
    const viaFeed = makeInput({ feedId: 'f1', guid: 'urn:velm:4411' });
    const first = await store.upsertArticle(viaFeed);
    const respelled = await store.upsertArticle({
      ...viaFeed,
      url: 'https://www.velm-courier.example/news/pier-closure?utm_source=feed',
    });
    expect(respelled.status).toBe('unchanged');
    expect(respelled.article.id).toBe(first.article.id);
    const otherFeed = await store.upsertArticle({ ...viaFeed, feedId: 'f2', url: null });
    expect(otherFeed.status).toBe('new');
    expect(await store.countArticles()).toBe(2);
  });

  it('identifies articles without URL by feed guid, then by source and own id', async () => {
    const store = await open(newLocation());
    const byGuid = makeInput({ url: null, feedId: 'f1', guid: 'g-7' });
    const byExt = makeInput({ url: null, externalId: 'rec-12', source: 'inbox/records.jsonl' });
    const a = await store.upsertArticle(byGuid);
    const b = await store.upsertArticle(byExt);
    expect(a.article.id).not.toBe(b.article.id);
    expect((await store.upsertArticle(byGuid)).status).toBe('unchanged');
    expect((await store.upsertArticle({ ...byExt, title: 'Changed' })).status).toBe('updated');
    expect(await store.countArticles()).toBe(2);
  });

  it('marks a wire copy (same body, other outlet and URL) with copyOf the first article', async () => {
    const store = await open(newLocation());
    const original = await store.upsertArticle(makeInput());
    const copy = await store.upsertArticle(
      makeInput({
        url: 'https://saltmarsh-daily.example/2026/03/pier',
        outlet: 'Saltmarsh Daily',
        title: 'Pier closing',
        // Same body, other case and spacing.
        text: harbourText.toUpperCase().replace(/ /g, '   '),
      }),
    );
    const secondCopy = await store.upsertArticle(
      makeInput({ url: 'https://third.example/p', outlet: 'Third', text: harbourText }),
    );
    const unrelated = await store.upsertArticle(
      makeInput({ url: 'https://third.example/q', text: 'A different story about the ferry timetable.' }),
    );
    expect(copy.status).toBe('new');
    expect(copy.article.id).not.toBe(original.article.id);
    expect(copy.article.contentHash).toBe(original.article.contentHash);
    expect(copy.article.contentHash).toBe(hashContent(harbourText));
    expect(copy.article.copyOf).toBe(original.article.id);
    expect(secondCopy.article.copyOf).toBe(original.article.id);
    expect(original.article.copyOf).toBeNull();
    expect(unrelated.article.copyOf).toBeNull();
    expect((await store.getArticle(copy.article.id))?.copyOf).toBe(original.article.id);
  });

  it('keeps one row when the same article is upserted concurrently, from one or two store handles', async () => {
    const location = newLocation();
    const [a, b] = [await open(location), await open(location)];
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).upsertArticle(makeInput())),
    );
    expect(results.filter((r) => r.status === 'new')).toHaveLength(1);
    expect(new Set(results.map((r) => r.article.id)).size).toBe(1);
    expect(await a.countArticles()).toBe(1);

    // Concurrent edits are applied one after another: none is lost.
    const edits = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 ? a : b).upsertArticle(makeInput({ text: `${harbourText}\n\nUpdate number ${i}.` })),
      ),
    );
    expect(edits.every((r) => r.status === 'updated')).toBe(true);
    expect(edits.map((r) => r.article.revision).sort((x, y) => x - y)).toEqual([2, 3, 4, 5, 6, 7]);
    expect((await b.getArticle(results[0]!.article.id))?.revision).toBe(7);
  });

  it('gets, lists and counts articles', async () => {
    const store = await open({ ...newLocation(), now: createTickingClock('2026-03-04T00:00:00.000Z', 1000) });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++)
      ids.push(
        (await store.upsertArticle(makeInput({ url: `https://e.example/${i}`, text: `Body ${i}` }))).article
          .id,
      );
    expect((await store.listArticles()).map((a) => a.id)).toEqual([...ids].reverse());
    expect((await store.listArticles({ limit: 2 })).map((a) => a.id)).toEqual([ids[3], ids[2]]);
    expect((await store.listArticles({ since: '2026-03-04T00:00:03Z' })).map((a) => a.id)).toEqual([
      ids[3],
      ids[2],
    ]);
    expect((await store.getArticles([ids[2]!, 'a-missing', ids[0]!, ids[2]!])).map((a) => a.id)).toEqual([
      ids[2],
      ids[0],
    ]);
    expect(await store.getArticle('a-missing')).toBeNull();
    expect(await store.getArticles([])).toEqual([]);
    expect(await store.countArticles()).toBe(4);
    await expect(store.listArticles({ since: 'last week' })).rejects.toThrow(/since/);
  });

  it('gives back exactly the JS values it was given (nulls, empty arrays, numbers)', async () => {
    const store = await open({ ...newLocation(), now: () => '2026-03-05T12:00:00.000Z' });
    const input: ArticleInput = {
      externalId: 'bare',
      source: 'inbox/bare.txt',
      feedId: null,
      guid: null,
      url: null,
      outlet: null,
      title: null,
      published: null,
      text: 'A bare note with nothing else known about it.',
      cites: [],
    };
    const { article } = await store.upsertArticle(input);
    const expected = {
      ...input,
      id: computeArticleId(input),
      contentHash: hashContent(input.text),
      copyOf: null,
      revision: 1,
      firstSeen: '2026-03-05T12:00:00.000Z',
      updated: '2026-03-05T12:00:00.000Z',
    };
    expect(article).toStrictEqual(expected);
    expect(await store.getArticle(article.id)).toStrictEqual(expected);
    const [listed] = await store.listArticles();
    expect(listed).toStrictEqual(expected);
  });

  it('rejects an input of the wrong shape with an InputError naming the field', async () => {
    const store = await open(newLocation());
    const bad = { ...makeInput(), text: 42 } as unknown as ArticleInput;
    await expect(store.upsertArticle(bad)).rejects.toThrow(InputError);
    await expect(store.upsertArticle(bad)).rejects.toThrow(/text must be a string/);
    await expect(
      store.upsertArticle({ ...makeInput(), cites: [1] } as unknown as ArticleInput),
    ).rejects.toThrow(/cites/);
    expect(await store.countArticles()).toBe(0);
  });

  it('drops NUL characters from article fields instead of failing', async () => {
    const store = await open(newLocation());
    const { article } = await store.upsertArticle(
      makeInput({ title: 'Pier\u0000 closes', text: 'Body\u0000 text' }),
    );
    expect(article.title).toBe('Pier closes');
    expect((await store.getArticle(article.id))?.text).toBe('Body text');
  });
});
