import { foldText, tokenizeTerms } from '../src/grouping/text-terms.ts';
import { splitSentences } from '../src/nlp/index.ts';
import type { Article } from '../src/types.ts';

export const MAX_WHAT_CHARS = 300;
const LEAD_PARAGRAPHS = 3;
const LEAD_SENTENCES = 4;
/** Bonus for a sentence's place in its article's lead: news puts what happened first. */
const POSITION_BONUS = [0.3, 0.15, 0.08, 0.04];
const SENTENCE_MIX = 0.5;

/** "…, Reuters reported on Tuesday." / "…, according to a report by Reuters citing five sources." */
const ATTRIBUTION_TAIL =
  /,\s+(?:(?:according to|citing)\b[^,]*|[^,]{1,80}?\b(?:said|says|reported|reports|told|announced|confirmed|added|noted|wrote)\b[^,]*)[.!]?["”’]?$/i;
const CAPTION =
  /\((?:[^()]*\/[^()]*|[^()]*\b(?:photo|file|getty|afp|ap|reuters|screenshot|credit)\b[^()]*)\)\s*$/i;
const QUOTE_OPEN = /^["“‘'«]/;

type Candidate = { text: string; article: number; position: number; terms: Map<string, number> };

function termCounts(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tokenizeTerms(text)) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, w] of a) {
    na += w * w;
    const v = b.get(t);
    if (v !== undefined) dot += w * v;
  }
  for (const w of b.values()) nb += w * w;
  return dot === 0 ? 0 : dot / Math.sqrt(na * nb);
}

function quotedShare(s: string): number {
  let inside = 0;
  for (const m of s.matchAll(/[“"]([^”"]*)[”"]/g)) inside += m[1]!.length;
  return inside / s.length;
}

/** A sentence that can say what happened: a statement, not a question, quote, caption, bullet or headline. */
export function isStatement(sentence: string, titles: Set<string>): boolean {
  const s = sentence.trim();
  if (s.length < 40 || s.split(/\s+/).length < 8) return false;
  if (/\?["”’]?$/.test(s) || !/[.!…]["”’)]?$/.test(s)) return false;
  if (QUOTE_OPEN.test(s) || quotedShare(s) > 0.5) return false;
  if (CAPTION.test(s) || /pic\.twitter|https?:\/\//i.test(s)) return false;
  if (/^[-–—•*📌|>#]/u.test(s)) return false;
  if (titles.has(foldText(s).replace(/[.!]$/, ''))) return false;
  return true;
}

/** Shortens a sentence to `max` characters at a clause boundary, keeping its attribution tail. */
export function trimSentence(sentence: string, max = MAX_WHAT_CHARS): string {
  const s = sentence.trim().replace(/\s+/g, ' ');
  if (s.length <= max) return s;
  const tail = s.match(ATTRIBUTION_TAIL)?.[0] ?? '';
  const body = tail ? s.slice(0, s.length - tail.length) : s.replace(/[.!]$/, '');
  const ending = tail ? (/[.!]["”’]?$/.test(tail) ? tail : `${tail}.`) : '.';
  const room = max - ending.length;
  if (room >= 60) {
    const cut = body.slice(0, room + 1);
    const clause = Math.max(cut.lastIndexOf(', '), cut.lastIndexOf('; '), cut.lastIndexOf(' — '));
    if (clause >= room * 0.5) return `${body.slice(0, clause)}${ending}`;
    const word = cut.lastIndexOf(' ', room - 1);
    if (word > 0) return `${body.slice(0, word)}…${ending === '.' ? '' : ending}`.slice(0, max);
  }
  const word = s.lastIndexOf(' ', max - 1);
  return `${s.slice(0, word > 0 ? word : max - 1)}…`;
}

const DATELINE = /^(?:[\p{Lu}][\p{Lu}\p{M} .,'’/-]{1,40}\s*)?(?:\((?:[^()]{1,40})\)\s*)?[-–—]\s+(?=\p{Lu})/u;

/** A lead sentence without a dateline ("OSLO (Westwire) - ") or the article's own title run into it. */
export function cleanLeadSentence(sentence: string, title: string | null): string {
  let s = sentence.trim().replace(/\s+/g, ' ');
  const t = title?.trim().replace(/\s+/g, ' ');
  if (t && s.length > t.length + 20 && s.toLowerCase().startsWith(t.toLowerCase()))
    s = s.slice(t.length).trim();
  return s.replace(DATELINE, '');
}

function leadSentences(text: string): string[] {
  const paragraphs = text
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const p of paragraphs.slice(0, LEAD_PARAGRAPHS + 2)) {
    for (const s of splitSentences(p)) {
      out.push(s);
      if (out.length >= LEAD_SENTENCES + 2) return out;
    }
  }
  return out;
}

/**
 * The story's `what`: one sentence from the articles' leads, the one most like the other articles'
 * leads and restated by one of their sentences (centrality), with a bonus for coming first; at most
 * 300 characters, attribution kept. With one article, centrality is measured against its whole body.
 * Empty when no lead sentence qualifies.
 */
export function selectWhat(articles: Article[], titles: string[]): string {
  const titleSet = new Set(titles.map((t) => foldText(t.trim()).replace(/[.!]$/, '')));
  const candidates: Candidate[] = [];
  const leads: Map<string, number>[] = [];
  const leadSentenceTerms: Map<string, number>[][] = [];
  articles.forEach((a, article) => {
    const sentences = leadSentences(a.text);
    leads.push(termCounts(sentences.join(' ')));
    leadSentenceTerms.push(sentences.map(termCounts));
    let position = 0;
    for (const raw of sentences) {
      const text = cleanLeadSentence(raw, a.title);
      if (position >= LEAD_SENTENCES) break;
      if (!isStatement(text, titleSet)) continue;
      candidates.push({ text, article, position, terms: termCounts(text) });
      position++;
    }
  });
  const bodies = articles.length === 1 ? [termCounts(articles[0]!.text)] : [];
  let best: { c: Candidate; score: number } | null = null;
  for (const c of candidates) {
    let centrality = 0;
    if (articles.length === 1) centrality = cosine(c.terms, bodies[0]!);
    else {
      // Like the other leads as a whole, and restated by one of their sentences: the shared core fact.
      for (let i = 0; i < articles.length; i++) {
        if (i === c.article) continue;
        const restated = Math.max(0, ...leadSentenceTerms[i]!.map((t) => cosine(c.terms, t)));
        centrality +=
          (SENTENCE_MIX * restated + (1 - SENTENCE_MIX) * cosine(c.terms, leads[i]!)) / (articles.length - 1);
      }
    }
    const score = centrality + (POSITION_BONUS[c.position] ?? 0);
    if (!best || score > best.score + 1e-9) best = { c, score };
  }
  return best ? trimSentence(best.c.text) : '';
}
