import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/ingest/html/dom.ts';
import { findDensestBlock } from '../../../src/ingest/html/find-densest-block.ts';

const sentence =
  'The regional water board said on Thursday that reservoir levels had fallen to a ten-year low.';

describe('findDensestBlock', () => {
  it('picks the element whose own paragraphs and <br> runs hold the most text', () => {
    const doc = parseDocument(
      `<body>
        <div id="teasers"><p><a href="/1">${sentence}</a></p><p><a href="/2">${sentence}</a></p><p><a href="/3">${sentence}</a></p></div>
        <div id="short"><p>${sentence}</p></div>
        <td id="story">${sentence}<br><br>${sentence}<br><br>${sentence}</td>
      </body>`,
    );
    expect(findDensestBlock(doc)?.getAttribute('id')).toBe('story');
  });

  it('returns null when nothing runs long enough to be prose', () => {
    expect(findDensestBlock(parseDocument('<body><div><p>Home</p><p>Sport</p></div></body>'))).toBeNull();
  });
});
