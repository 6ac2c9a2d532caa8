import { collapseSpace } from './dom.ts';
import { isBoilerplateLine } from './filter-paragraphs.ts';
import {
  findAll,
  type LightDocument,
  type LightElement,
  removeElement,
  textOf,
  walkElements,
} from './light-tree.ts';

/** Elements that are never article text. */
const DROP_TAGS = new Set([
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
]);
const DROP_ROLES = new Set([
  'navigation',
  'banner',
  'complementary',
  'contentinfo',
  'dialog',
  'alertdialog',
  'search',
  'menu',
]);

function isNeverText(el: LightElement): boolean {
  const a = el.attrs;
  return (
    DROP_TAGS.has(el.name) ||
    (a.role !== undefined && DROP_ROLES.has(a.role)) ||
    a.itemprop === 'author' ||
    a.itemprop === 'publisher' ||
    a.rel?.toLowerCase() === 'author'
  );
}

/** Embedded social posts: not the article's text, but the accounts they quote are sources it cites. */
const EMBED_BLOCKQUOTE_CLASSES = [
  'twitter-tweet',
  'twitter-video',
  'instagram-media',
  'tiktok-embed',
  'reddit-card',
];
const EMBED_CLASSES = ['fb-post', 'fb-video'];
const MAX_EMBED_CREDIT_CHARS = 200;

function isEmbed(el: LightElement): boolean {
  if (el.attrs.class === undefined) return false;
  const classes = el.attrs.class.split(/\s+/);
  return (
    EMBED_CLASSES.some((c) => classes.includes(c)) ||
    (el.name === 'blockquote' && EMBED_BLOCKQUOTE_CLASSES.some((c) => classes.includes(c)))
  );
}

/** Removed only when they do not hold most of the page's text (some sites wrap the article in them). */
function isGuarded(el: LightElement): boolean {
  return (
    el.name === 'header' ||
    el.name === 'footer' ||
    el.name === 'form' ||
    el.attrs.hidden !== undefined ||
    el.attrs['aria-hidden'] === 'true'
  );
}

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

function looksLikeBoilerplate(el: LightElement): boolean {
  const raw = `${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`;
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

type TextSizes = Map<LightElement, { text: number; paragraphs: number }>;

/**
 * For every element under `root` (and `root`): its text length, and the text length of the <p>s inside
 * it. One pass from the leaves up instead of a subtree walk per element asked about.
 */
function measureText(root: LightElement): TextSizes {
  const order: LightElement[] = [root];
  walkElements(root, (el) => {
    order.push(el);
    return true;
  });
  const sizes: TextSizes = new Map();
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i]!;
    let text = 0;
    let paragraphs = 0;
    for (const kid of el.children) {
      if (kid.type === 3) {
        text += kid.text.length;
        continue;
      }
      const k = sizes.get(kid)!;
      text += k.text;
      paragraphs += k.paragraphs + (kid.name === 'p' ? k.text : 0);
    }
    sizes.set(el, { text, paragraphs });
  }
  return sizes;
}

const PROTECTED_TAGS = new Set(['html', 'head', 'body', 'main', 'article']);

function isHiddenByStyle(el: LightElement): boolean {
  const style = el.attrs.style;
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/**
 * Removes boilerplate from a parsed page before the article is picked: widgets, promos, captions,
 * embeds, navigation. An element that holds a large share of the page's paragraph text is kept,
 * whatever its name says, since some sites put the article inside a "share" or "header" wrapper.
 */
export function cleanDocument(doc: LightDocument): { bylines: string[] } {
  const root = doc.root;
  const bylines = collectBylines(root);
  for (const embed of findAll(root, isEmbed)) {
    const attribution = readEmbedAttribution(embed);
    if (attribution && !bylines.includes(attribution)) bylines.push(attribution);
    removeElement(embed);
  }
  walkElements(root, (el) => {
    if (PROTECTED_TAGS.has(el.name) || !isNeverText(el)) return true;
    removeElement(el);
    return false;
  });
  // Removing an element changes only the sizes of its ancestors, which a walk in document order has
  // already passed; so sizes taken before a walk hold for every element it asks about.
  let sizes = measureText(root);
  const total = sizes.get(root)!.paragraphs;
  const guardLimit = Math.max(100, total * 0.35);
  const bodyText = doc.body ? (sizes.get(doc.body)?.text ?? 0) : 0;
  const holdsArticle = (el: LightElement) => {
    const size = sizes.get(el)!;
    return size.paragraphs > guardLimit || size.text > Math.max(250, bodyText * 0.4);
  };

  walkElements(root, (el) => {
    if (!isGuarded(el) || holdsArticle(el)) return true;
    removeElement(el);
    return false;
  });
  sizes = measureText(root);
  walkElements(root, (el) => {
    const a = el.attrs;
    if (PROTECTED_TAGS.has(el.name) || (a.class === undefined && a.id === undefined && a.style === undefined))
      return true;
    if (!(looksLikeBoilerplate(el) || isHiddenByStyle(el)) || holdsArticle(el)) return true;
    removeElement(el);
    return false;
  });
  return { bylines };
}

const BYLINE_CLASS_PARTS = /byline|dateline|author|source/i;

function isBylineBox(el: LightElement): boolean {
  const a = el.attrs;
  return (
    (a.class !== undefined && BYLINE_CLASS_PARTS.test(a.class)) ||
    a.itemprop?.toLowerCase().split(/\s+/).includes('author') ||
    a.rel?.toLowerCase() === 'author'
  );
}
const MAX_BYLINE_CHARS = 200;

/** Texts of byline, author and source boxes, which the cleanup removes but which name who reported. */
function collectBylines(root: LightElement): string[] {
  const out: string[] = [];
  for (const el of findAll(root, isBylineBox)) {
    const text = collapseSpace(textOf(el));
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
function readEmbedAttribution(embed: LightElement): string {
  const full = collapseSpace(textOf(embed));
  const quoted = findAll(embed, (el) => el.name === 'p').map((p) => collapseSpace(textOf(p)));
  const rest = collapseSpace(quoted.reduce((t, q) => (q ? t.replace(q, '') : t), full));
  return (rest || full).slice(0, MAX_EMBED_CREDIT_CHARS);
}
