import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../src/ingest/fetch/index.ts';

describe('parseRetryAfter', () => {
  const now = Date.parse('2031-03-04T10:00:00Z');
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });
  it('reads an HTTP date', () => {
    expect(parseRetryAfter('Tue, 04 Mar 2031 10:05:00 GMT', now)).toBe(300_000);
  });
  it('never goes negative for a date in the past', () => {
    expect(parseRetryAfter('Tue, 04 Mar 2031 09:00:00 GMT', now)).toBe(0);
  });
  it('gives null for a missing or unreadable value', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter('1.5', now)).toBeNull();
  });
});
