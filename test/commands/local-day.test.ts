import { expect, it } from 'vitest';
import { startOfLocalDay } from '../../src/commands/local-day.ts';

const start = (iso: string, tz: string) => startOfLocalDay(new Date(iso), tz).toISOString();

it('finds local midnight, also on the days the clocks change', () => {
  expect(start('2026-11-25T15:30:00Z', 'UTC')).toBe('2026-11-25T00:00:00.000Z');
  expect(start('2026-11-25T23:30:00Z', 'Europe/Berlin')).toBe('2026-11-25T23:00:00.000Z');
  expect(start('2026-03-29T12:00:00Z', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
  expect(start('2026-10-25T12:00:00Z', 'Europe/Berlin')).toBe('2026-10-24T22:00:00.000Z');
  expect(start('2026-11-25T02:00:00Z', 'Asia/Kolkata')).toBe('2026-11-24T18:30:00.000Z');
});

it('starts the day at the first instant that exists when the clocks skip midnight', () => {
  // Chile moves from -04 to -03 at local midnight on 2026-09-06: that day begins at 01:00 local.
  expect(start('2026-09-06T15:00:00Z', 'America/Santiago')).toBe('2026-09-06T04:00:00.000Z');
});
