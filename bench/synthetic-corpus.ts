import cityTimezones from 'city-timezones';
import { parseInput } from '../src/ingest/parse-input.ts';
import { readInputs } from '../src/ingest/read-inputs.ts';
import { extractMentions } from '../src/nlp/index.ts';
import type { ArticleInput, Mention } from '../src/types.ts';
import { FIRST_NAMES, LAST_NAMES, OUTLET_WORDS } from './name-pools.ts';

/** One of our own sample articles with the names our NLP finds in it. */
export type Template = { input: ArticleInput; mentions: Mention[]; offsetMs: number };

/** A generated article and the mentions it was built with (so bulk loading can skip the NLP). */
export type SyntheticArticle = { input: ArticleInput; mentions: Mention[] };

export type SyntheticCorpus = { next(): SyntheticArticle; readonly produced: number };

const DAY_MS = 86_400_000;

/** Deterministic 32-bit PRNG (mulberry32): the same seed gives the same corpus on every machine. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const asArticle = (input: ArticleInput) => ({
  ...input,
  id: input.externalId,
  contentHash: '',
  copyOf: null,
  revision: 1,
  firstSeen: input.published ?? '2026-01-01T00:00:00Z',
  updated: input.published ?? '2026-01-01T00:00:00Z',
});

/**
 * Our sample articles (samples/, invented text) as templates, in groups of articles that share a
 * person: the articles of one group are reports of one event and are generated together.
 */
export async function loadTemplates(samplesDir: string): Promise<Template[][]> {
  const found: { input: ArticleInput; mentions: Mention[] }[] = [];
  for await (const file of readInputs([samplesDir], { maxBytes: 5 * 1024 * 1024 })) {
    if (!file.ok) continue;
    for (const item of parseInput(file, { maxBytes: 5 * 1024 * 1024 }))
      if (item.ok) found.push({ input: item.input, mentions: extractMentions(asArticle(item.input)) });
  }
  if (found.length === 0) throw new Error(`no sample articles found in ${samplesDir}`);
  const people = found.map((f) => new Set(f.mentions.filter((m) => m.kind === 'person').map((m) => m.name)));
  const groupOf = found.map((_, i) => i);
  const root = (i: number): number => (groupOf[i] === i ? i : root(groupOf[i]!));
  for (let i = 0; i < found.length; i++)
    for (let j = 0; j < i; j++)
      if ([...people[i]!].some((p) => people[j]!.has(p))) groupOf[root(i)] = root(j);
  const groups = new Map<number, Template[]>();
  for (let i = 0; i < found.length; i++) {
    const list = groups.get(root(i)) ?? [];
    list.push({ ...found[i]!, offsetMs: 0 });
    groups.set(root(i), list);
  }
  return [...groups.values()].map((group) => {
    const times = group.map((t) => Date.parse(t.input.published ?? '') || 0);
    const first = Math.min(...times);
    return group.map((t, i) => ({ ...t, offsetMs: Math.max(0, times[i]! - first) }));
  });
}

type City = { city: string; country: string };

function indexCities(): { countries: string[]; byCountry: Map<string, City[]> } {
  const byCountry = new Map<string, City[]>();
  for (const c of cityTimezones.cityMapping) {
    if (!c.city_ascii || !c.country || c.city_ascii.includes(' ')) continue;
    const list = byCountry.get(c.country) ?? [];
    list.push({ city: c.city_ascii, country: c.country });
    byCountry.set(c.country, list);
  }
  const countries = [...byCountry].filter(([, list]) => list.length >= 4).map(([name]) => name);
  return { countries: countries.sort(), byCountry };
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A whole-word pattern for `from`, with either case of its first letter ("De Vries" and "de Vries"). */
function wordPattern(from: string): RegExp {
  const first = from[0]!;
  const head =
    first.toLowerCase() === first.toUpperCase()
      ? escapeRegex(first)
      : `[${first.toLowerCase()}${first.toUpperCase()}]`;
  return new RegExp(`(?<![\\p{L}\\p{N}])${head}${escapeRegex(from.slice(1))}(?![\\p{L}\\p{N}])`, 'gu');
}

type Replacement = { pattern: RegExp; to: string; from: string };

function applyAll(text: string, replacements: Replacement[]): string {
  let out = text;
  for (const r of replacements) out = out.replace(r.pattern, r.to);
  return out;
}

/**
 * An endless stream of articles made from the templates: each event takes one template group and gives
 * its people, places, outlets and dates new values (seeded), so stories repeat in shape but not in
 * names. `perDay` articles a day on average, from `start` onward, in event order.
 */
export function createSyntheticCorpus(
  templates: Template[][],
  opts: { seed: number; perDay: number; start: string },
): SyntheticCorpus {
  const random = createRandom(opts.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const { countries, byCountry } = indexCities();
  const outlets = Array.from(
    { length: 80 },
    () => `${pick(OUTLET_WORDS.places)} ${pick(OUTLET_WORDS.nouns)}`,
  );
  const meanGroup = templates.reduce((n, g) => n + g.length, 0) / templates.length;
  const eventGapMs = (DAY_MS / opts.perDay) * meanGroup;
  const start = Date.parse(opts.start);
  let produced = 0;
  let eventNo = 0;
  let queue: SyntheticArticle[] = [];

  function makeEvent(): SyntheticArticle[] {
    const group = pick(templates);
    const eventStart = start + eventNo * eventGapMs + random() * eventGapMs;
    const replacements: Replacement[] = [];
    const mapped = new Map<string, { to: string; country: string | null }>();
    const countryMap = new Map<string, string>();
    const targetCountry = (from: string) => {
      let to = countryMap.get(from);
      if (!to) {
        to = pick(countries);
        countryMap.set(from, to);
      }
      return to;
    };
    const add = (from: string, to: string, country: string | null = null) => {
      if (mapped.has(from) || from.length < 3) return;
      mapped.set(from, { to, country });
      replacements.push({ from, to, pattern: wordPattern(from) });
    };
    for (const t of group) {
      for (const m of t.mentions) {
        if (m.kind === 'person') {
          const parts = m.name.split(' ');
          const first = pick(FIRST_NAMES);
          const last = random() < 0.15 ? `${pick(LAST_NAMES)}-${pick(LAST_NAMES)}` : pick(LAST_NAMES);
          add(m.name, `${first} ${last}`);
          if (parts.length > 1) add(parts.slice(1).join(' '), last);
          if (parts.length > 2) add(parts[parts.length - 1]!, last);
        } else if (m.kind === 'place' && m.country) {
          const country = targetCountry(m.country);
          if (m.name === m.country) add(m.name, country, country);
          else add(m.name, pick(byCountry.get(country)!).city, country);
        }
      }
      if (t.input.outlet) add(t.input.outlet, pick(outlets));
    }
    // Longest first, so "Jonas de Vries" is replaced before "de Vries".
    replacements.sort((a, b) => b.from.length - a.from.length);
    const eventId = `e${eventNo++}`;
    return group.map((t, k) => {
      const published = new Date(eventStart + t.offsetMs + random() * 3_600_000).toISOString();
      const outlet = t.input.outlet ? (mapped.get(t.input.outlet)?.to ?? pick(outlets)) : null;
      const slug = (outlet ?? 'unknown-outlet').toLowerCase().replace(/[^a-z0-9]+/g, '-');
      const externalId = `${eventId}-${k}`;
      const input: ArticleInput = {
        externalId,
        source: `synthetic/${externalId}`,
        feedId: null,
        guid: null,
        url: `https://${slug}.example/${published.slice(0, 10)}/${externalId}`,
        outlet,
        title: t.input.title ? applyAll(t.input.title, replacements) : null,
        published,
        text: applyAll(t.input.text, replacements),
        cites: t.input.cites.map((c) => applyAll(c, replacements)),
      };
      const mentions = t.mentions.map((m) => {
        const direct = mapped.get(m.name);
        return {
          ...m,
          name: direct?.to ?? applyAll(m.name, replacements),
          country: m.kind === 'place' ? (direct?.country ?? m.country) : m.country,
        };
      });
      return { input, mentions };
    });
  }

  return {
    next() {
      if (queue.length === 0) queue = makeEvent();
      produced++;
      return queue.shift()!;
    },
    get produced() {
      return produced;
    },
  };
}
