import { describe, expect, it } from 'vitest';
import { filterParagraphs } from '../../../src/ingest/html/filter-paragraphs.ts';

const body = [
  'The regional water board said on Thursday that reservoir levels had fallen to their lowest point in a decade.',
  'Farmers in the valley have been asked to cut irrigation by a fifth until the autumn rains arrive.',
];

describe('filterParagraphs', () => {
  it('drops promo, caption and date lines but keeps prose that merely starts alike', () => {
    const r = filterParagraphs(
      [
        'Updated 10:02 AM, March 5, 2024',
        body[0]!,
        'Read more: Reservoirs at record low',
        'Sign up for our newsletter to get the morning briefing in your inbox.',
        'In this March 3, 2024 file photo, a boat lies on the dry bed of the reservoir.',
        'By Monday, officials had closed two smaller reservoirs to boats.',
        body[1]!,
        'Share this article',
      ],
      null,
    );
    expect(r.paragraphs).toEqual([
      body[0],
      'By Monday, officials had closed two smaller reservoirs to boats.',
      body[1],
    ]);
  });

  it('moves reporting credits and edge labels to credits', () => {
    const r = filterParagraphs(
      [
        'Environment',
        'By Ada Lind',
        ...body,
        'Reporting by Ada Lind; editing by Tom Berg',
        'Valley Courier staff contributed to this report.',
      ],
      null,
    );
    expect(r.paragraphs).toEqual(body);
    expect(r.credits.sort()).toEqual([
      'By Ada Lind',
      'Environment',
      'Reporting by Ada Lind; editing by Tom Berg',
      'Valley Courier staff contributed to this report.',
    ]);
  });

  it("drops a closing author bio only when it is the byline's author", () => {
    const bio = 'Ada Lind is a reporter covering water and farming for the Valley Courier.';
    expect(filterParagraphs([...body, bio], null, ['By Ada Lind']).paragraphs).toEqual(body);
    const subject = 'Tom Berg is a freelance writer who has lived in the valley for thirty years.';
    expect(filterParagraphs([...body, subject], null, ['By Ada Lind']).paragraphs).toEqual([
      ...body,
      subject,
    ]);
  });

  it('drops a paragraph that repeats the headline', () => {
    const r = filterParagraphs(
      ['Reservoirs fall to a ten-year low', ...body],
      'Reservoirs fall to a ten-year low',
    );
    expect(r.paragraphs).toEqual(body);
  });
});
