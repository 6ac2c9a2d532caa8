import { collapseSpace, type DomElement, findDescendants } from './dom.ts';

/** A block with this much text outside its links is prose with links in it, not a list of links. */
const MAX_UNLINKED_CHARS = 120;
const TEXT_BLOCKS = new Set([
  'p',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'dd',
  'dt',
  'td',
  'blockquote',
  'div',
]);
const ORDERED_BLOCKS = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'li',
  'blockquote',
  'pre',
  'td',
  'dd',
]);
/** Readability creates its elements with upper-case names ("DIV", "P"); selectors matched them regardless. */
const tagOf = (el: DomElement) => el.localName.toLowerCase();
const byTag = (tags: Set<string>) => (el: DomElement) => tags.has(tagOf(el));

const hasText = (el: DomElement) => /\S/.test(el.textContent ?? '');

function linkTextLength(el: DomElement): number {
  let n = 0;
  const links = findDescendants(el, (d) => tagOf(d) === 'a');
  for (let i = 0; i < links.length; i++) n += collapseSpace(links[i]!.textContent ?? '').length;
  return n;
}

function hasBlockChild(el: DomElement): boolean {
  const kids = el.children;
  for (let i = 0; i < kids.length; i++) {
    if (/^(p|div|ul|ol|li|h[1-6]|table|blockquote|section|article)$/.test(kids[i]!.localName)) return true;
  }
  return false;
}

/**
 * Cleans the article element Readability picked: drops leaf blocks that are mostly link text (related
 * headlines, "read more" teasers, tag lists), then lists left empty and headings left with nothing under them.
 */
export function cleanContent(root: DomElement): void {
  for (const el of findDescendants(root, byTag(TEXT_BLOCKS))) {
    if (!el.parentNode || hasBlockChild(el)) continue;
    const text = collapseSpace(el.textContent ?? '');
    if (!text) continue;
    const linkText = linkTextLength(el);
    const limit = el.localName === 'li' ? 0.5 : 0.6;
    if (linkText / text.length > limit && text.length - linkText < MAX_UNLINKED_CHARS) el.remove();
  }
  dropImageCaptions(root);
  for (const list of findDescendants(root, (el) => tagOf(el) === 'ul' || tagOf(el) === 'ol')) {
    if (!hasText(list)) list.remove();
  }
  dropOrphanHeadings(root);
}

function isHeading(el: DomElement): boolean {
  return /^h[1-6]$/.test(el.localName);
}

/** A heading followed by another heading of the same or higher rank, or by nothing, introduces nothing. */
function dropOrphanHeadings(root: DomElement): void {
  const blocks = findDescendants(root, byTag(ORDERED_BLOCKS)).filter((el) => isHeading(el) || hasText(el));
  for (let i = blocks.length - 1; i >= 0; i--) {
    const el = blocks[i]!;
    if (!isHeading(el)) continue;
    const next = blocks[i + 1];
    if (!next || (isHeading(next) && next.localName <= el.localName)) {
      el.remove();
      blocks.splice(i, 1);
    }
  }
}

const CAPTION_MAX_CHARS = 250;

function isPictureOnly(el: DomElement): boolean {
  if (el.localName === 'img' || el.localName === 'picture') return true;
  return el.querySelector('img, picture') !== null && !hasText(el);
}

function isContentImage(img: DomElement): boolean {
  if (/\bemoji\b|\bwp-smiley\b/.test(img.getAttribute('class') ?? '')) return false;
  const w = Number(img.getAttribute('width'));
  return !(w > 0 && w <= 40);
}

/** Captions outside <figure>: a short non-paragraph block right after a picture describes the picture. */
function dropImageCaptions(root: DomElement): void {
  for (const img of findDescendants(root, (el) => tagOf(el) === 'img')) {
    if (!img.parentNode || !isContentImage(img)) continue;
    let holder: DomElement = img;
    while (holder.parentElement && holder.parentElement !== root && isPictureOnly(holder.parentElement))
      holder = holder.parentElement;
    const next = nextElement(holder);
    if (next && !isPictureOnly(next)) {
      const text = collapseSpace(next.textContent ?? '');
      if (
        text &&
        text.length < CAPTION_MAX_CHARS &&
        !/^(h[1-6]|p)$/.test(next.localName) &&
        !hasBlockChild(next)
      )
        next.remove();
    }
  }
}

function nextElement(el: DomElement): DomElement | null {
  const parent = el.parentElement;
  if (!parent) return null;
  const kids = parent.children;
  for (let i = 0; i < kids.length - 1; i++) if (kids[i] === el) return kids[i + 1]!;
  return null;
}
