import { collapseSpace, type DomDocument, type DomElement } from './dom.ts';
import { isBoilerplateLine } from './filter-paragraphs.ts';

/** Elements that are never article text. */
const DROP_SELECTORS = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'video',
  'audio',
  'button',
  'select',
  'input',
  'textarea',
  'dialog',
  'nav',
  'aside',
  'figcaption',
  'figure',
  'picture',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="complementary"]',
  '[role="contentinfo"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[role="search"]',
  '[role="menu"]',
  '[itemprop="author"]',
  '[itemprop="publisher"]',
  '[rel="author"]',
].join(',');

/** Embedded social posts: not the article's text, but the accounts they quote are sources it cites. */
const EMBED_SELECTORS = [
  'blockquote.twitter-tweet',
  'blockquote.twitter-video',
  'blockquote.instagram-media',
  'blockquote.tiktok-embed',
  'blockquote.reddit-card',
  '.fb-post',
  '.fb-video',
].join(',');
const MAX_EMBED_CREDIT_CHARS = 200;

/** Removed only when they do not hold most of the page's text (some sites wrap the article in them). */
const GUARDED_SELECTORS = ['header', 'footer', 'form', '[hidden]', '[aria-hidden="true"]'].join(',');

/**
 * Words in class names and ids that mark boilerplate on news sites: sharing, promos, related links,
 * comments, captions, bylines and dates, ads, navigation.
 */
const BOILERPLATE_WORDS = new Set(
  (
    'share sharing sharebar social socials newsletter newsletters subscribe subscription subscriptions signup ' +
    'promo promos promotion related recommended recommendations recommend comment comments disqus donate donation ' +
    'donations paywall advert adverts advertisement advertising ad ads adslot adunit sponsor sponsored outbrain ' +
    'taboola breadcrumb breadcrumbs byline bylines author authors dateline timestamp tags tag-list toolbar ' +
    'readmore trending popular mostread caption captions credit credits copyright disclaimer cookie cookies gdpr ' +
    'consent modal popup overlay sidebar membership rail masthead menu nav navbar navigation pagination pager ' +
    'skip sr-only visually-hidden visuallyhidden screen-reader-text bio biography embed embedded twitter-tweet ' +
    'instagram-media gallery slideshow carousel lightbox print email follow newsletter-signup teaser teasers ' +
    'more-stories morestories also-read see-also further-reading next-article prev-article meta metadata ' +
    'dateline publish-date pubdate published updated date-time article-date post-date post-meta entry-meta ' +
    'article-meta story-meta headline-list rating ratings jump-link inline-related inline-promo topics keywords'
  ).split(' '),
);

/** Generic words that mark boilerplate only as a whole class name, not as a part of a compound one. */
const WHOLE_NAME_ONLY = new Set([
  'meta',
  'email',
  'print',
  'follow',
  'bio',
  'skip',
  'date',
  'updated',
  'published',
]);

function looksLikeBoilerplate(el: DomElement): boolean {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  for (const name of raw.split(/\s+/)) {
    if (!name) continue;
    const lower = name.toLowerCase();
    if (BOILERPLATE_WORDS.has(lower)) return true;
    const parts = name.split(/[-_]+|(?<=[a-z])(?=[A-Z])/);
    if (parts.length < 2) continue;
    for (const part of parts) {
      const word = part.toLowerCase();
      if (BOILERPLATE_WORDS.has(word) && !WHOLE_NAME_ONLY.has(word)) return true;
    }
  }
  return false;
}

function paragraphTextLength(el: DomElement | DomDocument): number {
  let n = 0;
  const ps = el.querySelectorAll('p');
  for (let i = 0; i < ps.length; i++) n += (ps[i]!.textContent ?? '').length;
  return n;
}

const PROTECTED_TAGS = new Set(['html', 'head', 'body', 'main', 'article']);

function isHiddenByStyle(el: DomElement): boolean {
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/**
 * Removes boilerplate from a parsed page before the article is picked: widgets, promos, captions,
 * embeds, navigation. An element that holds a large share of the page's paragraph text is kept,
 * whatever its name says, since some sites put the article inside a "share" or "header" wrapper.
 */
export function cleanDocument(doc: DomDocument): { bylines: string[] } {
  const bylines = collectBylines(doc);
  for (const embed of Array.from(doc.querySelectorAll(EMBED_SELECTORS))) {
    const attribution = readEmbedAttribution(embed);
    if (attribution && !bylines.includes(attribution)) bylines.push(attribution);
    embed.remove();
  }
  for (const el of Array.from(doc.querySelectorAll(DROP_SELECTORS))) {
    if (!PROTECTED_TAGS.has(el.localName)) el.remove();
  }
  const total = paragraphTextLength(doc);
  const guardLimit = Math.max(100, total * 0.35);
  const bodyText = (doc.body?.textContent ?? '').length;
  const holdsArticle = (el: DomElement) =>
    paragraphTextLength(el) > guardLimit || (el.textContent ?? '').length > Math.max(250, bodyText * 0.4);

  for (const el of Array.from(doc.querySelectorAll(GUARDED_SELECTORS))) {
    if (el.parentNode && !holdsArticle(el)) el.remove();
  }
  const candidates = Array.from(doc.querySelectorAll('[class],[id],[style]'));
  for (const el of candidates) {
    if (!el.parentNode || PROTECTED_TAGS.has(el.localName)) continue;
    if ((looksLikeBoilerplate(el) || isHiddenByStyle(el)) && !holdsArticle(el)) el.remove();
  }
  return { bylines };
}

const BYLINE_SELECTORS = [
  '[itemprop~="author" i]',
  '[rel="author"]',
  '[class*="byline" i]',
  '[class*="dateline" i]',
  '[class*="author" i]',
  '[class*="source" i]',
].join(',');
const MAX_BYLINE_CHARS = 200;

/** Texts of byline, author and source boxes, which the cleanup removes but which name who reported. */
function collectBylines(doc: DomDocument): string[] {
  const out: string[] = [];
  for (const el of Array.from(doc.querySelectorAll(BYLINE_SELECTORS))) {
    const text = collapseSpace(el.textContent ?? '');
    if (
      !text ||
      text.length > MAX_BYLINE_CHARS ||
      isBoilerplateLine(text) ||
      out.some((t) => t.includes(text))
    )
      continue;
    out.push(text);
    if (out.length >= 10) break;
  }
  return out;
}

/** "— Jane Doe (@jane) May 27, 2025": an embed's text outside its quoted paragraphs, else its start. */
function readEmbedAttribution(embed: DomElement): string {
  const full = collapseSpace(embed.textContent ?? '');
  const quoted = Array.from(embed.querySelectorAll('p')).map((p) => collapseSpace(p.textContent ?? ''));
  const rest = collapseSpace(quoted.reduce((t, q) => (q ? t.replace(q, '') : t), full));
  return (rest || full).slice(0, MAX_EMBED_CREDIT_CHARS);
}
