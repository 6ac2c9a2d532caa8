import { type Filter, matchesFilter, parseFilter } from '../commands/filter.ts';
import { InputError } from '../errors.ts';
import type { Digest } from '../types.ts';

/** The subscription's filter text parsed; null for none; a bad one is an InputError naming it. */
export function parseSubscriptionFilter(text: string | null): Filter | null {
  if (text === null || text.trim() === '') return null;
  const parsed = parseFilter(text);
  if (!parsed.ok) throw new InputError(`filter "${text}": ${parsed.error}`, 'filter');
  return parsed.filter;
}

/** Digests that pass the filter, most independent sources first, then most recently updated. */
export function rankDigests(digests: Digest[], filter: Filter | null): Digest[] {
  return digests
    .filter((d) => filter === null || matchesFilter(filter, d))
    .sort(
      (a, b) =>
        b.independentSources - a.independentSources ||
        b.updated.localeCompare(a.updated) ||
        a.storyId.localeCompare(b.storyId),
    );
}

export type DigestPlan = { header: string; top: Digest[]; more: string | null };

/** The compact digest: a header line, the top `limit` stories, and "N more — …" when cut. */
export function planDigest(
  ranked: Digest[],
  opts: { limit: number; daily: boolean; filter: string | null },
): DigestPlan {
  const top = ranked.slice(0, opts.limit);
  const rest = ranked.length - top.length;
  const noun = ranked.length === 1 ? 'story' : 'stories';
  const header = `${opts.daily ? 'Daily digest' : 'News digest'} — ${ranked.length} ${noun}`;
  const hint = opts.filter ? `/news search ${opts.filter}` : '/news today or /news search <words>';
  return { header, top, more: rest > 0 ? `${rest} more — ${hint}` : null };
}
