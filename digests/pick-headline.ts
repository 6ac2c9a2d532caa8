import { foldText, tokenizeTerms } from '../src/grouping/text-terms.ts';
import type { Article } from '../src/types.ts';

const SEPARATED_SUFFIX = /\s+[-–—|:·•]\s+([^-–—|:·•]{2,60})$/;

/** A title without its " - Outlet" / " | Outlet" suffix (the outlet's name, or a short brand-like tail). */
export function cleanTitle(title: string, outlet: string | null = null): string {
  let t = title.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 2; i++) {
    const m = t.match(SEPARATED_SUFFIX);
    if (!m) break;
    const tail = m[1]!.trim();
    const isOutlet = outlet !== null && foldText(tail).includes(foldText(outlet));
    const brandLike = tail.split(' ').length <= 4 && /^[\p{Lu}\d]/u.test(tail) && !/[.!?]$/.test(tail);
    if (!isOutlet && !(brandLike && t.length - m[0].length >= 25)) break;
    t = t.slice(0, t.length - m[0].length).trim();
  }
  return t;
}

/** The best title among the articles: the one sharing most terms with the others, reasonable in length. */
export function pickHeadline(articles: Article[]): string | null {
  const titles = articles
    .filter((a) => a.title?.trim())
    .map((a) => ({ text: cleanTitle(a.title!, a.outlet), terms: new Set(tokenizeTerms(a.title!)) }));
  if (titles.length === 0) return null;
  let best: { text: string; score: number } | null = null;
  for (const t of titles) {
    let overlap = 0;
    for (const o of titles) {
      if (o === t || t.terms.size === 0 || o.terms.size === 0) continue;
      let shared = 0;
      for (const term of t.terms) if (o.terms.has(term)) shared++;
      overlap += shared / Math.sqrt(t.terms.size * o.terms.size);
    }
    const lengthFit = t.text.length >= 30 && t.text.length <= 140 ? 0.5 : 0;
    const score = overlap / Math.max(1, titles.length - 1) + lengthFit;
    if (!best || score > best.score) best = { text: t.text, score };
  }
  return best!.text;
}

const HEADLINE_MAX = 120;
const TAIL =
  /,\s+(?:(?:according to|citing)\b.*|[^,]{1,80}?\b(?:said|says|reported|reports|told|announced|confirmed)\b[^,]*)$/i;

/** A headline made from a sentence when no article has a title: its main clause, at most 120 characters. */
export function headlineFromSentence(sentence: string): string {
  let s = sentence
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.!]["”’]?$/, '');
  for (let i = 0; i < 2 && TAIL.test(s); i++) s = s.replace(TAIL, '');
  if (s.length <= HEADLINE_MAX) return s;
  const cut = s.slice(0, HEADLINE_MAX + 1);
  // The last clause or phrase break that leaves a headline of some length: ", …", " on …", " after …".
  const breaks = [
    ...cut.matchAll(/[,;] | (?=(?:on|in|at|after|before|as|while|amid|over|following|with|to|for) )/g),
  ];
  const last = breaks
    .map((m) => m.index)
    .filter((i) => i >= 50 && i <= HEADLINE_MAX)
    .pop();
  if (last !== undefined) return s.slice(0, last).replace(/[,;]$/, '');
  const word = cut.lastIndexOf(' ', HEADLINE_MAX - 1);
  return `${s.slice(0, word > 0 ? word : HEADLINE_MAX - 1)}…`;
}
