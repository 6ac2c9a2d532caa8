import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  explainFilter,
  FILTER_LIMITS,
  type Filter,
  formatFilter,
  matchesFilter,
  parseFilter,
} from '../../src/commands/filter.ts';
import { makeDigest } from '../fixtures/digest-fixture.ts';

const digest = makeDigest({
  headline: 'Harbour bridge in Port Calder closed after cable fault',
  what: 'Engineers closed the bridge after a cable frayed, said Zoë Ångström of the Søndre office.',
  who: [
    { name: 'Mara Okonjo', kind: 'person', role: 'city transport director', sources: ['Calder Courier'] },
    { name: 'Zoë Ångström', kind: 'person', role: null, sources: ['Westwire'] },
  ],
  where: [{ name: 'Port Calder', country: 'Norway', sources: ['Calder Courier'] }],
});

function parsed(text: string): Filter {
  const result = parseFilter(text);
  if (!result.ok) throw new Error(`expected "${text}" to parse: ${result.error}`);
  return result.filter;
}

const matches = (text: string) => matchesFilter(parsed(text), digest);

describe('parseFilter and matchesFilter', () => {
  it('matches single words anywhere, case-insensitively, as whole words', () => {
    expect(matches('BRIDGE')).toBe(true);
    expect(matches('bridg')).toBe(false);
    expect(matches('ferry')).toBe(false);
  });

  it('joins words with AND by default and honours explicit AND / OR / NOT', () => {
    expect(matches('bridge cable')).toBe(true);
    expect(matches('bridge ferry')).toBe(false);
    expect(matches('bridge AND ferry')).toBe(false);
    expect(matches('ferry OR cable')).toBe(true);
    expect(matches('ferry OR tunnel')).toBe(false);
    expect(matches('bridge NOT cable')).toBe(false);
    expect(matches('bridge NOT ferry')).toBe(true);
    expect(matches('bridge -ferry')).toBe(true);
    expect(matches('-bridge')).toBe(false);
    expect(matches('ferry or cable')).toBe(true);
    expect(matches('bridge not cable')).toBe(false);
  });

  it('takes object-prototype names as plain words and unknown fields', () => {
    expect(matches('constructor')).toBe(false);
    expect(matchesFilter(parsed('toString'), makeDigest({ what: 'A toString call.' }))).toBe(true);
    const field = parseFilter('constructor:x');
    expect(field.ok || field.error).toMatch(/unknown field "constructor:"/);
  });

  it('binds AND tighter than OR, and parentheses override it', () => {
    // ferry OR (cable AND tunnel) → false; (ferry OR cable) AND tunnel → false; (ferry OR cable) AND bridge → true
    expect(matches('ferry OR cable tunnel')).toBe(false);
    expect(matches('ferry OR cable bridge')).toBe(true);
    expect(matches('(ferry OR cable) bridge')).toBe(true);
    expect(matches('(ferry OR cable) tunnel')).toBe(false);
    expect(matches('NOT (ferry OR tunnel)')).toBe(true);
    expect(formatFilter(parsed('a OR b c'))).toBe('a OR (b AND c)');
  });

  it('matches quoted phrases as consecutive words only', () => {
    expect(matches('"cable fault"')).toBe(true);
    expect(matches('"fault cable"')).toBe(false);
    expect(matches('“harbour bridge”')).toBe(true);
  });

  it('looks for who:, where: and outlet: values in their field only', () => {
    expect(matches('who:okonjo')).toBe(true);
    expect(matches('who:"Mara Okonjo"')).toBe(true);
    expect(matches('who:"transport director"')).toBe(true);
    expect(matches('who:bridge')).toBe(false);
    expect(matches('where:"port calder"')).toBe(true);
    expect(matches('where:norway')).toBe(true);
    expect(matches('where:okonjo')).toBe(false);
    expect(matches('outlet:westwire')).toBe(true);
    expect(matches('outlet:courier.example.com')).toBe(true);
    expect(matches('outlet:calder')).toBe(true);
    expect(matches('outlet:engineers')).toBe(false);
    expect(matches('WHO:okonjo')).toBe(true);
  });

  it('ignores accents on both sides', () => {
    expect(matches('who:"zoe angstrom"')).toBe(true);
    expect(matches('sondre')).toBe(true);
    expect(matches('Søndre')).toBe(true);
    expect(matchesFilter(parsed('zoë'), makeDigest({ what: 'Zoe spoke.' }))).toBe(true);
  });

  it('names the bad part of a filter', () => {
    const cases: [string, RegExp][] = [
      ['(bridge', /unclosed "\(" at position 1/],
      ['bridge)', /unexpected "\)" at position 7/],
      ['"cable fault', /unclosed quote/],
      ['color:red', /unknown field "color:"/],
      ['who:', /"who:" needs a value/],
      ['AND bridge', /AND at position 1 needs a word/],
      ['bridge OR', /OR at position 8 needs a word after it/],
      ['bridge NOT', /NOT needs a word after it/],
      ['()', /empty parentheses/],
      ['   ', /filter is empty/],
      ['!!!', /"!!!" has no letters or digits/],
    ];
    for (const [text, error] of cases) {
      const result = parseFilter(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.error, text).toMatch(error);
    }
  });

  it('treats a word with a non-field colon (a time, a ratio) as a plain word', () => {
    expect(matchesFilter(parsed('10:30'), makeDigest({ what: 'The vote opened at 10:30 on Monday.' }))).toBe(
      true,
    );
  });

  it('bounds length, term count and nesting', () => {
    const long = parseFilter('a'.repeat(FILTER_LIMITS.maxChars + 1));
    expect(long.ok || long.error).toMatch(/at most 500/);
    const many = parseFilter(Array.from({ length: FILTER_LIMITS.maxTerms + 1 }, (_, i) => `w${i}`).join(' '));
    expect(many.ok || many.error).toMatch(/terms; at most/);
    const deep = parseFilter(
      `${'('.repeat(FILTER_LIMITS.maxDepth + 1)}a${')'.repeat(FILTER_LIMITS.maxDepth + 1)}`,
    );
    expect(deep.ok || deep.error).toMatch(/nested deeper/);
  });

  it('never throws on arbitrary text, and a parsed filter always evaluates', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        const result = parseFilter(text);
        if (result.ok) {
          expect(typeof matchesFilter(result.filter, digest)).toBe('boolean');
          expect(explainFilter(result.filter, digest)).toMatch(/^(let in|kept out): /);
        } else expect(result.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it('reparses its own canonical form to the same meaning', () => {
    const word = fc.constantFrom(
      'bridge',
      'ferry',
      'cable',
      'who:okonjo',
      'where:norway',
      '"cable fault"',
      'outlet:westwire',
    );
    const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        word,
        fc
          .tuple(tie('e'), fc.constantFrom(' AND ', ' OR ', ' '), tie('e'))
          .map(([a, op, b]) => `(${a}${op}${b})`),
        tie('e').map((e) => `NOT ${e}`),
      ),
    })).e;
    fc.assert(
      fc.property(expr, (text) => {
        const first = parseFilter(text);
        fc.pre(first.ok);
        if (!first.ok) return;
        const again = parsed(formatFilter(first.filter));
        expect(matchesFilter(again, digest)).toBe(matchesFilter(first.filter, digest));
      }),
      { numRuns: 200 },
    );
  });
});

describe('explainFilter', () => {
  it('names the term that let a digest in', () => {
    expect(explainFilter(parsed('ferry OR who:okonjo'), digest)).toBe('let in: who:okonjo matched');
  });

  it('names the term that kept a digest out', () => {
    expect(explainFilter(parsed('bridge AND where:sweden'), digest)).toBe('kept out: no where:sweden');
    expect(explainFilter(parsed('bridge -cable'), digest)).toBe('kept out: NOT cable failed (cable matched)');
  });
});
