import { describe, expect, it } from 'vitest';
import { createGazetteer, getGazetteer, lookupPlace } from '../../src/nlp/gazetteer.ts';

describe('gazetteer', () => {
  const gaz = getGazetteer();

  it('is built once per process', () => {
    expect(getGazetteer()).toBe(gaz);
    expect(createGazetteer()).not.toBe(gaz);
  });

  it('knows countries by their short and official names and aliases', () => {
    expect(lookupPlace('Syria')).toEqual({ name: 'Syria', kind: 'country', country: 'Syria' });
    expect(lookupPlace('Syrian Arab Republic')?.name).toBe('Syria');
    for (const n of ['US', 'U.S.', 'United States of America', 'America'])
      expect(lookupPlace(n)?.name).toBe('United States');
    for (const n of ['UK', 'Britain', 'Great Britain']) expect(lookupPlace(n)?.name).toBe('United Kingdom');
    expect(lookupPlace('Türkiye')?.name).toBe('Turkey');
  });

  it('knows cities and first-level regions with their country', () => {
    expect(lookupPlace('Geneva')).toMatchObject({ kind: 'city', country: 'Switzerland' });
    expect(lookupPlace('Rabat')).toMatchObject({ kind: 'city', country: 'Morocco' });
    expect(lookupPlace('West Virginia')).toMatchObject({ kind: 'region', country: 'United States' });
  });

  it('never lets a city or region hide a country of the same name, and prefers the usual region', () => {
    for (const n of ['Kuwait', 'Singapore', 'Mexico', 'Panama', 'Georgia'])
      expect(lookupPlace(n)?.kind).toBe('country');
    expect(lookupPlace('Maryland')?.country).toBe('United States');
  });

  it('knows places the data packages miss or spell differently', () => {
    expect(lookupPlace('the Golan')).toMatchObject({ name: 'Golan Heights', kind: 'area' });
    expect(lookupPlace('Gaza')).toMatchObject({ name: 'Gaza Strip', country: 'Palestine' });
    expect(lookupPlace('Kiev')).toMatchObject({ name: 'Kyiv', country: 'Ukraine' });
    expect(lookupPlace('Suwayda')?.name).toBe('Sweida');
    expect(lookupPlace('Quneitra province')?.name).toBe('Quneitra');
  });

  it('strips generic words and directions around a name', () => {
    expect(lookupPlace('southern Syria')?.name).toBe('Syria');
    expect(lookupPlace('Idlib province')?.name).toBe('Idlib');
  });

  it('maps demonyms to countries and marks world regions as broad', () => {
    expect(gaz.lookupDemonym('Syrian')).toBe('Syria');
    expect(gaz.lookupDemonym('Israelis')).toBe('Israel');
    expect(gaz.lookupDemonym('Dutch')).toBe('Netherlands');
    expect(gaz.lookupDemonym('Table')).toBeNull();
    expect(gaz.isBroadArea('the Middle East')).toBe(true);
    expect(gaz.isBroadArea('Paris')).toBe(false);
  });

  it('answers null for names that are not places, whatever the input', () => {
    for (const n of ['Reuters', 'Ahmad', '', '   ', '!!!', 'x'.repeat(5000)])
      expect(lookupPlace(n)).toBeNull();
  });
});
