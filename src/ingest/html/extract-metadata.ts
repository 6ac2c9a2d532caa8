import { collapseSpace } from './dom.ts';
import { asName, asString, asUrl, findArticleNode, type JsonObject, readJsonLd } from './json-ld.ts';
import { hasClass, type LightDocument, type LightElement, textOf, walkElements } from './light-tree.ts';

export type PageMetadata = {
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  lang: string | null;
  /** JSON-LD articleBody, kept as a fallback body. */
  jsonLdBody: string | null;
};

/** The page's <meta> elements, in document order. */
type Metas = LightElement[];

function findMeta(metas: Metas, attr: string, key: string): LightElement | undefined {
  return metas.find((el) => el.attrs[attr]?.toLowerCase() === key);
}

function meta(metas: Metas, ...keys: string[]): string | null {
  for (const key of keys) {
    const k = key.toLowerCase();
    const el = findMeta(metas, 'property', k) ?? findMeta(metas, 'name', k) ?? findMeta(metas, 'itemprop', k);
    const v = el?.attrs.content?.trim();
    if (v) return v;
  }
  return null;
}

/** An ISO 8601 UTC timestamp, or null when the value is not a date. A time without a zone is taken as UTC. */
export function normalizeDate(value: string | null | undefined): string | null {
  if (!value) return null;
  let v = value.trim();
  if (!v) return null;
  v = v.replace(/\s*(GMT|UTC)$/i, 'Z');
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(v)) v = `${v.replace(' ', 'T')}Z`;
  else if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(v)) v = v.replace(' ', 'T');
  // "+0100" offsets: Date.parse wants "+01:00".
  v = v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  if (year < 1900 || year > 2200) return null;
  return new Date(ms).toISOString();
}

function resolveUrl(href: string | null, base: string | null | undefined): string | null {
  if (!href) return null;
  try {
    const u = base ? new URL(href, base) : new URL(href);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.href;
  } catch {
    return null;
  }
}

const TITLE_SEPARATORS = /\s+(?:[|–—·•»:]|-{1,2}|::)\s+/;

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

function namesOutlet(part: string, outlet: string | null): boolean {
  if (!outlet) return false;
  const p = norm(part);
  const o = norm(outlet);
  return (
    p.length > 0 && o.length > 0 && (p === o || (p.includes(o) && p.length <= o.length + 12) || o.includes(p))
  );
}

/**
 * Drops a " | Outlet" (or "Outlet - ") part from a title: a part naming the outlet, or a short last
 * part ("| Editorial", "- Sports") after a longer headline.
 */
export function stripTitleSuffix(title: string, outlet: string | null): string {
  const parts = title.split(TITLE_SEPARATORS);
  if (parts.length < 2) return title;
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const words = (s: string) => s.trim().split(/\s+/).length;
  // "Real Madrid 3 - 1 Barcelona": a separator between two numbers is a score, not a suffix.
  const scoreLike = /\d\s+[-–—:]\s+\d/.test(title);
  if (namesOutlet(last, outlet) || (!scoreLike && words(last) <= 3 && words(first) >= 3)) {
    const cut = title.slice(0, title.length - last.length).replace(/\s+(?:[|–—·•»:]|-{1,2}|::)\s*$/, '');
    return cut.trim() || title;
  }
  const leadingLabel = /^[^|]{1,30}\s\|\s/.exec(title);
  if (namesOutlet(first, outlet) || (leadingLabel && words(first) <= 2 && words(title) - words(first) >= 4)) {
    const rest = title.slice(first.length).replace(/^\s*(?:[|–—·•»:]|-{1,2}|::)\s+/, '');
    return rest.trim() || title;
  }
  return title;
}

/** A canonical link to the site's home page on an article page is a template error; it is ignored. */
function notHomePage(url: string | null, pageUrl: string | null): string | null {
  if (!url || !pageUrl) return url;
  try {
    const page = new URL(pageUrl);
    return new URL(url).pathname === '/' && page.pathname !== '/' ? null : url;
  } catch {
    return url;
  }
}

/** "The Northport Ledger | Local news since 1871": the name before a separator is the outlet. */
function cleanOutlet(name: string): string {
  const clean = collapseSpace(name);
  const first = clean.split(/\s+[|–—-]\s+/)[0]!.trim();
  return first || clean;
}

const looksLikeUrl = (s: string) => /^(https?:)?\/\/|^www\./i.test(s.trim());

const DATE_META_KEYS = [
  'article:published_time',
  'article:published',
  'og:published_time',
  'datePublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'date',
  'dc.date.issued',
  'dc.date',
  'dcterms.issued',
  'sailthru.date',
  'parsely-pub-date',
];

/** What the metadata is read from, gathered in one walk over the page. */
type PageParts = {
  metas: Metas;
  title: LightElement | null;
  h1: LightElement | null;
  canonical: LightElement | null;
  /** [itemprop~=datePublished], then time[datetime] and [class~=published][title] (three of each). */
  dateElements: LightElement[];
};

const hasToken = (value: string | undefined, token: string) =>
  value?.toLowerCase().split(/\s+/).includes(token);

function gatherParts(root: LightElement): PageParts {
  const parts: PageParts = { metas: [], title: null, h1: null, canonical: null, dateElements: [] };
  const times: LightElement[] = [];
  const published: LightElement[] = [];
  walkElements(root, (el) => {
    const name = el.name;
    if (name === 'meta') parts.metas.push(el);
    else if (name === 'title') parts.title ??= el;
    else if (name === 'h1') parts.h1 ??= el;
    else if (name === 'link' && !parts.canonical && hasToken(el.attrs.rel, 'canonical')) parts.canonical = el;
    else if (name === 'time' && el.attrs.datetime !== undefined && times.length < 3) times.push(el);
    if (hasToken(el.attrs.itemprop, 'datepublished')) parts.dateElements.push(el);
    if (el.attrs.title !== undefined && published.length < 3 && hasClass(el, 'published')) published.push(el);
    return true;
  });
  parts.dateElements.push(...times, ...published);
  return parts;
}

function findPublished(parts: PageParts, article: JsonObject | null): string | null {
  const fromJsonLd = normalizeDate(asString(article?.datePublished));
  if (fromJsonLd) return fromJsonLd;
  for (const key of DATE_META_KEYS) {
    const d = normalizeDate(meta(parts.metas, key));
    if (d) return d;
  }
  for (const el of parts.dateElements) {
    const raw = el.attrs.datetime ?? el.attrs.content ?? el.attrs.title ?? textOf(el);
    const d = normalizeDate(raw);
    if (d) return d;
  }
  return null;
}

/** Reads title, outlet, date, canonical URL and language from the page's head and structured data. */
export function extractMetadata(doc: LightDocument, pageUrl: string | null | undefined): PageMetadata {
  const nodes = readJsonLd(doc.root);
  const parts = gatherParts(doc.root);
  const { metas } = parts;
  const article: JsonObject | null = findArticleNode(nodes);
  const website = nodes.find(
    (n) =>
      n['@type'] === 'WebSite' || n['@type'] === 'Organization' || n['@type'] === 'NewsMediaOrganization',
  );

  const outlet =
    [
      meta(metas, 'og:site_name'),
      asName(article?.publisher),
      meta(metas, 'application-name'),
      asName(website),
    ].find((name): name is string => !!name && !looksLikeUrl(name)) ?? null;

  const rawTitle =
    meta(metas, 'og:title', 'twitter:title') ??
    asString(article?.headline) ??
    (collapseSpace(parts.title ? textOf(parts.title) : '') || null) ??
    (collapseSpace(parts.h1 ? textOf(parts.h1) : '') || null);
  const title = rawTitle ? collapseSpace(stripTitleSuffix(collapseSpace(rawTitle), outlet)) || null : null;

  const published = findPublished(parts, article);

  const base = pageUrl ?? null;
  const url =
    notHomePage(resolveUrl(parts.canonical?.attrs.href ?? null, base), base) ??
    resolveUrl(meta(metas, 'og:url'), base) ??
    resolveUrl(asUrl(article?.url) ?? asUrl(article?.mainEntityOfPage), base) ??
    resolveUrl(base, null);

  const langAttr = doc.html?.attrs.lang?.trim() || meta(metas, 'og:locale', 'content-language', 'language');
  const lang = langAttr ? langAttr.trim().replace('_', '-') || null : null;

  const body = asString(article?.articleBody);
  return { title, outlet: outlet ? cleanOutlet(outlet) : null, published, url, lang, jsonLdBody: body };
}
