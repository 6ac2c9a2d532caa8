import { collapseSpace, type DomDocument, type DomElement, isElement, TEXT_NODE } from './dom.ts';

const MIN_RUN_CHARS = 40;

/**
 * The element whose own children carry the most running text: paragraphs, and text between <br>s.
 * A last resort when Readability finds no article; link text does not count.
 */
export function findDensestBlock(doc: DomDocument): DomElement | null {
  let best: DomElement | null = null;
  let bestScore = 0;
  const all = doc.body?.querySelectorAll('*');
  if (!all) return null;
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    if (el.localName === 'a' || el.localName === 'li') continue;
    let score = 0;
    const kids = el.childNodes;
    for (let k = 0; k < kids.length; k++) {
      const kid = kids[k]!;
      let text = '';
      if (kid.nodeType === TEXT_NODE) text = kid.textContent ?? '';
      else if (isElement(kid) && kid.localName === 'p' && kid.querySelectorAll('a').length === 0)
        text = kid.textContent ?? '';
      const len = collapseSpace(text).length;
      if (len >= MIN_RUN_CHARS) score += len;
    }
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}
