import { InputError } from '../../errors.ts';
import { appealScore } from './appeal-score.ts';
import { detectOutlet } from './detect-outlet.ts';
import {
  classifyLine,
  IMAGE_MD,
  isEmbedStart,
  isHeadlineLike,
  isProse,
  LINK_AFTER,
  type LineKind,
  MAX_FURNITURE_WORDS,
  SIGNATURE,
  URL_LINE,
  wordCount,
} from './line-kinds.ts';
import { parseDateline } from './parse-dateline.ts';
import type { RepeatedLineLearner } from './repeated-line-learner.ts';

export type ParsedText = {
  title: string | null;
  outlet: string | null;
  /** ISO 8601: a date alone ("2025-05-27") when the dateline gives no time. */
  published: string | null;
  url: string | null;
  /** The body: one paragraph per kept line (hard-wrapped lines joined), paragraphs separated by blank lines. */
  text: string;
  /** The furniture taken out: image markup first, then whole lines in page order. */
  removed: string[];
};

export type ParseScrapedTextOptions = {
  /** Where the page came from (file path or URL); names the input in errors. */
  source: string;
  /** Learns lines the outlet repeats across articles and removes them; it observes this page too. */
  learner?: RepeatedLineLearner;
  /** The outlet, when the caller already knows it. */
  outlet?: string | null;
  /** The canonical URL, when the caller already knows it. */
  url?: string | null;
};

type Line = { text: string; kind: LineKind | null };

const APPEALISH = new Set<LineKind>(['appeal', 'promo']);
const APPEAL_BOUNDS = new Set<LineKind>(['appeal', 'promo', 'nav', 'read-more', 'sign-off']);
const DATE_LINE_PREFIX = /^(?:published|posted|first published|date|updated|last updated|modified)\b/iu;
const URL_FIELD = /^(?:url|source|link|canonical|original(?: url)?)\s*:\s*(https?:\/\/\S+)$/iu;
const SOCIAL_URL =
  /^(?:https?:\/\/)?(?:t\.co|pic\.twitter\.com|(?:www\.)?(?:twitter|x|facebook|instagram|youtube|tiktok)\.com)\//iu;

/** Splits into trimmed lines: invisible characters dropped, spaces collapsed, image markdown taken out. */
function splitLines(raw: string, removed: string[]): Line[] {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .split('\n')
    .map((l) => {
      // Stray separators left by a flattened layout ("… calming tensions. |") are not text.
      let text = l.replace(/[\s\u00a0]+/gu, ' ').trim();
      if (/[|•·]/u.test(text)) text = text.replace(/^(?:[|•·]\s+)+|(?:\s+[|•·])+$/gu, '');
      const images = text.includes('![') ? text.match(IMAGE_MD) : null;
      if (images) {
        removed.push(...images);
        text = text.replace(IMAGE_MD, ' ').replace(/\s+/g, ' ').trim();
        if (text === '') return { text, kind: 'image' as const };
      }
      const kind = classifyLine(text);
      if (kind === null && text.includes(']('))
        text = text.replace(/\[([^\]\n]{1,300})\]\((?:https?:\/\/|\/)[^)\s]*\)/gu, '$1');
      return { text, kind };
    });
}

const nonBlank = (lines: Line[]) => lines.flatMap((l, i) => (l.text === '' ? [] : [i]));

/** A social post's text sits right above its "— Name (@handle) date" line. */
function markEmbeds(lines: Line[]): void {
  for (let i = 0; i < lines.length; i++) {
    if (!SIGNATURE.test(lines[i]!.text) && !/^a post shared by /iu.test(lines[i]!.text)) continue;
    let j = i - 1;
    while (j >= 0 && lines[j]!.text === '' && i - j <= 2) j--;
    const first = lines[j];
    if (!first || first.text === '' || (first.kind !== null && first.kind !== 'embed')) continue;
    if (!isEmbedStart(first.text) && (first.text.length > 300 || /:$/u.test(first.text))) continue;
    first.kind = 'embed';
    for (let k = j - 1; k >= 0; k--) {
      const l = lines[k]!;
      if (l.text === '' || SIGNATURE.test(l.text) || !isEmbedStart(l.text)) break;
      if (l.kind !== null && l.kind !== 'embed') break;
      l.kind = 'embed';
    }
  }
}

/** Short or appeal-flavoured lines between appeal lines ("If so, we have a request.", "Thank you,") go too. */
function markAppealRuns(lines: Line[]): void {
  const idx = nonBlank(lines);
  for (let a = 0; a < idx.length; a++) {
    const prev = lines[idx[a - 1]!];
    if (!prev || prev.kind === null || !APPEAL_BOUNDS.has(prev.kind)) continue;
    let b = a;
    while (b < idx.length && lines[idx[b]!]!.kind === null && b - a < 3) b++;
    if (b === a) continue;
    const next = lines[idx[b]!];
    const bounded = next ? next.kind !== null && APPEAL_BOUNDS.has(next.kind) : true;
    const appealSide = APPEALISH.has(prev.kind) || (next?.kind != null && APPEALISH.has(next.kind));
    if (!bounded || !appealSide) continue;
    const run = idx.slice(a, b).map((i) => lines[i]!);
    const fits = (t: string) =>
      wordCount(t) <= 14 || (appealScore(t) >= 1 && wordCount(t) <= MAX_FURNITURE_WORDS);
    if (run.every((l) => fits(l.text))) for (const l of run) l.kind = 'appeal';
  }
}

/** Headlines of other articles: around "Read more" links, between view counters, or trailing the body. */
function markRelatedRuns(lines: Line[]): void {
  const idx = nonBlank(lines);
  const linkish = (k: LineKind | null) =>
    k === 'read-more' || k === 'timestamp' || k === 'image' || k === 'url' || k === 'nav' || k === 'related';
  let runStart = 0;
  const flush = (end: number) => {
    const run = idx.slice(runStart, end).map((i) => lines[i]!);
    const heads = run.filter((l) => l.kind === null);
    const counters = run.filter((l) => l.kind === 'timestamp').length;
    if (counters >= 2 && heads.length >= 2) for (const l of heads) l.kind = 'related';
    // "Headline" + "Read more »": the headline above; "Related:" / "Read more: …": the headlines below.
    run.forEach((l, r) => {
      if (l.kind !== 'read-more') return;
      if (LINK_AFTER.test(l.text)) {
        for (let b = r - 1; b >= 0 && run[b]!.kind === null; b--) run[b]!.kind = 'related';
      } else {
        for (let a = r + 1; a < run.length && (run[a]!.kind === null || run[a]!.kind === 'related'); a++)
          run[a]!.kind = 'related';
      }
    });
  };
  for (let n = 0; n < idx.length; n++) {
    const l = lines[idx[n]!]!;
    const fits = linkish(l.kind) || (l.kind === null && isHeadlineLike(l.text) && !isProse(l.text));
    if (!fits) {
      flush(n);
      runStart = n + 1;
    }
  }
  flush(idx.length);
  // Judged over the lines still kept, so that parsing the output again finds the same runs.
  const kept = idx.filter((i) => lines[i]!.kind === null);
  for (let n = 0; n < kept.length; ) {
    let m = n;
    while (m < kept.length && isMenuWord(lines[kept[m]!]!.text)) m++;
    if (m - n >= 3) for (const i of kept.slice(n, m)) lines[i]!.kind = 'nav';
    n = Math.max(m, n + 1);
  }
}

function isMenuWord(text: string): boolean {
  return (
    wordCount(text) <= 3 &&
    text.length <= 30 &&
    /\p{L}/u.test(text) &&
    !/[.!?:;,"”。！？]$/u.test(text) &&
    !/^[-*•·]\s/u.test(text)
  );
}

function markDuplicates(lines: Line[]): void {
  const seen = new Set<string>();
  for (const l of lines) {
    // Repeated short lines are page chrome (a title echoed by a share bar); repeated prose may be the author's.
    if (l.text === '' || l.kind !== null || isProse(l.text) || wordCount(l.text) > 10) continue;
    const key = l.text.toLowerCase();
    if (seen.has(key)) l.kind = 'duplicate';
    else seen.add(key);
  }
}

/** The lines before the first kept paragraph of prose: where titles, bylines and datelines live. */
function headerEnd(lines: Line[]): number {
  const i = lines.findIndex((l) => l.kind === null && l.text !== '' && isProse(l.text));
  return i < 0 ? lines.length : i;
}

function findTitle(lines: Line[], end: number): string | null {
  let seen = 0;
  for (let i = 0; i < end && seen < 10; i++) {
    const l = lines[i]!;
    if (l.kind !== null || l.text === '') continue;
    seen++;
    if (isHeadlineLike(l.text) && wordCount(l.text) >= 3 && l.text.length >= 15) return l.text;
  }
  return null;
}

function findPublished(lines: Line[], end: number): string | null {
  let fallback: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.text === '' || l.kind === 'caption' || l.kind === 'embed' || l.kind === 'related') continue;
    const prefixed = DATE_LINE_PREFIX.test(l.text) && wordCount(l.text) <= 20;
    // A date in a headline or a sentence is news, not the publication date: only dateline-shaped lines count.
    const headerDate = i < end && (l.kind === 'timestamp' || l.kind === 'byline');
    if (!prefixed && !headerDate) continue;
    const date = parseDateline(l.text);
    if (!date) continue;
    if (!/^(?:updated|last updated|modified)\b/iu.test(l.text)) return date;
    fallback ??= date;
  }
  return fallback;
}

function findUrl(lines: Line[], end: number): string | null {
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    const field = URL_FIELD.exec(t);
    const candidate = field?.[1] ?? (i < end && URL_LINE.test(t) ? t.replace(/^<|>$/g, '') : null);
    if (candidate && !SOCIAL_URL.test(candidate))
      return candidate.startsWith('www.') ? `https://${candidate}` : candidate;
  }
  return null;
}

/**
 * Joins the kept lines into paragraphs; a hard-wrapped line continuing in lower case joins the one above.
 * Also the paragraphs made of more than one line.
 */
function assemble(lines: Line[]): { text: string; joined: string[] } {
  const paragraphs: string[] = [];
  const joined = new Set<number>();
  let prevIndex = -2;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.kind !== null || l.text === '') continue;
    const last = paragraphs.at(-1);
    if (
      last !== undefined &&
      prevIndex === i - 1 &&
      last.length >= 40 &&
      !/[.!?:;"”’)\]…]$/u.test(last) &&
      /^\p{Ll}/u.test(l.text)
    ) {
      paragraphs[paragraphs.length - 1] = `${last} ${l.text}`;
      joined.add(paragraphs.length - 1);
    } else paragraphs.push(l.text);
    prevIndex = i;
  }
  return { text: paragraphs.join('\n\n'), joined: [...joined].map((p) => paragraphs[p]!) };
}

/** The page's lines, trimmed, each with its furniture kind (null: may be body), judged with their context. */
export function classifyPageLines(raw: string): Array<{ text: string; kind: LineKind | null }> {
  const lines = splitLines(typeof raw === 'string' ? raw : '', []);
  markEmbeds(lines);
  markAppealRuns(lines);
  markRelatedRuns(lines);
  return lines;
}

/**
 * A page scraped to plain text → its title, outlet, date, URL and body, with the page furniture (navigation,
 * captions, slugs, appeals, embeds, related headlines, counters, sign-offs) removed line by line.
 */
export function parseScrapedText(raw: string, opts: ParseScrapedTextOptions): ParsedText {
  return readScrapedPage(raw, opts).parsed;
}

/**
 * parseScrapedText, with the page as classifyPageLines reads it and the body's paragraphs that join
 * hard-wrapped lines: what reading the cites of the page and of its body needs.
 */
export function readScrapedPage(
  raw: string,
  opts: ParseScrapedTextOptions,
): { parsed: ParsedText; page: Array<{ text: string; kind: LineKind | null }>; joined: string[] } {
  const source = typeof opts?.source === 'string' ? opts.source : '(unnamed text)';
  if (typeof raw !== 'string') throw new InputError(`${source}: expected text, got ${typeof raw}`, source);
  const inline: string[] = [];
  const lines = splitLines(raw, inline);
  markEmbeds(lines);
  markAppealRuns(lines);
  markRelatedRuns(lines);
  const page = lines.map((l) => ({ text: l.text, kind: l.kind }));
  let end = headerEnd(lines);
  const url = opts.url ?? findUrl(lines, end) ?? (/^https?:\/\//iu.test(source) ? source : null);
  const outlet =
    opts.outlet ??
    detectOutlet(
      lines.map((l) => l.text),
      lines.map((l) => l.kind),
      { url, source },
    );
  if (opts.learner && outlet) {
    const texts = lines.filter((l) => l.text !== '').map((l) => l.text);
    opts.learner.observe(outlet, texts, url ?? source);
    for (const l of lines)
      if (l.kind === null && l.text !== '' && opts.learner.isRepeated(outlet, l.text)) l.kind = 'repeated';
    end = headerEnd(lines);
  }
  // The outlet's name alone on a header line is its masthead.
  const masthead = outlet?.toLowerCase().replace(/^the\s+/u, '');
  for (let i = 0; i < end && masthead; i++) {
    const l = lines[i]!;
    if (l.kind === null && l.text.toLowerCase().replace(/^the\s+/u, '') === masthead) l.kind = 'nav';
  }
  markDuplicates(lines);
  const title = findTitle(lines, end);
  const published = findPublished(lines, end);
  // A dateline is furniture once read; a title stays, it is the article's first line.
  for (let i = 0; i < end; i++) {
    const l = lines[i]!;
    if (
      l.kind === null &&
      l.text !== '' &&
      wordCount(l.text) <= 12 &&
      DATE_LINE_PREFIX.test(l.text) &&
      parseDateline(l.text)
    )
      l.kind = 'timestamp';
  }
  const removed = [...inline, ...lines.filter((l) => l.kind !== null && l.text !== '').map((l) => l.text)];
  const { text, joined } = assemble(lines);
  return { parsed: { title, outlet, published, url, text, removed }, page, joined };
}
