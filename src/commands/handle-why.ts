import { type ArticleExplanation, explainStory } from '../grouping/index.ts';
import { privately, type SubcommandHandler } from './command-deps.ts';
import { explainFilter, parseFilter } from './filter.ts';
import { describeSchedule } from './format-reply.ts';

const MAX_ARTICLES = 15;

function describeArticle(a: ArticleExplanation, n: number): string {
  const label = `${n}. ${a.outlet ?? 'Unknown outlet'} — ${a.title ?? a.articleId} (${a.articleId})`;
  if (a.founder) return `${label}: founded the story`;
  const joined: string[] = [];
  if (a.copyOf) joined.push(`copy of ${a.copyOf}`);
  if (a.sharedNames.length) joined.push(`names ${a.sharedNames.join(', ')}`);
  if (a.sharedPlaces.length) joined.push(`places ${a.sharedPlaces.join(', ')}`);
  if (a.sharedTerms.length) joined.push(`terms ${a.sharedTerms.join(', ')}`);
  if (a.gapHours !== null) joined.push(`${a.gapHours} h from the nearest earlier article`);
  if (a.similarity !== null) joined.push(`similarity ${a.similarity}`);
  return `${label}: joined by ${joined.length ? joined.join('; ') : 'nothing shared on record'}`;
}

export const handleWhy: SubcommandHandler<'why'> = async (command, req, deps) => {
  const story = await deps.store.getStory(command.storyId);
  if (!story) return privately(`No story with id "${command.storyId}". Find one with /news search <words>.`);
  const [articles, mentions, digest, subs] = await Promise.all([
    deps.store.getArticles(story.articleIds),
    deps.store.getMentions(story.articleIds),
    deps.pipeline.digestOf(story.id),
    deps.delivery.listSubscriptions(req.platform, req.channelId),
  ]);
  const explanation = explainStory(story, articles, mentions);
  const lines = [
    `Story ${story.id}${digest ? ` — ${digest.headline}` : ''}: ${explanation.articles.length} article(s), ${digest?.independentSources ?? 0} independent source(s)`,
  ];
  lines.push(...explanation.articles.slice(0, MAX_ARTICLES).map((a, i) => describeArticle(a, i + 1)));
  if (explanation.articles.length > MAX_ARTICLES)
    lines.push(`… and ${explanation.articles.length - MAX_ARTICLES} more article(s)`);
  if (explanation.related.length) lines.push(`Related stories: ${explanation.related.join(', ')}`);
  if (subs.length === 0) lines.push('This channel has no subscriptions, so no filter applies here.');
  for (const s of subs) {
    const schedule = `${s.id} (${describeSchedule(s.schedule, s.timeZone)})`;
    if (!s.filter) {
      lines.push(`Subscription ${schedule}: no filter — let in`);
      continue;
    }
    const parsed = parseFilter(s.filter);
    if (!parsed.ok) lines.push(`Subscription ${schedule}: its filter is invalid (${parsed.error})`);
    else if (digest)
      lines.push(`Subscription ${schedule}, filter ${s.filter}: ${explainFilter(parsed.filter, digest)}`);
  }
  return privately(lines.join('\n'));
};
