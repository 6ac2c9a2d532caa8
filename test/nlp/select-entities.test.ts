import { describe, expect, it } from 'vitest';
import { extractMentions } from '../../src/nlp/extract-mentions.ts';
import { selectWhere, selectWho } from '../../src/nlp/select-entities.ts';
import type { Mention } from '../../src/types.ts';
import { secondArticle, wireArticle } from './fixtures.ts';

const person = (name: string, count = 1, role: string | null = null): Mention => ({
  name,
  kind: 'person',
  role,
  country: null,
  count,
});
const org = (name: string, count = 1): Mention => ({ name, kind: 'org', role: null, country: null, count });
const place = (name: string, country: string | null, count = 1): Mention => ({
  name,
  kind: 'place',
  role: null,
  country,
  count,
});

describe('selectWho / selectWhere', () => {
  const items = [wireArticle, secondArticle].map((a, i) => ({
    sourceName: a.outlet,
    independentGroup: `g${i}`,
    mentions: extractMentions(a),
  }));

  it('merges names across articles (Ahmad/Ahmed) and keeps the main actors', () => {
    const who = selectWho(items);
    const nouri = who.filter((w) => /Nouri/.test(w.name));
    expect(nouri).toHaveLength(1);
    expect(who.map((w) => w.name)).toEqual(
      expect.arrayContaining(['Karim al-Haddad', 'Pieter van der Berg', 'Algeria', 'Morocco']),
    );
    expect(nouri[0]?.sources).toEqual(['Example Wire', 'Daily Example']);
  });

  it('drops outlets and names only one article mentions in passing', () => {
    const who = selectWho(items).map((w) => w.name);
    expect(who).not.toContain('Reuters');
    expect(who).not.toContain('Samir Belkacem');
    expect(who).not.toContain('Youssef bin Tahar');
  });

  it('lists places named by several articles, with their country and sources', () => {
    const where = selectWhere(items);
    expect(where.find((w) => w.name === 'Geneva')).toEqual({
      name: 'Geneva',
      country: 'Switzerland',
      sources: ['Example Wire', 'Daily Example'],
    });
    expect(where.map((w) => w.name)).not.toContain('Marrakesh');
  });

  it('ranks by independent sources, joins a surname-only mention, picks the most informative role', () => {
    const who = selectWho([
      {
        sourceName: 'A',
        independentGroup: 'a',
        mentions: [person('Lina Ortiz', 2, 'minister'), person('Tom Reyes', 3)],
      },
      { sourceName: 'B', independentGroup: 'b', mentions: [person('Ortiz', 1, 'Chilean foreign minister')] },
      { sourceName: 'C', independentGroup: 'c', mentions: [person('Lina Ortiz', 1), org('Reuters', 4)] },
    ]);
    expect(who[0]).toEqual({
      name: 'Lina Ortiz',
      kind: 'person',
      role: 'Chilean foreign minister',
      sources: ['A', 'B', 'C'],
    });
    expect(who.map((w) => w.name)).not.toContain('Reuters');
    expect(who.map((w) => w.name)).not.toContain('Tom Reyes');
  });

  it('in a one-article story keeps people with a role or many mentions, not a bare passing name', () => {
    const who = selectWho([
      {
        sourceName: 'A',
        independentGroup: 'a',
        mentions: [
          person('Lina Ortiz', 1, 'foreign minister'),
          person('Tom Reyes', 1),
          person('Ana Vidal', 4),
          org('Chile', 3),
        ],
      },
    ]).map((w) => w.name);
    expect(who).toEqual(expect.arrayContaining(['Lina Ortiz', 'Ana Vidal', 'Chile']));
    expect(who).not.toContain('Tom Reyes');
  });

  it('leaves out world regions when something more precise is named, and respects max', () => {
    const where = selectWhere([
      {
        sourceName: 'A',
        independentGroup: 'a',
        mentions: [place('Middle East', null, 3), place('Geneva', 'Switzerland')],
      },
    ]).map((w) => w.name);
    expect(where).toEqual(['Geneva']);
    const many = selectWhere(
      [
        {
          sourceName: 'A',
          independentGroup: 'a',
          mentions: ['Lima', 'Quito', 'Bogota', 'Caracas'].map((n) => place(n, null)),
        },
      ],
      { max: 2 },
    );
    expect(many).toHaveLength(2);
  });

  it('copes with empty and malformed input', () => {
    expect(selectWho([])).toEqual([]);
    expect(selectWhere([])).toEqual([]);
    const bad = [{ sourceName: 'A', independentGroup: 'a', mentions: null as unknown as Mention[] }];
    expect(selectWho(bad)).toEqual([]);
  });
});
