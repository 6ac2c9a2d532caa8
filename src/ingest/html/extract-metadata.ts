import { collapseSpace, type DomDocument } from './dom.ts';
import { asName, asString, asUrl, findArticleNode, type JsonObject, readJsonLd } from './json-ld.ts';

export type PageMetadata = {
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  lang: string | null;
  /** JSON-LD articleBody, kept as a fallback body. */
  jsonLdBody: string | null;
};

function meta(doc: DomDocument, ...keys: string[]): string | null {
  for (const key of keys) {
    const el =
      doc.querySelector(`meta[property="${key}" i]`) ??
      doc.querySelector(`meta[name="${key}" i]`) ??
      doc.querySelector(`meta[itemprop="${key}" i]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

/** An ISO 8601 UTC timestamp, or null when the value is not a date. A time without a zone is taken as UTC. */
export function normalizeDate(value: string | null | undefined): string | null {
  if (!value) return null;
  let v = value.trim();
  if (!v) return null;
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

/** Drops a trailing (or leading) " | Outlet" part of a title when it names the outlet or is short. */
export function stripTitleSuffix(title: string, outlet: string | null): string {
  const parts = title.split(TITLE_SEPARATORS);
  if (parts.length < 2) return title;
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const o = outlet ? norm(outlet) : null;
  const last = parts[parts.length - 1]!;
  const first = parts[0]!;
  if (o && norm(last).includes(o))
    return title.slice(0, title.lastIndexOf(last)).replace(TITLE_SEPARATORS, '').trim() || title;
  if (o && norm(first).includes(o) && parts.length >= 2) return parts.slice(1).join(' - ').trim();
  const words = last.trim().split(/\s+/).length;
  if (words <= 4 && first.split(/\s+/).length >= 3) {
    const cut = title.slice(0, title.length - last.length);
    return cut.replace(/\s+(?:[|–—·•»:]|-{1,2}|::)\s*$/, '').trim();
  }
  return title;
}

/** Reads title, outlet, date, canonical URL and language from the page's head and structured data. */
export function extractMetadata(doc: DomDocument, pageUrl: string | null | undefined): PageMetadata {
  const nodes = readJsonLd(doc);
  const article: JsonObject | null = findArticleNode(nodes);
  const website = nodes.find(
    (n) =>
      n['@type'] === 'WebSite' || n['@type'] === 'Organization' || n['@type'] === 'NewsMediaOrganization',
  );

  const outlet =
    meta(doc, 'og:site_name') ??
    asName(article?.publisher) ??
    meta(doc, 'application-name') ??
    asName(website) ??
    null;

  const rawTitle =
    meta(doc, 'og:title', 'twitter:title') ??
    asString(article?.headline) ??
    (collapseSpace(doc.querySelector('title')?.textContent ?? '') || null) ??
    (collapseSpace(doc.querySelector('h1')?.textContent ?? '') || null);
  const title = rawTitle ? collapseSpace(stripTitleSuffix(collapseSpace(rawTitle), outlet)) || null : null;

  const timeEl = doc.querySelector('article time[datetime], time[datetime]');
  const published =
    normalizeDate(asString(article?.datePublished)) ??
    normalizeDate(
      meta(
        doc,
        'article:published_time',
        'og:published_time',
        'datePublished',
        'pubdate',
        'publishdate',
        'date',
        'dc.date',
        'dc.date.issued',
        'sailthru.date',
        'parsely-pub-date',
      ),
    ) ??
    normalizeDate(
      doc.querySelector('[itemprop="datePublished" i]')?.getAttribute('datetime') ??
        doc.querySelector('[itemprop="datePublished" i]')?.getAttribute('content'),
    ) ??
    normalizeDate(timeEl?.getAttribute('datetime')) ??
    null;

  const base = pageUrl ?? null;
  const url =
    resolveUrl(doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ?? null, base) ??
    resolveUrl(meta(doc, 'og:url'), base) ??
    resolveUrl(asUrl(article?.url) ?? asUrl(article?.mainEntityOfPage), base) ??
    resolveUrl(base, null);

  const langAttr =
    doc.documentElement?.getAttribute('lang') ?? meta(doc, 'og:locale', 'content-language', 'language');
  const lang = langAttr ? langAttr.trim().replace('_', '-') || null : null;

  const body = asString(article?.articleBody);
  return { title, outlet: outlet ? collapseSpace(outlet) : null, published, url, lang, jsonLdBody: body };
}
