import { describe, expect, it } from 'vitest';
import { parseDateline } from '../../../src/ingest/text/index.ts';

describe('parseDateline', () => {
  it.each([
    ['Published 27 May 2025 10:32 BST', '2025-05-27T09:32:00Z'],
    ['May 27, 2025', '2025-05-27'],
    ['Tue 27 May 2025 14.32 CEST', '2025-05-27T12:32:00Z'],
    ['Updated: June 2, 2025 at 9:30 pm EDT', '2025-06-03T01:30:00Z'],
    ['2025-05-27T10:32:00+03:00', '2025-05-27T07:32:00Z'],
    ['13.02.2026, 00:18', '2026-02-13T00:18:00Z'],
    ['Posted 02/13/2026', '2026-02-13'],
  ])('%s → %s', (line, iso) => {
    expect(parseDateline(line)).toBe(iso);
  });

  it.each(['no date here', 'February 30, 2025', '99.99.2025', '294Yesterday, 22:40'])('%s → null', (line) => {
    expect(parseDateline(line)).toBeNull();
  });
});
