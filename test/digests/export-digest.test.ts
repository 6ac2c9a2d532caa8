import { describe, expect, it } from 'vitest';
import { toDigestExport } from '../../digests/export-digest.ts';
import type { Article, Digest, Story } from '../../src/types.ts';

const article = (id: string, externalId: string, extra: Partial<Article> = {}): Article => ({
  id,
  externalId,
  source: `inputs/${externalId}.txt`,
  feedId: null,
  guid: null,
  url: null,
  outlet: 'Valley Courier',
  title: 'Bridge closed',
  published: null,
  text: 'The bridge closed on Monday.',
  cites: ['Westwire'],
  contentHash: 'h',
  copyOf: null,
  revision: 1,
  firstSeen: '2026-03-10T08:00:00Z',
  updated: '2026-03-10T08:00:00Z',
  ...extra,
});

describe('toDigestExport', () => {
  const articles = [article('a1', 'one'), article('a2', 'two', { copyOf: 'a1', outlet: null })];
  const stories: Story[] = [
    { id: 's1', articleIds: ['a1', 'a2'], related: ['s2'], version: 2, firstSeen: 'f', updated: 'u' },
    { id: 's2', articleIds: ['a9'], related: ['s1'], version: 1, firstSeen: 'f', updated: 'u' },
  ];
  const digests: Digest[] = [
    {
      storyId: 's1',
      version: 2,
      headline: 'Bridge closed',
      what: 'The bridge closed on Monday.',
      who: [{ name: 'Mara Okonjo', kind: 'person', role: 'director', sources: ['Valley Courier'] }],
      where: [{ name: 'Port Calder', country: 'Norland', sources: ['Valley Courier'] }],
      sources: [
        { outlet: 'Valley Courier', articleId: 'a1', url: null, cites: ['Westwire'] },
        { outlet: null, articleId: 'a2', url: null, cites: ['Westwire'] },
      ],
      independentSources: 1,
      related: ['s2'],
      firstSeen: 'f',
      updated: 'u',
    },
  ];
  const out = toDigestExport(articles, stories, digests);

  it('exports articles under their own ids with every required field', () => {
    expect(out.articles[0]).toMatchObject({
      id: 'one',
      source: 'inputs/one.txt',
      outlet: 'Valley Courier',
      title: 'Bridge closed',
      published: null,
      text: 'The bridge closed on Monday.',
      cites: ['Westwire'],
    });
    expect(out.articles[1]).toMatchObject({ id: 'two', copyOf: 'one', outlet: null });
  });

  it('exports stories with digest fields, article ids mapped to the articles’ own ids', () => {
    expect(out.stories[0]).toMatchObject({
      id: 's1',
      headline: 'Bridge closed',
      who: [{ name: 'Mara Okonjo', role: 'director', sources: ['Valley Courier'] }],
      where: [{ name: 'Port Calder', country: 'Norland', sources: ['Valley Courier'] }],
      sources: [
        { outlet: 'Valley Courier', articleId: 'one', url: null, cites: ['Westwire'] },
        { outlet: null, articleId: 'two', url: null, cites: ['Westwire'] },
      ],
      articleIds: ['one', 'two'],
      related: ['s2'],
      independentSources: 1,
    });
  });

  it('gives a story without a digest empty digest fields', () => {
    expect(out.stories[1]).toMatchObject({
      id: 's2',
      headline: '',
      what: '',
      who: [],
      where: [],
      sources: [],
    });
    expect(out.stories[1]!.articleIds).toEqual(['a9']);
  });
});
