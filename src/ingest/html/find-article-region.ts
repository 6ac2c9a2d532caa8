import { findAll, type LightElement, textLength } from './light-tree.ts';

/** Share of the page's paragraph text an element must hold to count as the article's container. */
const CONTAINER_SHARE = 0.9;
/** Below this much paragraph text, the page is too thin to tell where its article sits. */
const MIN_PARAGRAPH_CHARS = 400;
/** Levels above the container handed along, for the headings and siblings next to it. */
const CONTEXT_LEVELS = 3;

/**
 * The part of a cleaned page that holds its article: the deepest element with nearly all of the
 * paragraph text, plus a little context above it. Readability then scores only that part instead of
 * the whole page. Null when the page's text is spread out or too thin to say; then the whole body counts.
 */
export function findArticleRegion(body: LightElement): LightElement | null {
  const held = new Map<LightElement, number>();
  for (const p of findAll(body, (el) => el.name === 'p')) {
    const n = textLength(p);
    for (let el: LightElement | null = p; el; el = el.parent) {
      held.set(el, (held.get(el) ?? 0) + n);
      if (el === body) break;
    }
  }
  const total = held.get(body) ?? 0;
  if (total < MIN_PARAGRAPH_CHARS) return null;
  let container = body;
  for (;;) {
    let next: LightElement | null = null;
    for (const kid of container.children) {
      if (kid.type === 1 && (held.get(kid) ?? 0) >= total * CONTAINER_SHARE) next = kid;
    }
    if (!next || next.name === 'p') break;
    container = next;
  }
  let region = container;
  for (let i = 0; i < CONTEXT_LEVELS && region.parent && region !== body; i++) region = region.parent;
  return region === body ? null : region;
}
