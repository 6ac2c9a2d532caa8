import type { DigestPerson, DigestPlace, Mention } from '../types.ts';
import { getGazetteer } from './gazetteer.ts';
import { foldName, groupPersonNames, nameWords } from './join-names.ts';
import { findNewsOutlet } from './org-lookup.ts';
import { pickRole } from './pick-role.ts';

/** One article of a story as the selection sees it. */
export type StoryItem = { sourceName: string; independentGroup: string; mentions: Mention[] };
export type SelectOptions = { max?: number };

const DEFAULT_MAX_WHO = 8;
const DEFAULT_MAX_WHERE = 6;

type Seen = { mention: Mention; item: number; rank: number };
type Candidate = {
  name: string;
  kind: Mention['kind'];
  role: string | null;
  country: string | null;
  sources: string[];
  articles: number;
  groups: number;
  count: number;
  /** Best (smallest) share of an article's names that came before it: 0 = named first. */
  rank: number;
  fullName: boolean;
};

function collect(items: StoryItem[], keep: (m: Mention) => boolean): Seen[] {
  const out: Seen[] = [];
  items.forEach((item, i) => {
    const list = Array.isArray(item.mentions) ? item.mentions : [];
    list.forEach((m, k) => {
      if (m && typeof m.name === 'string' && m.name.trim() && keep(m))
        out.push({ mention: m, item: i, rank: list.length > 1 ? k / (list.length - 1) : 0 });
    });
  });
  return out;
}

function summarize(items: StoryItem[], name: string, members: Seen[]): Candidate {
  const its = [...new Set(members.map((s) => s.item))].sort((a, b) => a - b);
  const first = members[0]!.mention;
  return {
    name,
    kind: first.kind,
    role: pickRole(members.map((s) => s.mention.role)),
    country: members.find((s) => s.mention.country)?.mention.country ?? null,
    sources: [...new Set(its.map((i) => items[i]!.sourceName))],
    articles: its.length,
    groups: new Set(its.map((i) => items[i]!.independentGroup)).size,
    count: members.reduce((n, s) => n + Math.max(1, Number(s.mention.count) || 1), 0),
    rank: Math.min(...members.map((s) => s.rank)),
    fullName: first.kind !== 'person' || nameWords(name).length >= 2,
  };
}

function byStrength(a: Candidate, b: Candidate): number {
  return b.groups - a.groups || b.articles - a.articles || b.count - a.count || a.rank - b.rank;
}

/**
 * Whether a name is an actor of the story rather than background: named by several of its
 * articles, or — in a story of one article — often, or with a role.
 */
function isSalient(c: Candidate, articleCount: number, groupCount: number): boolean {
  const isParty = c.kind === 'org' && getGazetteer().lookupPlace(c.name)?.kind === 'country';
  if (articleCount === 1) {
    if (c.kind === 'person')
      return c.fullName ? c.role !== null || c.count >= 3 : c.count >= 3 && c.role !== null;
    return c.count >= 2 || (isParty && c.rank <= 0.2);
  }
  if (c.groups >= 2 || c.articles * 2 >= articleCount + (groupCount > 1 ? 0 : 1)) return c.articles >= 2;
  return c.kind === 'person' && c.fullName && c.role !== null && c.count >= 3;
}

function isSourceName(name: string, items: StoryItem[]): boolean {
  if (findNewsOutlet(name)) return true;
  const k = foldName(name);
  return items.some((i) => foldName(i.sourceName) === k);
}

/**
 * The people and organisations a story's digest names: mentions merged across articles (spelling
 * variants and surname-only mentions joined to the full name), outlets left out, ranked by how many
 * independent sources name them, then how often and how early; background names dropped.
 */
export function selectWho(items: StoryItem[], opts: SelectOptions = {}): DigestPerson[] {
  const list = Array.isArray(items) ? items : [];
  const max = opts.max ?? DEFAULT_MAX_WHO;
  const seen = collect(list, (m) => (m.kind === 'person' || m.kind === 'org') && !isSourceName(m.name, list));
  const candidates: Candidate[] = [];
  const persons = seen.filter((s) => s.mention.kind === 'person');
  for (const g of groupPersonNames(
    persons,
    (s) => s.mention.name,
    (s) => Math.max(1, s.mention.count || 1),
  ))
    candidates.push(summarize(list, g.name, g.members));
  const orgs = new Map<string, Seen[]>();
  for (const s of seen.filter((x) => x.mention.kind === 'org')) {
    const k = foldName(s.mention.name);
    orgs.set(k, [...(orgs.get(k) ?? []), s]);
  }
  for (const members of orgs.values()) candidates.push(summarize(list, members[0]!.mention.name, members));

  const articleCount = list.length;
  const groupCount = new Set(list.map((i) => i.independentGroup)).size;
  return candidates
    .filter((c) => isSalient(c, articleCount, groupCount))
    .sort(byStrength)
    .slice(0, max)
    .map((c) => ({
      name: c.name,
      kind: c.kind === 'person' ? 'person' : 'org',
      role: c.role,
      sources: c.sources,
    }));
}

/**
 * The places a story's digest names, merged across articles, with their country; world regions
 * ("Middle East") only when nothing more precise is named.
 */
export function selectWhere(items: StoryItem[], opts: SelectOptions = {}): DigestPlace[] {
  const list = Array.isArray(items) ? items : [];
  const max = opts.max ?? DEFAULT_MAX_WHERE;
  const gaz = getGazetteer();
  const seen = collect(list, (m) => m.kind === 'place');
  const byName = new Map<string, Seen[]>();
  for (const s of seen) {
    const k = foldName(s.mention.name);
    byName.set(k, [...(byName.get(k) ?? []), s]);
  }
  const candidates = [...byName.values()].map((members) =>
    summarize(list, members[0]!.mention.name, members),
  );
  const articleCount = list.length;
  const specific = candidates.filter((c) => !gaz.isBroadArea(c.name));
  const pool = specific.length > 0 ? specific : candidates;
  return pool
    .filter((c) => (articleCount === 1 ? true : c.articles >= 2 || c.count >= 3))
    .sort(byStrength)
    .slice(0, max)
    .map((c) => ({ name: c.name, country: c.country, sources: c.sources }));
}
