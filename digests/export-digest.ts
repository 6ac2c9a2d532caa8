import type { Article, Digest, Story } from '../src/types.ts';

export type ExportArticle = {
  id: string;
  source: string;
  outlet: string | null;
  title: string | null;
  published: string | null;
  text: string;
  cites: string[];
  /** Extra: the store's id, the canonical URL, the article this one copies (as an export id). */
  storeId: string;
  url: string | null;
  copyOf: string | null;
};

export type ExportStory = {
  id: string;
  headline: string;
  what: string;
  who: { name: string; role: string | null; sources: string[]; kind: 'person' | 'org' }[];
  where: { name: string; country: string | null; sources: string[] }[];
  sources: { outlet: string | null; articleId: string; url: string | null; cites: string[] }[];
  articleIds: string[];
  related: string[];
  /** Extra fields. */
  version: number;
  independentSources: number;
  firstSeen: string;
  updated: string;
};

/** The machine-readable export described in DIGEST-FORMAT.md. */
export type DigestExport = { articles: ExportArticle[]; stories: ExportStory[] };

/**
 * The digest export: articles under their own ids (`externalId`), stories with their digests. A story
 * without a digest gets empty digest fields; article ids not among `articles` are kept as they are.
 */
export function toDigestExport(articles: Article[], stories: Story[], digests: Digest[]): DigestExport {
  const externalOf = new Map(articles.map((a) => [a.id, a.externalId]));
  const ext = (id: string) => externalOf.get(id) ?? id;
  const digestOf = new Map(digests.map((d) => [d.storyId, d]));
  return {
    articles: articles.map((a) => ({
      id: a.externalId,
      source: a.source,
      outlet: a.outlet,
      title: a.title,
      published: a.published,
      text: a.text,
      cites: [...a.cites],
      storeId: a.id,
      url: a.url,
      copyOf: a.copyOf === null ? null : ext(a.copyOf),
    })),
    stories: stories.map((s) => {
      const d = digestOf.get(s.id);
      return {
        id: s.id,
        headline: d?.headline ?? '',
        what: d?.what ?? '',
        who: (d?.who ?? []).map((p) => ({
          name: p.name,
          role: p.role,
          sources: [...p.sources],
          kind: p.kind,
        })),
        where: (d?.where ?? []).map((p) => ({ name: p.name, country: p.country, sources: [...p.sources] })),
        sources: (d?.sources ?? []).map((x) => ({
          outlet: x.outlet,
          articleId: ext(x.articleId),
          url: x.url,
          cites: [...x.cites],
        })),
        articleIds: s.articleIds.map(ext),
        related: [...s.related],
        version: d?.version ?? s.version,
        independentSources: d?.independentSources ?? 0,
        firstSeen: s.firstSeen,
        updated: s.updated,
      };
    }),
  };
}
