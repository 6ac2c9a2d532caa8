import type { AnyFeed } from 'feedsmith';
import { cleanInline } from './html-to-text.ts';

/** One item as the feed gives it, whatever the format; markup not yet turned into text. */
export type RawItem = {
  guid: string | null;
  link: string | null;
  title: string | null;
  dates: (string | undefined)[];
  contentHtml: string | null;
  contentText: string | null;
  summaryHtml: string | null;
  summaryText: string | null;
  author: string | null;
  /** Base URL for relative links (Atom xml:base), when given. */
  base: string | null;
};

export type RawFeed = { title: string | null; link: string | null; base: string | null; items: unknown[] };

type AtomText = { value?: string; type?: string } | undefined;
type Person = { name?: string; email?: string } | undefined;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

function personName(p: Person): string | null {
  return cleanInline(str(p?.name) ?? str(p?.email));
}

/** Atom text constructs: html and xhtml hold markup; text (the default) holds plain text. */
function splitAtomText(t: AtomText): { html: string | null; text: string | null } {
  const value = str(t?.value);
  if (!value) return { html: null, text: null };
  return t?.type === 'html' || t?.type === 'xhtml'
    ? { html: value, text: null }
    : { html: null, text: value };
}

function atomLink(links: { href?: string; rel?: string }[] | undefined): string | null {
  if (!links?.length) return null;
  const alternate = links.find((l) => (!l.rel || l.rel === 'alternate') && str(l.href));
  return str(alternate?.href);
}

/** The feed's own fields and its items, still unmapped (mapping one item at a time lets one bad item fail alone). */
export function readFeedShell(parsed: AnyFeed): RawFeed {
  switch (parsed.format) {
    case 'rss':
      return {
        title: cleanInline(parsed.feed.title),
        link: str(parsed.feed.link),
        base: null,
        items: parsed.feed.items ?? [],
      };
    case 'rdf':
      return {
        title: cleanInline(parsed.feed.title),
        link: str(parsed.feed.link),
        base: null,
        items: parsed.feed.items ?? [],
      };
    case 'atom': {
      const t = splitAtomText(parsed.feed.title as AtomText);
      return {
        title: cleanInline(t.html ?? t.text),
        link: atomLink(parsed.feed.links),
        base: str(parsed.feed.xml?.base),
        items: parsed.feed.entries ?? [],
      };
    }
    case 'json':
      return {
        title: cleanInline(parsed.feed.title),
        link: str(parsed.feed.home_page_url),
        base: null,
        items: Array.isArray(parsed.feed.items) ? parsed.feed.items : [],
      };
  }
}

type RssLike = {
  title?: string;
  link?: string;
  description?: string;
  guid?: { value?: string; isPermaLink?: boolean };
  pubDate?: string;
  authors?: Person[];
  content?: { encoded?: string };
  dc?: { creators?: string[]; dates?: string[]; descriptions?: string[] };
  dcterms?: { issued?: string; created?: string; modified?: string; dates?: string[] };
  rdf?: { about?: string };
  atom?: { links?: { href?: string; rel?: string }[] };
};

function readRssItem(item: RssLike, format: 'rss' | 'rdf'): RawItem {
  const guid = str(item.guid?.value) ?? (format === 'rdf' ? str(item.rdf?.about) : null);
  const permalink = guid && item.guid?.isPermaLink !== false && /^https?:\/\//i.test(guid) ? guid : null;
  return {
    guid,
    link: str(item.link) ?? atomLink(item.atom?.links) ?? permalink,
    title: cleanInline(item.title),
    dates: [
      item.pubDate,
      item.dc?.dates?.[0],
      item.dcterms?.issued,
      item.dcterms?.created,
      item.dcterms?.modified,
    ],
    contentHtml: str(item.content?.encoded),
    contentText: null,
    summaryHtml: str(item.description) ?? str(item.dc?.descriptions?.[0]),
    summaryText: null,
    author: personName(item.authors?.[0]) ?? cleanInline(item.dc?.creators?.[0]),
    base: null,
  };
}

type AtomEntry = {
  id?: string;
  title?: AtomText;
  links?: { href?: string; rel?: string }[];
  published?: string;
  updated?: string;
  content?: AtomText & { src?: string };
  summary?: AtomText;
  authors?: Person[];
  dc?: { creators?: string[] };
  xml?: { base?: string };
};

function readAtomEntry(entry: AtomEntry): RawItem {
  const title = splitAtomText(entry.title);
  const content = splitAtomText(entry.content);
  const summary = splitAtomText(entry.summary);
  return {
    guid: str(entry.id),
    link: atomLink(entry.links),
    title: cleanInline(title.html ?? title.text),
    dates: [entry.published, entry.updated],
    contentHtml: content.html,
    contentText: content.text,
    summaryHtml: summary.html,
    summaryText: summary.text,
    author: personName(entry.authors?.[0]) ?? cleanInline(entry.dc?.creators?.[0]),
    base: str(entry.xml?.base),
  };
}

type JsonItem = {
  id?: string | number;
  url?: string;
  external_url?: string;
  title?: string;
  content_html?: string;
  content_text?: string;
  summary?: string;
  date_published?: string;
  date_modified?: string;
  authors?: Person[];
  author?: Person;
};

function readJsonItem(item: JsonItem): RawItem {
  return {
    guid: typeof item.id === 'number' ? String(item.id) : str(item.id),
    link: str(item.url) ?? str(item.external_url),
    title: cleanInline(item.title),
    dates: [item.date_published, item.date_modified],
    contentHtml: str(item.content_html),
    contentText: str(item.content_text),
    summaryHtml: null,
    summaryText: str(item.summary),
    author: personName(item.authors?.[0] ?? item.author),
    base: null,
  };
}

export function readRawItem(format: AnyFeed['format'], item: unknown): RawItem {
  if (!item || typeof item !== 'object') throw new TypeError('the item is not an object');
  if (format === 'atom') return readAtomEntry(item as AtomEntry);
  if (format === 'json') return readJsonItem(item as JsonItem);
  return readRssItem(item as RssLike, format);
}
