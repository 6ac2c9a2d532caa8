import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unescapeMrkdwn } from '../../../adapters/slack/escape-mrkdwn.ts';
import {
  escapeMrkdwn,
  formatSlackLink,
  truncateMrkdwn,
  truncatePlain,
} from '../../../adapters/slack/index.ts';

describe('escapeMrkdwn', () => {
  it('escapes the three characters Slack reserves', () => {
    expect(escapeMrkdwn('a & b <!channel> <@U1>')).toBe('a &amp; b &lt;!channel&gt; &lt;@U1&gt;');
  });

  it('leaves no angle brackets and round-trips any text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const e = escapeMrkdwn(s);
        expect(e).not.toMatch(/[<>]/);
        expect(unescapeMrkdwn(e)).toBe(s);
      }),
    );
  });
});

describe('formatSlackLink', () => {
  it('links http(s) URLs and keeps the label from closing the link', () => {
    expect(formatSlackLink('https://a.example/x?y=1&z=2', 'A | B')).toBe(
      '<https://a.example/x?y=1&amp;z=2|A ¦ B>',
    );
  });

  it('shows only the label for other schemes or no URL', () => {
    expect(formatSlackLink('javascript:alert(1)', 'Bad')).toBe('Bad');
    expect(formatSlackLink(null, 'None <x>')).toBe('None &lt;x&gt;');
  });
});

describe('truncateMrkdwn', () => {
  it('never cuts an entity or a link in half and stays within the limit', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom('&amp;', '<https://x.example|x>', ' ', 'word'),
            fc.string({ maxLength: 4 }).map(escapeMrkdwn),
          ),
          { maxLength: 60 },
        ),
        fc.integer({ min: 2, max: 80 }),
        (parts, max) => {
          const t = truncateMrkdwn(parts.join(''), max);
          expect(t.length).toBeLessThanOrEqual(max);
          expect(t).not.toMatch(/&[a-z]*…$/);
          expect(t.split('<').length).toBe(t.split('>').length);
        },
      ),
    );
  });

  it('leaves short text alone', () => {
    expect(truncateMrkdwn('short', 10)).toBe('short');
    expect(truncatePlain('short', 10)).toBe('short');
  });

  it('does not split a surrogate pair', () => {
    const t = truncatePlain('😀'.repeat(10), 6);
    expect(t.length).toBeLessThanOrEqual(6);
    expect(t).not.toMatch(/[\ud800-\udbff]…$/);
  });
});
