import type { Article, Mention, Story } from '../types.ts';
import { extractArticleFeatures } from './article-features.ts';
import { createCandidateIndex } from './candidate-index.ts';
import { type EntityFeature, foldName } from './entity-keys.ts';
import { articleTime, compareArticles } from './story-id.ts';

export type ArticleExplanation = {
  articleId: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  /** The article the story was founded on. */
  founder: boolean;
  /** A copy of this earlier article (same body elsewhere). */
  copyOf: string | null;
  /** People and organisations it shares with the story's earlier articles. */
  sharedNames: string[];
  sharedPlaces: string[];
  /** Reports (agencies, outlets) it cites in common with them. */
  sharedCites: string[];
  /** Title and lead terms it shares with them, most telling first. */
  sharedTerms: string[];
  /** Hours from the nearest earlier article; null when a time is unknown or it is the founder. */
  gapHours: number | null;
  /** Similarity to the story as it stood before this article (0–1); null for the founder. */
  similarity: number | null;
};

export type StoryExplanation = { storyId: string; related: string[]; articles: ArticleExplanation[] };

const namesOf = (entities: EntityFeature[], place: boolean) =>
  entities.filter((e) => e.key.startsWith('e:') && (e.kind === 'place') === place);

/** Why a story holds its articles: each one against the articles before it (oldest first). */
export function explainStory(
  story: Story,
  articles: Article[],
  mentions: Map<string, Mention[]>,
): StoryExplanation {
  const sorted = articles.filter((a) => story.articleIds.includes(a.id)).sort(compareArticles);
  const features = sorted.map((a) => extractArticleFeatures(a, mentions.get(a.id) ?? []));
  const index = createCandidateIndex();
  for (const f of features) index.countDocument(f);

  const seenNames = new Map<string, string>();
  const seenTerms = new Set<string>();
  const times: number[] = [];
  const out: ArticleExplanation[] = [];
  sorted.forEach((article, i) => {
    const f = features[i]!;
    const founder = i === 0;
    const shared = (list: EntityFeature[]) =>
      [...new Set(list.filter((e) => seenNames.has(e.key)).map((e) => seenNames.get(e.key)!))].slice(0, 8);
    const time = articleTime(article);
    const known = times.filter((t) => !Number.isNaN(t));
    const gap =
      founder || Number.isNaN(time) || known.length === 0
        ? null
        : Math.min(...known.map((t) => Math.abs(time - t))) / 3_600_000;
    out.push({
      articleId: article.id,
      title: article.title,
      outlet: article.outlet,
      published: article.published,
      founder,
      copyOf: article.copyOf,
      sharedNames: founder ? [] : shared(namesOf(f.entities, false)),
      sharedPlaces: founder ? [] : shared(namesOf(f.entities, true)),
      sharedCites: founder
        ? []
        : article.cites.filter((c) =>
            f.entities.some((e) => e.key.startsWith('c:') && seenNames.has(e.key) && e.name === foldName(c)),
          ),
      sharedTerms: founder
        ? []
        : [...f.terms]
            .filter(([t]) => seenTerms.has(t))
            .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
            .slice(0, 8)
            .map(([t]) => t),
      gapHours: gap === null ? null : Math.round(gap * 10) / 10,
      similarity: founder ? null : Math.round(index.similarity(0, f).score * 100) / 100,
    });
    if (founder) index.addStory(f);
    else index.joinStory(0, f);
    for (const e of f.entities) if (!e.key.startsWith('n:')) seenNames.set(e.key, e.name);
    for (const t of f.terms.keys()) seenTerms.add(t);
    times.push(time);
  });
  return { storyId: story.id, related: story.related, articles: out };
}

function gapText(hours: number): string {
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} days`;
}

/** The explanation as plain text, for `/news why`. */
export function renderExplanation(e: StoryExplanation): string {
  const lines = [`Story ${e.storyId}: ${e.articles.length} article${e.articles.length === 1 ? '' : 's'}`];
  for (const [i, a] of e.articles.entries()) {
    const label = `${i + 1}. ${a.title ?? a.articleId}${a.outlet ? ` (${a.outlet})` : ''}`;
    if (a.founder) {
      lines.push(`${label} — started the story`);
      continue;
    }
    const reasons = [
      a.copyOf ? `copy of ${a.copyOf}` : '',
      a.sharedNames.length ? `names ${a.sharedNames.join(', ')}` : '',
      a.sharedPlaces.length ? `places ${a.sharedPlaces.join(', ')}` : '',
      a.sharedCites.length ? `cites ${a.sharedCites.join(', ')}` : '',
      a.sharedTerms.length ? `words ${a.sharedTerms.join(', ')}` : '',
    ].filter(Boolean);
    const when = a.gapHours === null ? '' : `, ${gapText(a.gapHours)} after the nearest earlier article`;
    lines.push(
      `${label} — joined (similarity ${a.similarity ?? '?'}${when}): ${reasons.join('; ') || 'no shared names or words'}`,
    );
  }
  if (e.related.length) lines.push(`Related stories: ${e.related.join(', ')}`);
  return lines.join('\n');
}
