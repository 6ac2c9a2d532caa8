import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeArticleId, hashContent } from '../../src/store/index.ts';
import { encodeRaw } from '../../src/store/quarantine-store.ts';

const base = { source: 'inbox/x.txt', externalId: 'x', feedId: null, guid: null, url: null };

describe('hashContent', () => {
  it('ignores case and the amount and kind of whitespace, and nothing else', () => {
    const words = fc.array(fc.stringMatching(/^[a-zA-Z0-9.,'-]{1,8}$/), { minLength: 1, maxLength: 12 });
    const gap = fc.stringMatching(/^[ \t\n\r]{1,4}$/);
    fc.assert(
      fc.property(words, gap, gap, (ws, g1, g2) => {
        const a = ws.join(' ');
        const b = g1 + ws.map((w) => w.toUpperCase()).join(g2) + g1;
        expect(hashContent(b)).toBe(hashContent(a));
        expect(hashContent(`${a} extra`)).not.toBe(hashContent(a));
      }),
      { numRuns: 200 },
    );
  });
});

describe('computeArticleId', () => {
  it('depends on the URL when there is one, else on feed + guid, else on source + own id', () => {
    const byUrl = computeArticleId({ ...base, url: 'https://e.example/1', guid: 'g', feedId: 'f' });
    expect(byUrl).toBe(computeArticleId({ ...base, url: 'https://e.example/1', externalId: 'other' }));
    expect(byUrl).toMatch(/^a[0-9a-f]{16}$/);
    const byGuid = computeArticleId({ ...base, feedId: 'f', guid: 'g' });
    expect(byGuid).toBe(
      computeArticleId({ ...base, feedId: 'f', guid: 'g', externalId: 'other', source: 's' }),
    );
    expect(byGuid).not.toBe(computeArticleId({ ...base, feedId: 'f2', guid: 'g' }));
    expect(computeArticleId(base)).not.toBe(computeArticleId({ ...base, externalId: 'y' }));
    expect(computeArticleId(base)).not.toBe(computeArticleId({ ...base, source: 'inbox/y.txt' }));
  });
});

describe('encodeRaw', () => {
  it('gives back any bytes exactly, as base64', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const out = encodeRaw(bytes);
        expect(out.raw_encoding).toBe('base64');
        expect(new Uint8Array(Buffer.from(out.raw, 'base64'))).toEqual(bytes);
        expect(out.raw_bytes).toBe(bytes.length);
      }),
      { numRuns: 200 },
    );
  });

  it('gives back any well-formed text exactly, as text unless it holds NUL', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (text) => {
        const out = encodeRaw(text);
        const back = out.raw_encoding === 'utf8' ? out.raw : Buffer.from(out.raw, 'base64').toString('utf8');
        expect(back).toBe(text);
        expect(out.raw_encoding).toBe(text.includes('\u0000') ? 'base64' : 'utf8');
      }),
      { numRuns: 200 },
    );
  });

  it('cuts at the cap on a character boundary', () => {
    const out = encodeRaw('aé✓'.repeat(10), 8);
    expect(out).toEqual({ raw: 'aé✓a', raw_encoding: 'utf8', raw_bytes: 60, truncated: 1 });
  });
});
