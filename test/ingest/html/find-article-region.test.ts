import { describe, expect, it } from 'vitest';
import { findArticleRegion } from '../../../src/ingest/html/find-article-region.ts';
import { parseLightTree } from '../../../src/ingest/html/light-tree.ts';

const para = (n: number) =>
  `<p>${'A sentence that carries the story forward, with detail. '.repeat(3)}${n}</p>`;
const paras = (count: number) => Array.from({ length: count }, (_, i) => para(i)).join('');

describe('findArticleRegion', () => {
  it('returns the element holding nearly all paragraph text, with context levels above it', () => {
    const doc = parseLightTree(
      '<html><body><div id="page"><div id="outer"><div id="main"><div id="wrap"><div id="story">' +
        `${paras(20)}</div></div><div id="rail">side</div></div></div><div id="foot">${para(99)}</div></div></body></html>`,
    );
    // #story holds the paragraphs; three levels above it is #outer, not the whole #page.
    expect(findArticleRegion(doc.body!)?.attrs.id).toBe('outer');
  });

  it('returns null when the text is spread over the page', () => {
    const doc = parseLightTree(
      `<html><body><div><div><section>${paras(4)}</section></div></div><div><div><section>${paras(4)}</section></div></div></body></html>`,
    );
    expect(findArticleRegion(doc.body!)).toBeNull();
  });

  it('returns null for a page with too little paragraph text to judge', () => {
    const doc = parseLightTree(
      '<html><body><div><div><div><div><p>Short.</p></div></div></div></div></body></html>',
    );
    expect(findArticleRegion(doc.body!)).toBeNull();
  });
});
