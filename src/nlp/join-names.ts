import { NAME_PARTICLES } from './name-chunks.ts';

/** Lower case, no accents, apostrophes and hyphens as spaces. */
export function foldName(name: string): string {
  // Plain ASCII has no accents to strip: the same result for much less work.
  if (ASCII.test(name))
    return name
      .toLowerCase()
      .replace(/['`]/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const ASCII = /^[\x00-\x7f]*$/;

/** nameWords' answers, kept while few: names repeat within an article and a story. */
const nameWordsCache = new Map<string, readonly string[]>();

/** A name's words without particles: "Ahmed al-Sharaa" → ["ahmed", "sharaa"]. */
export function nameWords(name: string): readonly string[] {
  const cached = nameWordsCache.get(name);
  if (cached) return cached;
  if (nameWordsCache.size >= 5000) nameWordsCache.clear();
  const words = splitNameWords(name);
  nameWordsCache.set(name, words);
  return words;
}

function splitNameWords(name: string): string[] {
  const words = foldName(name.replace(/\b(al|el|ad|as|ash|ar|an|at|az|ul)-(?=\p{Lu})/giu, '')).split(' ');
  const kept = words.filter((w) => w && !NAME_PARTICLES.has(w));
  return kept.length > 0 ? kept : words.filter(Boolean);
}

/**
 * A spelling skeleton that transliteration variants share: first letter, then consonants, doubled
 * letters once ("Ahmad"/"Ahmed" → "ahmd", "Mohammed"/"Muhammad" → "mhmd").
 */
export function spellingSkeleton(word: string): string {
  const cached = skeletonCache.get(word);
  if (cached !== undefined) return cached;
  if (skeletonCache.size >= 5000) skeletonCache.clear();
  const skeleton = makeSkeleton(word);
  skeletonCache.set(word, skeleton);
  return skeleton;
}

/** spellingSkeleton's answers, kept while few: every pair of names compared asks again. */
const skeletonCache = new Map<string, string>();

function makeSkeleton(word: string): string {
  const w = foldName(word).replace(/\s+/g, '');
  if (w.length <= 2) return w;
  const rest = w.slice(1).replace(/[aeiouy]/g, '');
  return (w[0]! + rest).replace(/(.)\1+/g, '$1');
}

/** Whether two person names are the same person written differently: same surname, first names alike. */
export function isSameFullName(a: string, b: string): boolean {
  const wa = nameWords(a);
  const wb = nameWords(b);
  if (wa.length < 2 || wb.length < 2 || wa.length !== wb.length) return false;
  if (wa.join(' ') === wb.join(' ')) return true;
  const last = wa.length - 1;
  if (spellingSkeleton(wa[last]!) !== spellingSkeleton(wb[last]!)) return false;
  return wa.every((w, i) => spellingSkeleton(w) === spellingSkeleton(wb[i]!));
}

/** Whether `short` ("Sharaa", "al-Sharaa", "Mr Dermer") is a surname-only mention of `full`. */
export function isSurnameOf(short: string, full: string): boolean {
  const ws = nameWords(short);
  const wf = nameWords(full);
  if (ws.length !== 1 || wf.length < 2) return false;
  const s = ws[0]!;
  const last = wf[wf.length - 1]!;
  return s === last || (s.length >= 5 && spellingSkeleton(s) === spellingSkeleton(last));
}

/** "Eriksson Ek" in "Joel Eriksson Ek": the last two or more words of a longer name. */
function isTailOf(short: string, long: string): boolean {
  const ws = nameWords(short);
  const wl = nameWords(long);
  return ws.length >= 2 && wl.length > ws.length && wl.slice(-ws.length).join(' ') === ws.join(' ');
}

export type NameGroup<T> = { name: string; members: T[] };

/**
 * Groups person names: spelling variants of one full name together, then each surname-only name
 * with the full name of that surname that has the most weight. The group's name is the form with the
 * most weight among the longest forms.
 */
export function groupPersonNames<T>(
  items: T[],
  nameOf: (t: T) => string,
  weightOf: (t: T) => number,
  orderOf?: (t: T) => number,
): NameGroup<T>[] {
  type Group = { names: Map<string, number>; members: T[]; weight: number };
  const full: Group[] = [];
  const short: T[] = [];
  for (const item of items) {
    const name = nameOf(item);
    if (nameWords(name).length < 2) {
      short.push(item);
      continue;
    }
    const g = full.find((f) =>
      [...f.names.keys()].some((n) => isSameFullName(n, name) || isTailOf(n, name) || isTailOf(name, n)),
    );
    const w = weightOf(item);
    if (g) {
      g.members.push(item);
      g.names.set(name, (g.names.get(name) ?? 0) + w);
      g.weight += w;
    } else full.push({ names: new Map([[name, w]]), members: [item], weight: w });
  }
  const singles = new Map<string, Group>();
  for (const item of short) {
    const name = nameOf(item);
    const candidates = full.filter((f) => [...f.names.keys()].some((n) => isSurnameOf(name, n)));
    candidates.sort((a, b) => b.weight - a.weight);
    if (orderOf && candidates.length > 1) {
      // Within one text a surname points back to the nearest full name before it.
      const at = orderOf(item);
      const lastBefore = (g: Group) => Math.max(-1, ...g.members.map(orderOf).filter((o) => o < at));
      candidates.sort((a, b) => lastBefore(b) - lastBefore(a) || b.weight - a.weight);
    }
    const target = candidates[0];
    if (target) {
      target.members.push(item);
      target.weight += weightOf(item);
      continue;
    }
    const key = nameWords(name).join(' ');
    const s: Group = singles.get(key) ?? { names: new Map(), members: [], weight: 0 };
    s.members.push(item);
    s.names.set(name, (s.names.get(name) ?? 0) + weightOf(item));
    s.weight += weightOf(item);
    singles.set(key, s);
  }
  return [...full, ...singles.values()].map((g) => ({ name: pickName(g.names), members: g.members }));
}

function pickName(names: Map<string, number>): string {
  let best = '';
  let bestWeight = -1;
  for (const [n, w] of names) {
    const longer = nameWords(n).length > nameWords(best).length;
    const same = nameWords(n).length === nameWords(best).length;
    if (!best || longer || (same && w > bestWeight)) {
      best = n;
      bestWeight = w;
    }
  }
  return best;
}
