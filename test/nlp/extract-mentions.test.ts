import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractMentions } from '../../src/nlp/extract-mentions.ts';
import type { Mention } from '../../src/types.ts';
import { secondArticle, shortArticle, spanishArticle, weatherArticle, wireArticle } from './fixtures.ts';

const find = (ms: Mention[], name: string, kind?: Mention['kind']) =>
  ms.find((m) => m.name === name && (!kind || m.kind === kind));
const names = (ms: Mention[], kind: Mention['kind']) => ms.filter((m) => m.kind === kind).map((m) => m.name);

describe('extractMentions', () => {
  const wire = extractMentions(wireArticle);
  const second = extractMentions(secondArticle);

  it('keeps name particles (al-, bin, van der, de la) in full names', () => {
    const people = names(wire, 'person');
    expect(people).toEqual(
      expect.arrayContaining([
        'Karim al-Haddad',
        'Youssef bin Tahar',
        'Pieter van der Berg',
        'María de la Fuente',
      ]),
    );
  });

  it('joins surname-only mentions to the full name and counts every form', () => {
    expect(find(wire, 'Karim al-Haddad')?.count).toBe(2);
    expect(find(wire, 'María de la Fuente')?.count).toBe(2);
    expect(names(wire, 'person')).not.toContain('Haddad');
    expect(find(second, 'Ahmed al-Nouri')?.count).toBe(2);
    expect(names(second, 'person')).not.toContain('Nouri');
  });

  it('joins spelling variants of a full name within an article', () => {
    const text = 'Ahmad al-Nouri spoke first. Later, Ahmed al-Nouri said the talks would go on.';
    const people = extractMentions({ title: null, text, outlet: null, cites: [] }).filter(
      (m) => m.kind === 'person',
    );
    expect(people).toHaveLength(1);
    expect(people[0]?.count).toBe(2);
  });

  it('keeps first names that are also common words, with a then- role', () => {
    const text = 'In 1998, then-US president Bill Norton hosted the talks in Geneva.';
    const ms = extractMentions({ title: null, text, outlet: null, cites: [] });
    expect(find(ms, 'Bill Norton', 'person')?.role).toBe('then-US president');
  });

  it('keeps initials and abbreviated titles inside a name', () => {
    const text = 'Former president George W. Norton met Gov. Lina Ortiz in Chicago on Monday.';
    const people = names(extractMentions({ title: null, text, outlet: null, cites: [] }), 'person');
    expect(people).toEqual(expect.arrayContaining(['George W. Norton', 'Lina Ortiz']));
    expect(find(extractMentions({ title: null, text, outlet: null, cites: [] }), 'Lina Ortiz')?.role).toBe(
      'Governor',
    );
  });

  it('reads no names into headline-style capitals, and knows listed places with organisation words', () => {
    const ms = extractMentions({
      title: 'Pentagon Used New Drones In Desert Raid',
      text: 'Settlers clashed with farmers in the West Bank on Friday, officials said.',
      outlet: null,
      cites: [],
    });
    expect(names(ms, 'person')).toEqual([]);
    expect(find(ms, 'West Bank', 'place')?.country).toBe('Palestine');
    expect(names(ms, 'org')).not.toContain('West Bank');
  });

  it('finds roles in titles, cue words and appositives', () => {
    expect(find(wire, 'Youssef bin Tahar')?.role).toBe('Moroccan Foreign Minister');
    expect(find(wire, 'Karim al-Haddad')?.role).toBe('senior Algerian security official');
    expect(find(wire, 'Pieter van der Berg')?.role).toBe('UN envoy');
    expect(find(wire, 'Ahmad al-Nouri')?.role).toBe("Algeria's interim president");
    expect(find(second, 'Karim al-Haddad')?.role).toBe('governor of Tlemcen province');
    expect(find(second, 'Samir Belkacem')?.role).toBe('then-minister');
  });

  it('emits a country as a party when it acts and as a place when it locates', () => {
    expect(find(wire, 'Morocco', 'org')).toBeDefined();
    expect(find(wire, 'Algeria', 'org')).toBeDefined();
    expect(find(second, 'Switzerland', 'place')).toBeDefined();
    expect(find(second, 'Switzerland', 'org')).toBeUndefined();
    expect(find(weatherArticle.text ? extractMentions(weatherArticle) : [], 'Kenya', 'place')?.country).toBe(
      'Kenya',
    );
  });

  it('names the shared border of the two parties, in a stable order', () => {
    expect(find(wire, 'Algeria-Morocco border', 'place')).toBeDefined();
  });

  it('gives places their country', () => {
    expect(find(wire, 'Geneva', 'place')?.country).toBe('Switzerland');
    expect(find(wire, 'Oujda', 'place')?.country).toBe('Morocco');
    expect(find(second, 'Tlemcen', 'place')?.country).toBe('Algeria');
  });

  it('keeps outlets as organisations and skips names seen only in "declined to comment"', () => {
    expect(find(wire, 'Reuters', 'org')).toBeDefined();
    expect(wire.some((m) => /ministry/i.test(m.name))).toBe(false);
  });

  it('treats the outlet and the sources an article cites as organisations', () => {
    const text =
      'The talks in Geneva were first reported by Lakeside Courier, which cited Harbour Wire and Omar Faris.';
    const ms = extractMentions({
      title: null,
      text,
      outlet: 'Lakeside Courier',
      cites: ['Harbour Wire', 'Omar Faris'],
    });
    expect(find(ms, 'Lakeside Courier', 'org')).toBeDefined();
    expect(find(ms, 'Harbour Wire', 'org')).toBeDefined();
    expect(names(ms, 'person')).toEqual(['Omar Faris']);
  });

  it('orders mentions by first appearance, title first', () => {
    const first = wire[0];
    expect(['Morocco', 'Algeria']).toContain(first?.name);
  });

  it('returns no people for an article without any', () => {
    const ms = extractMentions(weatherArticle);
    expect(names(ms, 'person')).toEqual([]);
    expect(names(ms, 'place')).toEqual(expect.arrayContaining(['Kenya', 'Kisumu']));
  });

  it('handles non-English and very short articles without names from sentence starts', () => {
    expect(names(extractMentions(spanishArticle), 'person')).toEqual([]);
    expect(extractMentions(shortArticle)).toEqual([]);
    expect(extractMentions({ title: null, text: '', outlet: null, cites: [] })).toEqual([]);
  });

  it('never throws and returns well-formed mentions for arbitrary text', () => {
    const word = fc.oneof(
      fc.constantFrom(
        'al-',
        'bin',
        'van',
        'de',
        'la',
        'Syria',
        "Israel's",
        'the',
        'border',
        'said',
        'President',
        ',',
      ),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
    );
    const text = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.array(word, { maxLength: 60 }).map((ws) => ws.join(' ')),
    );
    fc.assert(
      fc.property(text, fc.option(fc.string({ maxLength: 40 })), (body, title) => {
        const ms = extractMentions({ title, text: body, outlet: null, cites: [] });
        for (const m of ms) {
          expect(m.name.trim().length).toBeGreaterThan(0);
          expect(['person', 'org', 'place']).toContain(m.kind);
          expect(m.count).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('extractMentions on malformed input', () => {
  it('treats a missing or non-text body and title as empty', () => {
    const bad = { title: 42, text: null, outlet: null, cites: [] } as unknown as Parameters<
      typeof extractMentions
    >[0];
    expect(extractMentions(bad)).toEqual([]);
  });
});
