import { describe, expect, it } from 'vitest';
import { normalizeDate, stripTitleSuffix } from '../../../src/ingest/html/extract-metadata.ts';

describe('normalizeDate', () => {
  it.each([
    ['2024-03-05T09:30:00+01:00', '2024-03-05T08:30:00.000Z'],
    ['2024-03-05T09:30:00+0100', '2024-03-05T08:30:00.000Z'],
    ['2024-03-05 09:30:00', '2024-03-05T09:30:00.000Z'],
    ['2024-03-05 09:30:00 GMT', '2024-03-05T09:30:00.000Z'],
    ['2024-03-05', '2024-03-05T00:00:00.000Z'],
    ['Tue, 05 Mar 2024 09:30:00 GMT', '2024-03-05T09:30:00.000Z'],
  ])('%s → %s', (input, iso) => {
    expect(normalizeDate(input)).toBe(iso);
  });

  it.each(['', 'yesterday', '2024-13-45', '0001-01-01'])('rejects %j', (input) => {
    expect(normalizeDate(input)).toBeNull();
  });
});

describe('stripTitleSuffix', () => {
  it.each([
    ['Harbour bridge reopens | The Northport Ledger', 'The Northport Ledger', 'Harbour bridge reopens'],
    ['Harbour bridge reopens - Northport Ledger', 'The Northport Ledger', 'Harbour bridge reopens'],
    [
      'The Ledger view on the bridge: late and costly | Editorial',
      'The Ledger',
      'The Ledger view on the bridge: late and costly',
    ],
    [
      'Northport Ledger – Harbour bridge reopens after two years',
      'Northport Ledger',
      'Harbour bridge reopens after two years',
    ],
    ['Opinion | Why the bridge took two years to fix', null, 'Why the bridge took two years to fix'],
    ['Bridge: a history', null, 'Bridge: a history'],
    ['Northport United 3 - 1 Eastham Rovers', null, 'Northport United 3 - 1 Eastham Rovers'],
    ['Mother-in-law wins village baking contest', null, 'Mother-in-law wins village baking contest'],
  ])('%j', (title, outlet, expected) => {
    expect(stripTitleSuffix(title, outlet)).toBe(expected);
  });
});
