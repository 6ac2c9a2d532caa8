import type { CommandRequest } from '../adapter.ts';
import type { Digest } from '../types.ts';
import { type CommandDeps, privately, type SubcommandHandler } from './command-deps.ts';
import { type Filter, matchesFilter, parseFilter } from './filter.ts';
import { formatStoryLine } from './format-reply.ts';
import { startOfLocalDay } from './local-day.ts';

export const TODAY_DIGESTS = 5;
export const TODAY_MORE_LINES = 10;
const CANDIDATES = 500;

/** Most independent sources first, then most recently updated. */
export function rankForToday(digests: Digest[]): Digest[] {
  return [...digests].sort(
    (a, b) =>
      b.independentSources - a.independentSources ||
      b.updated.localeCompare(a.updated) ||
      a.storyId.localeCompare(b.storyId),
  );
}

/** The channel's time zone and filters, from its subscriptions (the first one's zone). */
async function readChannelView(req: CommandRequest, deps: CommandDeps) {
  const subs = (await deps.delivery.listSubscriptions(req.platform, req.channelId)).filter((s) => !s.paused);
  const timeZone = subs[0]?.timeZone ?? deps.config.defaultTimeZone;
  // A channel gets a story when any of its subscriptions would; one without a filter lets all in.
  const filters: Filter[] = [];
  let unfiltered = subs.length === 0;
  for (const s of subs) {
    const parsed = s.filter ? parseFilter(s.filter) : null;
    if (parsed?.ok) filters.push(parsed.filter);
    else unfiltered = true;
  }
  return { timeZone, filters: unfiltered ? [] : filters };
}

export const handleToday: SubcommandHandler<'today'> = async (command, req, deps) => {
  const now = deps.now?.() ?? new Date();
  const view = await readChannelView(req, deps);
  const since = startOfLocalDay(now, view.timeZone).toISOString();
  const stories = await deps.store.listStories({ since, limit: CANDIDATES });
  const digests = await deps.pipeline.digestsOf(stories);
  const explicit = command.filter?.filter;
  const passes = (d: Digest) =>
    explicit
      ? matchesFilter(explicit, d)
      : view.filters.length === 0 || view.filters.some((f) => matchesFilter(f, d));
  const ranked = rankForToday(digests.filter(passes));
  const filterNote = command.filter
    ? ` matching ${command.filter.text}`
    : view.filters.length > 0
      ? ' passing this channel’s filter'
      : '';
  if (ranked.length === 0) {
    return privately(`No stories today (${view.timeZone})${filterNote} yet.`);
  }
  const top = ranked.slice(0, TODAY_DIGESTS);
  const rest = ranked.slice(TODAY_DIGESTS);
  const lines = [`Today’s top ${top.length} of ${ranked.length} stories (${view.timeZone})${filterNote}:`];
  for (const d of top) lines.push(formatStoryLine(d, view.timeZone));
  if (rest.length > 0) {
    lines.push(`${rest.length} more:`);
    for (const d of rest.slice(0, TODAY_MORE_LINES)) lines.push(formatStoryLine(d, view.timeZone));
    if (rest.length > TODAY_MORE_LINES) lines.push(`… find others with /news search <words>`);
  }
  return { visibility: 'private', text: lines.join('\n'), digests: top };
};
