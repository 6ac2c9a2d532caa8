import { describe, expect, it } from 'vitest';
import { wordCount } from '../../../src/ingest/text/word-count.ts';

const splitCount = (line: string) => line.split(/\s+/).filter(Boolean).length;

describe('wordCount', () => {
  it('counts runs of non-space characters', () => {
    expect(wordCount('')).toBe(0);
    expect(wordCount('   ')).toBe(0);
    expect(wordCount(' Port strike ends\tafter  talks ')).toBe(5);
  });

  it('splits where \\s does, every Unicode space included, and nowhere else', () => {
    const chars = ['a', 'é', '😀', '-', '\u200b', '\u180e', '\u0085'];
    for (let c = 0; c <= 0xffff; c++)
      if (/\s/.test(String.fromCharCode(c))) chars.push(String.fromCharCode(c));
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let n = 0; n < 2000; n++) {
      let line = '';
      for (let k = next() % 12; k > 0; k--) line += chars[next() % chars.length];
      expect(wordCount(line), JSON.stringify(line)).toBe(splitCount(line));
    }
  });
});
