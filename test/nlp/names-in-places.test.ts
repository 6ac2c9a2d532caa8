import { describe, expect, it } from 'vitest';
import { extractMentions } from '../../src/nlp/index.ts';

const mentions = (text: string) => extractMentions({ title: null, text, outlet: null, cites: [] });

describe('names that hold particles, "of" and accents', () => {
  it('keeps a month-like word after a particle as part of the place name', () => {
    const m = mentions('Two people were hurt in Viña del Mar on Tuesday, the regional government said.');
    expect(m.find((x) => x.kind === 'place')?.name).toBe('Viña del Mar');
    expect(m.some((x) => x.name === 'Viña del')).toBe(false);
  });

  it('keeps "Port of …" organisations whole', () => {
    const m = mentions(
      'Freight at the Port of Tallinn Authority fell by a tenth, its director, Mari Kask, said.',
    );
    expect(m.map((x) => x.name)).toContain('Port of Tallinn Authority');
    expect(m.map((x) => x.name)).not.toContain('Tallinn Authority');
  });

  it("names a place in the article's accented spelling", () => {
    const m = mentions('Heavy rain flooded streets in Valparaíso and in the hills above the port on Sunday.');
    expect(m.find((x) => x.kind === 'place')).toMatchObject({ name: 'Valparaíso', country: 'Chile' });
  });
});
