import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.ts';
import { extractCites } from '../../../src/ingest/cites.ts';
import { classifyLine, parseScrapedText } from '../../../src/ingest/text/index.ts';
import { PAGES } from './pages.ts';

describe('parseScrapedText on invented pages', () => {
  for (const page of PAGES) {
    describe(page.name, () => {
      const parsed = parseScrapedText(page.raw, { source: page.source });
      const paragraphs = parsed.text.split('\n\n');

      it('keeps every body line, each as its own paragraph, in order', () => {
        expect(paragraphs).toEqual(page.body);
      });

      it('removes every furniture line and reports it', () => {
        for (const line of page.furniture) {
          expect(parsed.text).not.toContain(line);
          expect(parsed.removed).toContain(line);
        }
      });

      it('reads title, outlet and published date', () => {
        expect({ title: parsed.title, outlet: parsed.outlet, published: parsed.published }).toEqual({
          title: page.title,
          outlet: page.outlet,
          published: page.published,
        });
      });

      it('finds the cites on the raw page, never the own outlet', () => {
        expect(extractCites(page.raw, { outlet: parsed.outlet })).toEqual(page.cites);
      });
    });
  }
});

describe('parseScrapedText details', () => {
  it('takes empty image markdown out of a line and keeps the rest', () => {
    const parsed = parseScrapedText('![]() The bridge reopened on Friday after repairs.', { source: 'x' });
    expect(parsed.text).toBe('The bridge reopened on Friday after repairs.');
    expect(parsed.removed).toEqual(['![]()']);
  });

  it('joins hard-wrapped lines of one paragraph and keeps blank-line paragraphs apart', () => {
    const raw = [
      'The harbour authority said on Tuesday that the dredging of the',
      'main channel would take another two months because of storms.',
      '',
      'Ships will keep using the northern entrance until then.',
    ].join('\n');
    expect(parseScrapedText(raw, { source: 'x' }).text).toBe(
      'The harbour authority said on Tuesday that the dredging of the main channel would take another two months because of storms.\n\nShips will keep using the northern entrance until then.',
    );
  });

  it('keeps a short quoted line and a sub-heading between paragraphs', () => {
    const raw = [
      'The minister spoke for ten minutes before taking questions from the press.',
      '“We will not back down.”',
      'A long road ahead',
      'Negotiators are due to meet again in two weeks, officials said.',
    ].join('\n');
    expect(parseScrapedText(raw, { source: 'x' }).text.split('\n\n')).toHaveLength(4);
  });

  it('removes headline lists under a section header and a headline before "Read more »"', () => {
    const raw = [
      'The tunnel will close for two nights of maintenance, the operator said on Monday.',
      'Drivers are advised to use the coast road instead.',
      'Council votes to extend night bus routes',
      'Read more »',
      'Work is due to finish before the holiday weekend.',
      'Most read',
      'Heatwave warning issued for the south coast',
      'Local bakery wins national bread award',
      'Ferry timetable changes from next month',
    ].join('\n');
    const parsed = parseScrapedText(raw, { source: 'x' });
    expect(parsed.text.split('\n\n')).toEqual([
      'The tunnel will close for two nights of maintenance, the operator said on Monday.',
      'Drivers are advised to use the coast road instead.',
      'Work is due to finish before the holiday weekend.',
    ]);
    expect(parsed.removed).toContain('Council votes to extend night bus routes');
  });

  it('takes the URL and date from header lines', () => {
    const raw = [
      'https://news.example.com/2025/06/01/bridge',
      'Bridge reopens after two years of repairs',
      'Updated: June 2, 2025 at 9:30 am EDT',
      'Posted June 1, 2025',
      'The bridge reopened to traffic on Sunday morning, two years after it was closed.',
    ].join('\n');
    const parsed = parseScrapedText(raw, { source: 'x' });
    expect(parsed.url).toBe('https://news.example.com/2025/06/01/bridge');
    expect(parsed.published).toBe('2025-06-01');
    expect(parsed.title).toBe('Bridge reopens after two years of repairs');
    expect(parsed.text).not.toContain('Posted');
  });

  it('does not take a date in the headline for the publication date', () => {
    const raw = 'Election set for June 3, 2026\nThe vote was called on Monday after weeks of talks.';
    expect(parseScrapedText(raw, { source: 'x' })).toMatchObject({
      published: null,
      title: 'Election set for June 3, 2026',
    });
  });

  it('knows the outlet from its newsletter promo', () => {
    const raw =
      'The pier reopened on Saturday after repairs.\n\nSign up for the Coastal Courier daily newsletter';
    expect(parseScrapedText(raw, { source: 'x' }).outlet).toBe('Coastal Courier');
  });

  it('knows the outlet from the URL when the page does not say', () => {
    const parsed = parseScrapedText('A short item about the weather today.', {
      source: 'https://www.theguardian.com/world/2025/item',
    });
    expect(parsed.outlet).toBe('The Guardian');
  });

  it('rejects input that is not text with an InputError naming the source', () => {
    expect(() => parseScrapedText(42 as unknown as string, { source: 'feed-item-7' })).toThrow(InputError);
    expect(() => parseScrapedText(42 as unknown as string, { source: 'feed-item-7' })).toThrow(/feed-item-7/);
  });

  it('returns an empty body for an empty page', () => {
    expect(parseScrapedText('', { source: 'x' })).toMatchObject({ text: '', title: null, removed: [] });
  });
});

describe('classifyLine', () => {
  it.each([
    ['Skip to main content', 'nav'],
    ['Home › World › Europe', 'nav'],
    ['Tags: fishing, quotas, ports', 'nav'],
    ['A protester holds a flag outside parliament (Ana Cruz/Reuters)', 'caption'],
    ['Officials inspect the damage. (AP Photo/Sam Hill)', 'caption'],
    ['The envoy speaks to reporters, June 4, 2025. (Facebook screenshot)', 'caption'],
    ['WORLD-CLIMATE-SUMMIT', 'slug'],
    ['Read More »', 'read-more'],
    ['Read more: Why the talks stalled', 'read-more'],
    ['5 min read', 'timestamp'],
    ['294Yesterday, 22:40', 'timestamp'],
    ['73613.02.2026, 00:18', 'timestamp'],
    ['11611:25', 'timestamp'],
    ['3 hours ago', 'timestamp'],
    ['pic.twitter.com/AbCdEf123', 'embed'],
    ['— Some Reporter (@somereporter) May 2, 2025', 'embed'],
    ['Jane Roe contributed to this report.', 'sign-off'],
    ['Reporting by Ann Lee; Editing by Tom Ray', 'sign-off'],
    ['By Ann Lee and Tom Ray', 'byline'],
    ['Subscribe to our daily briefing and get the news in your inbox', 'appeal'],
    ['Already a member? Sign in to continue', 'appeal'],
    ['Copyright © 2025 Valley Times. All rights reserved.', 'promo'],
    ['To republish this article, please contact our licensing team.', 'promo'],
    ['Continue reading the main story', 'nav'],
    ['Image 3 of 12', 'nav'],
    ['Above: Workers repair the harbour wall after the storm.', 'caption'],
    ['Lights along the pier at dusk.Credit...Ana Cruz/Valley Times', 'caption'],
    ['Image credit: Harbour Authority', 'caption'],
    ['Dana Pike - Nov 19, 2024, 10:31 pm CST', 'byline'],
    ['Posted on March 3, 2024 by admin', 'byline'],
    ['Rating: 12 Votes', 'timestamp'],
    ['desk@valleytimes.example', 'sign-off'],
    ['Follow the Valley Times opinion section on Facebook, Twitter and Instagram.', 'appeal'],
    ['If you buy something through our links, we may earn an affiliate commission.', 'appeal'],
    ['[Related: Harbour expansion approved]', 'read-more'],
    ['Your email address will not be published. Required fields are marked *', 'nav'],
    ['Leave a Reply Cancel reply', 'nav'],
    ['Pinterest', 'nav'],
  ])('%s → %s', (line, kind) => {
    expect(classifyLine(line)).toBe(kind);
  });

  it.each([
    'The union said about 400 vessels took part in the strike on Monday.',
    '“Our work is not finished,” the mayor said at the opening ceremony.',
    'Ministry officials defended the quotas',
    'In a newsletter to clients, the bank said it expected rates to fall twice before the end of the year and warned of slower growth.',
    'More than 10 people died: officials',
    'US opens up to the new Syria',
    'Analysts wonder how many streaming services households will sign up for.',
    '5040',
  ])('keeps body line %s', (line) => {
    expect(classifyLine(line)).toBeNull();
  });
});
