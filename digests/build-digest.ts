import { independentGroups } from '../src/grouping/independent-groups.ts';
import { compareArticles } from '../src/grouping/story-id.ts';
import { selectWhere, selectWho } from '../src/nlp/index.ts';
import type { Article, Digest, Mention, Story } from '../src/types.ts';
import { headlineFromSentence, pickHeadline } from './pick-headline.ts';
import { selectWhat, trimSentence } from './select-what.ts';

/** The name a digest gives an article's source: its outlet, else the agency it cites, else its domain. */
export function sourceNameOf(article: Pick<Article, 'outlet' | 'cites' | 'url'>): string {
  if (article.outlet?.trim()) return article.outlet.trim();
  if (article.cites[0]?.trim()) return article.cites[0].trim();
  if (article.url) {
    try {
      return new URL(article.url).hostname.replace(/^www\./, '');
    } catch {
      // not a URL: fall through
    }
  }
  return 'unknown';
}

function firstLine(articles: Article[]): string {
  for (const a of articles) {
    const line = a.text.split('\n').find((l) => l.trim().length > 0);
    if (line) return trimSentence(line);
  }
  return '';
}

/**
 * A platform-neutral digest of one story. `articles` are the story's articles (others are ignored);
 * `mentions` maps article ids to their names (missing entries count as none).
 */
export function buildDigest(story: Story, articles: Article[], mentions: Map<string, Mention[]>): Digest {
  const inStory = new Set(story.articleIds);
  const own = articles.filter((a) => inStory.has(a.id)).sort(compareArticles);
  const groups = independentGroups(own);
  const items = own.map((a) => ({
    sourceName: sourceNameOf(a),
    independentGroup: groups.get(a.id) ?? a.id,
    mentions: mentions.get(a.id) ?? [],
  }));
  const titles = own.flatMap((a) => (a.title ? [a.title] : []));
  const what = selectWhat(own, titles) || firstLine(own);
  const headline = pickHeadline(own) ?? (what ? headlineFromSentence(what) : `Story ${story.id}`);
  // Outlets and the agencies they cite are the story's sources, listed as such, not among who is in it.
  const reporters = new Set(
    own.flatMap((a) => [a.outlet, ...a.cites]).flatMap((n) => (n ? [n.toLowerCase()] : [])),
  );
  return {
    storyId: story.id,
    version: story.version,
    headline,
    what,
    who: selectWho(items, {}).filter((p) => !reporters.has(p.name.toLowerCase())),
    where: selectWhere(items, {}),
    sources: own.map((a) => ({ outlet: a.outlet, articleId: a.id, url: a.url, cites: [...a.cites] })),
    independentSources: new Set(groups.values()).size,
    related: [...story.related],
    firstSeen: story.firstSeen,
    updated: story.updated,
  };
}
