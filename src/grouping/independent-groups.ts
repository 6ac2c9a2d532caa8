import type { Article } from '../types.ts';
import { compareArticles } from './story-id.ts';
import { foldText } from './text-terms.ts';

const SHINGLE_WORDS = 5;
const MAX_SHINGLES = 600;
/** Share of the shorter body's shingles found in the other: above it, one is a copy of the other. */
const COPY_CONTAINMENT = 0.5;
/** Share of the smaller set of facts (names, numbers) two single-agency rewrites must share. */
const FACT_OVERLAP = 0.5;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hashed 5-word shingles of the body's opening (a copy shares its opening even when trimmed or extended). */
export function bodyShingles(text: string): Set<number> {
  const words = foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length && out.size < MAX_SHINGLES; i++) {
    out.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  }
  return out;
}

/** Facts a rewrite keeps: capitalised names and numbers, folded. */
function factsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\b(?:\p{Lu}[\p{L}'-]{2,}|\d[\d.,]*)/gu)) out.add(foldText(m[0]));
  return out;
}

function containment<T>(a: Set<T>, b: Set<T>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / small.size;
}

/** Per-article values computed on first use: a story of one article compares nothing. */
function lazily<T>(compute: (i: number) => T): (i: number) => T {
  const cache = new Map<number, T>();
  return (i) => {
    let v = cache.get(i);
    if (v === undefined) {
      v = compute(i);
      cache.set(i, v);
    }
    return v;
  };
}

/**
 * Which articles are independent sources: a map from article id to a group id (the group's earliest
 * article). One group holds
 * - near-copies: `copyOf` links, or bodies sharing most of their 5-word shingles (a wire story reposted);
 * - rewrites of one agency's report: articles whose only cited source is the same agency and which share
 *   most of their facts. They add no confirmation of their own, so they count once, as that agency would.
 *   An article citing several sources, or none, carries its own reporting and stays apart.
 * Pairwise within the given articles (one story's), so the cost follows the story's size, not the store's.
 */
export function independentGroups(articles: Article[]): Map<string, string> {
  const sorted = [...articles].sort(compareArticles);
  const parent = new Map<string, string>(sorted.map((a) => [a.id, a.id]));
  const rank = new Map<string, number>(sorted.map((a, i) => [a.id, i]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let x = id; x !== root; ) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    if (rank.get(ra)! <= rank.get(rb)!) parent.set(rb, ra);
    else parent.set(ra, rb);
  };

  for (const a of sorted) if (a.copyOf && parent.has(a.copyOf)) union(a.id, a.copyOf);

  const shingles = lazily((i) => bodyShingles(sorted[i]!.text));
  const facts = lazily((i) => factsOf(sorted[i]!.text));
  const soleCite = sorted.map((a) => {
    const cites = new Set(a.cites.map((c) => foldText(c).trim()));
    return cites.size === 1 ? [...cites][0]! : null;
  });
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      if (find(a.id) === find(b.id)) continue;
      const copied =
        Math.min(shingles(i).size, shingles(j).size) >= 8 &&
        containment(shingles(i), shingles(j)) >= COPY_CONTAINMENT;
      const sameAgency =
        soleCite[i] !== null &&
        soleCite[i] === soleCite[j] &&
        containment(facts(i), facts(j)) >= FACT_OVERLAP;
      if (copied || sameAgency) union(a.id, b.id);
    }
  }
  return new Map(sorted.map((a) => [a.id, find(a.id)]));
}

/** How many independent sources the articles amount to. */
export function countIndependentSources(articles: Article[]): number {
  return new Set(independentGroups(articles).values()).size;
}
