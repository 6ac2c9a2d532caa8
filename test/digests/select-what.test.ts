import { describe, expect, it } from 'vitest';
import { cleanTitle, headlineFromSentence } from '../../digests/pick-headline.ts';
import { cleanLeadSentence, isStatement, trimSentence } from '../../digests/select-what.ts';

describe('trimSentence', () => {
  const clauses = Array.from(
    { length: 12 },
    (_, i) => `the ${i + 1}th clause of a long account of the harbour works`,
  );

  it('leaves short sentences alone', () => {
    expect(trimSentence('The bridge reopened on Monday, the council said.')).toBe(
      'The bridge reopened on Monday, the council said.',
    );
  });

  it('cuts at a clause boundary and keeps the attribution', () => {
    const s = `${clauses.join(', ')}, the port authority said on Friday.`;
    const out = trimSentence(s);
    expect(out.length).toBeLessThanOrEqual(300);
    expect(out).toMatch(/^the 1th clause/);
    expect(out).toMatch(/[a-z], the port authority said on Friday\.$/);
  });

  it('keeps "according to" attribution', () => {
    const s = `${clauses.join(', ')}, according to Westwire.`;
    expect(trimSentence(s)).toMatch(/, according to Westwire\.$/);
    expect(trimSentence(s).length).toBeLessThanOrEqual(300);
  });

  it('cuts a sentence without commas at a word, within the limit', () => {
    const s = `${'word '.repeat(100).trim()} ended.`;
    const out = trimSentence(s);
    expect(out.length).toBeLessThanOrEqual(300);
    expect(out.endsWith('…')).toBe(true);
  });
});

describe('isStatement', () => {
  const none = new Set<string>();
  it('accepts a plain statement and rejects questions, quotes, captions, bullets and titles', () => {
    expect(
      isStatement('Firefighters ordered the evacuation of the town on Tuesday, officials said.', none),
    ).toBe(true);
    expect(
      isStatement('Will the firefighters manage to save the town before the wind turns again?', none),
    ).toBe(false);
    expect(
      isStatement('“We have never seen a fire move this fast in all our years,” a resident said.', none),
    ).toBe(false);
    expect(
      isStatement(
        'Firefighters work near the burning ridge above the town on Tuesday (Photo: A. Lind/Westwire)',
        none,
      ),
    ).toBe(false);
    expect(
      isStatement('- Firefighters ordered the evacuation of the town on Tuesday, officials said.', none),
    ).toBe(false);
    expect(isStatement('Wildfire forces evacuation of the whole town as winds spread the flames', none)).toBe(
      false,
    );
    const titles = new Set(['firefighters ordered the evacuation of the town on tuesday officials said']);
    expect(
      isStatement('Firefighters ordered the evacuation of the town on Tuesday officials said.', titles),
    ).toBe(false);
  });
});

describe('cleanTitle', () => {
  it('drops an outlet suffix, keeps a real subtitle', () => {
    expect(cleanTitle('Wildfire forces evacuation of Brennick - Valley Courier', 'Valley Courier')).toBe(
      'Wildfire forces evacuation of Brennick',
    );
    expect(cleanTitle('Wildfire forces evacuation of Brennick | The Ledger', null)).toBe(
      'Wildfire forces evacuation of Brennick',
    );
    expect(cleanTitle('Brennick evacuated: Ostvale wildfire out of control, governor says', null)).toBe(
      'Brennick evacuated: Ostvale wildfire out of control, governor says',
    );
  });
});

describe('headlineFromSentence', () => {
  it('drops the attribution and the final stop', () => {
    expect(
      headlineFromSentence('The harbour bridge reopened on Monday after repairs, the council said.'),
    ).toBe('The harbour bridge reopened on Monday after repairs');
  });

  it('cuts a long sentence at a phrase break, without an ellipsis', () => {
    const s =
      'Harbour officials from both towns agreed to meet again next month after no final accord was reached in talks in Eastgate on the future of the ferry line, Westwire reported on Saturday.';
    expect(headlineFromSentence(s)).toBe(
      'Harbour officials from both towns agreed to meet again next month after no final accord was reached in talks',
    );
  });

  it('shortens a long sentence to at most 120 characters', () => {
    const s = `The harbour bridge reopened ${'after a long and costly repair '.repeat(8)}on Monday, Westwire reported.`;
    const out = headlineFromSentence(s);
    expect(out.length).toBeLessThanOrEqual(120);
    expect(out.startsWith('The harbour bridge reopened')).toBe(true);
    expect(out).not.toMatch(/Westwire/);
  });
});

describe('cleanLeadSentence', () => {
  it('drops a dateline and a title run into the first sentence', () => {
    expect(cleanLeadSentence('OSLO (Westwire) - The harbour bridge reopened on Monday.', null)).toBe(
      'The harbour bridge reopened on Monday.',
    );
    expect(cleanLeadSentence('(Westwire) — The harbour bridge reopened on Monday.', null)).toBe(
      'The harbour bridge reopened on Monday.',
    );
    expect(
      cleanLeadSentence(
        'Bridge reopens after repairs The harbour bridge reopened on Monday after repairs.',
        'Bridge reopens after repairs',
      ),
    ).toBe('The harbour bridge reopened on Monday after repairs.');
    expect(cleanLeadSentence('The harbour bridge reopened on Monday.', 'Bridge reopens')).toBe(
      'The harbour bridge reopened on Monday.',
    );
  });
});
