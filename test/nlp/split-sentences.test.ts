import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/nlp/split-sentences.ts';

describe('splitSentences', () => {
  it('splits on sentence ends and line breaks', () => {
    expect(splitSentences('Talks began. They ended late!\nA new line? Yes.')).toEqual([
      'Talks began.',
      'They ended late!',
      'A new line?',
      'Yes.',
    ]);
  });

  it('keeps abbreviations, titles, initials and months inside a sentence', () => {
    const text = 'Gen. Omar Tahir met Mr. Ruiz on Jan. 5 in the U.S. capital. George W. Bush was not there.';
    expect(splitSentences(text)).toEqual([
      'Gen. Omar Tahir met Mr. Ruiz on Jan. 5 in the U.S. capital.',
      'George W. Bush was not there.',
    ]);
  });

  it('ends a sentence after a dotted acronym when a new sentence clearly starts', () => {
    expect(splitSentences('The envoy flew to the U.S. The talks resume on Monday.')).toEqual([
      'The envoy flew to the U.S.',
      'The talks resume on Monday.',
    ]);
  });

  it('keeps closing quotes with their sentence', () => {
    expect(splitSentences('He said: "We are ready." Then he left.')).toEqual([
      'He said: "We are ready."',
      'Then he left.',
    ]);
  });

  it('does not split before a lower-case word', () => {
    expect(splitSentences('Prices rose 2.5 per cent. in March, analysts said.')).toEqual([
      'Prices rose 2.5 per cent. in March, analysts said.',
    ]);
  });

  it('loses no characters and returns trimmed, non-empty sentences', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const out = splitSentences(text);
        expect(out.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
        for (const s of out) expect(s.length > 0 && s === s.trim()).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
