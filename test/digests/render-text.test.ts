import { describe, expect, it } from 'vitest';
import { renderDigestMarkdown, renderDigestText } from '../../digests/render-text.ts';
import type { Digest } from '../../src/types.ts';

const digest: Digest = {
  storyId: 'sabc123',
  version: 2,
  headline: 'Wildfire forces evacuation of Brennick',
  what: 'Thousands of residents fled Brennick on Tuesday after a wildfire jumped a ridge, Westwire reported.',
  who: [
    { name: 'Lena Marsh', kind: 'person', role: 'governor', sources: ['Valley Courier', 'Westwire'] },
    { name: 'Fire_Service *North*', kind: 'org', role: null, sources: ['Northern Ledger'] },
  ],
  where: [{ name: 'Brennick', country: 'Norland', sources: ['Valley Courier'] }],
  sources: [
    { outlet: 'Valley Courier', articleId: 'a1', url: 'https://courier.example.com/fire(1)', cites: [] },
    { outlet: null, articleId: 'a2', url: null, cites: ['Westwire'] },
  ],
  independentSources: 2,
  related: ['sdef456'],
  firstSeen: '2026-03-10T08:05:00.000Z',
  updated: '2026-03-10T12:25:00.000Z',
};

describe('renderDigestText', () => {
  it('shows headline, what, who with roles and counts, where, sources, related and times', () => {
    const text = renderDigestText(digest);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Wildfire forces evacuation of Brennick');
    expect(lines[1]).toBe(digest.what);
    expect(text).toContain('Lena Marsh (governor) — 2 sources');
    expect(text).toContain('Brennick, Norland — 1 source');
    expect(text).toContain('Sources (2 independent of 2):');
    expect(text).toContain('Valley Courier https://courier.example.com/fire(1)');
    expect(text).toContain('Unknown outlet (citing Westwire)');
    expect(text).toContain('Related: sdef456');
    expect(text).toContain('2026-03-10 08:05 UTC');
  });

  it('leaves out empty sections', () => {
    const text = renderDigestText({ ...digest, who: [], where: [], related: [] });
    expect(text).not.toMatch(/Who:|Where:|Related:/);
  });
});

describe('renderDigestMarkdown', () => {
  it('bolds the headline, escapes markup in names and links the outlets', () => {
    const md = renderDigestMarkdown(digest);
    expect(md.startsWith('**Wildfire forces evacuation of Brennick**')).toBe(true);
    expect(md).toContain('**Fire\\_Service \\*North\\***');
    expect(md).toContain('[Valley Courier](https://courier.example.com/fire%281%29)');
    expect(md).toContain('- Unknown outlet (citing Westwire)');
    expect(md).toContain('`sdef456`');
  });
});
