import { describe, expect, it } from 'vitest';
import { buildDigest, sourceNameOf } from '../../digests/build-digest.ts';
import type { Article, ArticleInput, Mention, Story } from '../../src/types.ts';
import { type FixtureArticle, fire, snow } from '../grouping/story-fixtures.ts';

function toArticle(input: ArticleInput, id: string, extra: Partial<Article> = {}): Article {
  return {
    ...input,
    id,
    contentHash: `hash-${id}`,
    copyOf: null,
    revision: 1,
    firstSeen: '2026-03-10T13:00:00Z',
    updated: '2026-03-10T13:00:00Z',
    ...extra,
  };
}

function storyOf(fixtures: FixtureArticle[], extra: Partial<Article>[] = []) {
  const articles = fixtures.map((f, i) => toArticle(f.input, `a${i}`, extra[i]));
  const mentions = new Map<string, Mention[]>(fixtures.map((f, i) => [`a${i}`, f.mentions]));
  const story: Story = {
    id: 'sfire',
    articleIds: articles.map((a) => a.id),
    related: ['slater'],
    version: 4,
    firstSeen: '2026-03-10T08:05:00Z',
    updated: '2026-03-10T12:25:00Z',
  };
  return { articles, mentions, story };
}

describe('buildDigest', () => {
  const { articles, mentions, story } = storyOf([fire.courier, fire.ledger, fire.lantern, fire.signal]);
  const digest = buildDigest(story, articles, mentions);

  it('picks a clean headline and one extractive lead sentence', () => {
    expect(digest.headline).not.toMatch(/Valley Courier/);
    expect(digest.headline.length).toBeGreaterThan(20);
    expect(digest.what.length).toBeLessThanOrEqual(300);
    expect(articles.some((a) => a.text.includes(digest.what))).toBe(true);
    expect(digest.what).toMatch(/Brennick/);
  });

  it('lists every article as a source and counts the wire copies once', () => {
    expect(digest.sources).toHaveLength(4);
    expect(digest.sources.map((s) => s.outlet)).toEqual(
      expect.arrayContaining(['Valley Courier', 'Northern Ledger', 'Daily Lantern', 'Metro Signal']),
    );
    expect(digest.sources.find((s) => s.outlet === 'Daily Lantern')?.cites).toEqual(['Westwire']);
    expect(digest.independentSources).toBe(3);
  });

  it('names who and where with the outlets that named them', () => {
    const marsh = digest.who.find((p) => p.name === 'Lena Marsh');
    expect(marsh?.sources).toEqual(expect.arrayContaining(['Valley Courier', 'Northern Ledger']));
    expect(digest.where.map((p) => p.name)).toContain('Brennick');
  });

  it('lists the outlets and agencies that reported the story as sources, not as who is in it', () => {
    const withAgency = new Map(
      [...mentions].map(([id, ms]) => [
        id,
        [...ms, { name: 'Westwire', kind: 'org', role: null, country: null, count: 2 } as Mention],
      ]),
    );
    const d = buildDigest(story, articles, withAgency);
    expect(d.who.map((p) => p.name)).not.toContain('Westwire');
    expect(d.who.map((p) => p.name)).toContain('Lena Marsh');
  });

  it('carries the story identity, version, related and times', () => {
    expect(digest).toMatchObject({
      storyId: 'sfire',
      version: 4,
      related: ['slater'],
      firstSeen: '2026-03-10T08:05:00Z',
      updated: '2026-03-10T12:25:00Z',
    });
  });

  it('gives an empty who, not a crash, when no one is named', () => {
    const s = storyOf([snow]);
    const d = buildDigest(s.story, s.articles, s.mentions);
    expect(d.who).toEqual([]);
    expect(d.what).toMatch(/Kessel Pass/);
    expect(d.independentSources).toBe(1);
  });

  it('skips questions, quotes and captions and keeps the attribution of a long sentence', () => {
    const long =
      'Engineers from the regional water authority began pumping floodwater out of the lower town of Brennick on Wednesday, ' +
      'after the river burst its banks overnight and filled cellars, shops and the old market hall along the quay with mud, ' +
      'leaving more than two hundred families without power or clean water for the second night running, Westwire reported.';
    expect(long.length).toBeGreaterThan(300);
    const input: ArticleInput = {
      ...snow.input,
      title: 'Floodwater pumped out of Brennick',
      text: [
        'Will the town ever be the same again?',
        '“We lost everything in the cellar,” one shop owner said.',
        'Volunteers stack sandbags along the quay in Brennick on Wednesday (Photo: Ana Lind/Westwire)',
        long,
      ].join('\n\n'),
    };
    const d = buildDigest(
      { ...story, articleIds: ['f1'] },
      [toArticle(input, 'f1')],
      new Map([['f1', [] as Mention[]]]),
    );
    expect(d.what.length).toBeLessThanOrEqual(300);
    expect(d.what).toMatch(/^Engineers from the regional water authority/);
    expect(d.what).toMatch(/, Westwire reported\.$/);
    expect(d.who).toEqual([]);
  });

  it('ignores articles outside the story and falls back when no title exists', () => {
    const s = storyOf([snow], [{ title: null }]);
    const d = buildDigest(s.story, [...s.articles, toArticle(fire.courier.input, 'other')], s.mentions);
    expect(d.sources).toHaveLength(1);
    expect(d.headline.length).toBeGreaterThan(10);
    expect(d.headline.length).toBeLessThanOrEqual(120);
  });
});

describe('sourceNameOf', () => {
  it('uses outlet, else the first cite, else the domain, else unknown', () => {
    expect(sourceNameOf({ outlet: 'Valley Courier', cites: ['Westwire'], url: null })).toBe('Valley Courier');
    expect(sourceNameOf({ outlet: null, cites: ['Westwire'], url: 'https://x.example.com/a' })).toBe(
      'Westwire',
    );
    expect(sourceNameOf({ outlet: null, cites: [], url: 'https://www.example.org/a' })).toBe('example.org');
    expect(sourceNameOf({ outlet: null, cites: [], url: 'not a url' })).toBe('unknown');
  });
});
