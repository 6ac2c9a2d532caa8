import { describe, expect, it } from 'vitest';
import { parseScrapedText } from '../../../src/ingest/text/index.ts';

const PAGE = `Menu
Search
Fenland Courier

Drainage board approves new pumping station

By Ada Holm
3 February 2027

The drainage board approved a new pumping station near the river mouth on Monday, saying the old pumps could no longer keep the lowest fields dry in wet winters.

Work will start in the summer and the station should run by the autumn of next year, the board's chair said.

More from Fenland Courier
Market town opens new library
`;

describe('masthead and "More from" lines', () => {
  it('tells the outlet from a "More from X" line and drops its masthead line from the body', () => {
    const page = parseScrapedText(PAGE, { source: 'page.txt' });
    expect(page.outlet).toBe('Fenland Courier');
    expect(page.title).toBe('Drainage board approves new pumping station');
    expect(page.text).not.toMatch(/^Fenland Courier$/mu);
    expect(page.text).toContain('The drainage board approved a new pumping station');
    expect(page.removed).toContain('Fenland Courier');
  });
});
