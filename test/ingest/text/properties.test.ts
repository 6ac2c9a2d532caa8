import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScrapedText } from '../../../src/ingest/text/index.ts';
import { PAGES } from './pages.ts';

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
const sampleLines = PAGES.flatMap((p) => [...p.body, ...p.furniture]);

/** Pages made of real-looking lines (ours), random strings and blank lines, in any order. */
const pageLike = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...sampleLines) },
      { weight: 2, arbitrary: fc.string({ maxLength: 80 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
      { weight: 1, arbitrary: fc.constant('') },
    ),
    { maxLength: 30 },
  )
  .map((lines) => lines.join('\n'));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), pageLike);

const parse = (raw: string) => parseScrapedText(raw, { source: 'property' });

describe('parseScrapedText properties', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        parse(raw);
      }),
      { numRuns: 300 },
    );
  });

  it('never adds text that was not in the input', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const input = raw.replace(INVISIBLE, '');
        const { text, title } = parse(raw);
        for (const word of text.split(/\s+/).filter(Boolean)) expect(input).toContain(word);
        if (title) for (const word of title.split(/\s+/)) expect(input).toContain(word);
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent on its own body', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const once = parse(raw).text;
        expect(parse(once).text).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});
