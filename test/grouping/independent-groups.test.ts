import { describe, expect, it } from 'vitest';
import { countIndependentSources, independentGroups } from '../../src/grouping/index.ts';
import type { Article } from '../../src/types.ts';
import { fire, rates } from './story-fixtures.ts';

function toArticle(input: typeof fire.courier.input, id: string, extra: Partial<Article> = {}): Article {
  return {
    ...input,
    id,
    contentHash: `hash-${id}`,
    copyOf: null,
    revision: 1,
    firstSeen: '2026-03-10T13:00:00Z',
    updated: '2026-03-10T13:00:00Z',
    ...extra,
  };
}

describe('independentGroups', () => {
  const courier = toArticle(fire.courier.input, 'a1');
  const ledger = toArticle(fire.ledger.input, 'a2');
  const lantern = toArticle(fire.lantern.input, 'a3');
  const signal = toArticle(fire.signal.input, 'a4');

  it('counts a wire report reposted by two outlets (bodies differing a little) as one source', () => {
    const groups = independentGroups([signal, lantern, courier, ledger]);
    expect(groups.get('a4')).toBe(groups.get('a3'));
    expect(groups.get('a3')).toBe('a3');
    expect(new Set(groups.values()).size).toBe(3);
  });

  it('keeps articles written separately apart', () => {
    expect(countIndependentSources([courier, ledger, toArticle(rates.input, 'a5')])).toBe(3);
  });

  it('follows copyOf even when the copy was trimmed', () => {
    const trimmed = toArticle(fire.signal.input, 'a6', { copyOf: 'a3', text: 'A short note.' });
    expect(independentGroups([lantern, trimmed]).get('a6')).toBe('a3');
  });

  it('joins rewrites of one agency report sharing its facts, not articles citing more sources', () => {
    const rewrite = toArticle(fire.courier.input, 'a7', {
      outlet: 'Hill Times',
      cites: ['Westwire'],
      text: 'Westwire said Brennick in Ostvale was evacuated on Tuesday. Governor Lena Marsh put the number who left at 4,000 and fire chief Owen Tarrant said 3,200 hectares had burned.',
    });
    const ownReporting = toArticle(fire.courier.input, 'a8', {
      cites: ['Westwire', 'Radio Ostvale'],
      text: 'Radio Ostvale and Westwire both said Brennick had been emptied on Tuesday; Governor Lena Marsh gave 4,000 as the number of people gone, and Owen Tarrant spoke of 3,200 hectares burned.',
      url: 'https://other.example.com/x',
    });
    const groups = independentGroups([lantern, rewrite, ownReporting]);
    expect(groups.get('a7')).toBe(groups.get('a3'));
    expect(groups.get('a8')).toBe('a8');
  });

  it('gives the same groups in any input order', () => {
    const all = [courier, ledger, lantern, signal];
    expect([...independentGroups([...all].reverse())].sort()).toEqual([...independentGroups(all)].sort());
  });
});
