import { type AnyFeed, parseFeed as parseAnyFeed } from 'feedsmith';
import { describeError, InputError } from '../../errors.ts';
import { normalizeDate } from '../html/index.ts';
import { htmlToText } from './html-to-text.ts';
import { type RawItem, readFeedShell, readRawItem } from './read-feed-items.ts';

export type FeedItem = {
  guid: string | null;
  url: string | null;
  title: string | null;
  /** ISO 8601. */
  published: string | null;
  /** The item's full content as HTML (content:encoded, Atom html content, content_html; else an HTML description). */
  html: string | null;
  /** content_text, or the summary as plain text. */
  text: string | null;
  /** True when the feed carries no full article body for the item: fetch the linked page for it. */
  summaryOnly: boolean;
  author: string | null;
};

export type ParsedFeed = {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  /** The site the feed belongs to, when it says. */
  link: string | null;
  items: FeedItem[];
  /** Items left out, by position in the feed; `raw` is the item as parsed, in JSON. */
  rejected: { index: number; reason: string; raw: string }[];
};

export type ParseFeedOptions = { feedUrl: string; feedId: string | null };

/** Below this much text an item's content is taken for a summary. */
export const MIN_FULL_TEXT_CHARS = 500;
const MAX_ITEMS = 1000;
const TRUNCATION_MARK =
  /(?:…|\.\.\.|\[…\]|\[\.\.\.\]|\b(?:read more|continue reading|read the full (?:story|article))\W*)$/i;

function resolveLink(link: string | null, bases: (string | null)[]): string | null {
  if (!link) return null;
  for (const base of [...bases, undefined]) {
    try {
      const url = new URL(link.trim(), base ?? undefined);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
      return null;
    } catch {
      // relative to nothing yet: try the next base
    }
  }
  return null;
}

function firstDate(dates: (string | undefined)[]): string | null {
  for (const d of dates) {
    const iso = normalizeDate(d);
    if (iso) return iso;
  }
  return null;
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return norm(a) === norm(b);
}

function toFeedItem(raw: RawItem, bases: (string | null)[]): FeedItem | string {
  const contentText = raw.contentText?.trim() || (raw.contentHtml ? htmlToText(raw.contentHtml) : '');
  const summaryText = raw.summaryText?.trim() || (raw.summaryHtml ? htmlToText(raw.summaryHtml) : '');
  const url = resolveLink(raw.link, [raw.base, ...bases]);
  if (!contentText && !summaryText && !url && !raw.guid)
    return 'the item has no link, no guid and no content';
  if (!contentText && !summaryText && !url) return 'the item has neither content nor a link to fetch it from';
  const body = contentText || summaryText;
  const summaryOnly =
    body.length < MIN_FULL_TEXT_CHARS ||
    TRUNCATION_MARK.test(body) ||
    (Boolean(contentText) &&
      Boolean(summaryText) &&
      sameText(contentText, summaryText) &&
      body.length < 2000);
  return {
    guid: raw.guid?.trim() || null,
    url,
    title: raw.title,
    published: firstDate(raw.dates),
    html: raw.contentHtml ?? (raw.contentText ? null : raw.summaryHtml),
    text: raw.contentText?.trim() || summaryText || null,
    summaryOnly,
    author: raw.author,
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

/**
 * Parses an RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0 or JSON Feed document. Throws InputError when the text
 * is not a feed or is broken; an item that cannot be used is listed in `rejected` and the rest are kept.
 */
export function parseFeed(text: string, opts: ParseFeedOptions): ParsedFeed {
  const source = opts.feedUrl;
  if (typeof text !== 'string') throw new InputError('the feed is not text', source);
  if (!text.trim()) throw new InputError('the feed is empty', source);
  let parsed: AnyFeed;
  try {
    parsed = parseAnyFeed(text, { maxItems: MAX_ITEMS });
  } catch (cause) {
    const name = (cause as Error)?.name;
    const reason =
      name === 'DetectError'
        ? 'not a feed: no RSS, RDF, Atom or JSON Feed document found'
        : name === 'MalformedError'
          ? 'broken feed: the XML is not well-formed'
          : `the feed could not be parsed: ${describeError(cause)}`;
    throw new InputError(reason, source, { cause });
  }
  let shell: ReturnType<typeof readFeedShell>;
  try {
    shell = readFeedShell(parsed);
  } catch (cause) {
    throw new InputError(`the feed could not be read: ${describeError(cause)}`, source, { cause });
  }
  const bases = [shell.base, opts.feedUrl];
  const items: FeedItem[] = [];
  const rejected: ParsedFeed['rejected'] = [];
  shell.items.forEach((item, index) => {
    let result: FeedItem | string;
    try {
      result = toFeedItem(readRawItem(parsed.format, item), bases);
    } catch (err) {
      result = `the item could not be read: ${describeError(err)}`;
    }
    if (typeof result === 'string') rejected.push({ index, reason: result, raw: safeJson(item) });
    else items.push(result);
  });
  return { format: parsed.format, title: shell.title, link: resolveLink(shell.link, bases), items, rejected };
}
