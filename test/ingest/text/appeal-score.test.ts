import { describe, expect, it } from 'vitest';
import { APPEAL_PATTERNS, appealScore, foldCase } from '../../../src/ingest/text/appeal-score.ts';

/** At least one line per pattern; each must be matched by some pattern. */
const EXAMPLES = [
  'Sign up for our free newsletter',
  'Subscribe now and save',
  'Already a subscriber? Log in',
  'Log in to keep reading',
  'Donations keep us going',
  'Support independent journalism today',
  'Become a member',
  'Is this story important to you?',
  'Go ad-free',
  'Just $5 a month',
  'Join our community',
  'Republishing guidelines',
  '© 2024 Example Media. All rights reserved.',
  'Follow us on Instagram',
  'Download our free app',
  'Click here to read more',
  'We may earn a commission from links on this page',
  'I agree to the terms and the newsletter',
  'Follow Jane Doe on Twitter',
  'Facebook Twitter WhatsApp',
  'More about this topic can be found here',
  'Get the latest news in your inbox',
  'Delivered to your inbox',
  'We use cookies: manage your consent',
  'Stop seeing this ad',
  'Give now',
  'Our reporting depends on you',
  'Your support matters',
  'Readers like you',
  'You rely on us',
  'Please consider a gift',
  'Membership has benefits',
  'Exclusive content for you',
  'Independent local news',
  'Newsletters',
  'Thank you',
];
// "ſ" (long s) matches "s" under /iu; "K" (Kelvin sign) lower-cases to "k".
const variants = (line: string) => [
  line,
  line.toUpperCase(),
  line.replaceAll('s', 'ſ'),
  line.replaceAll('S', 'ſ'),
  line.replaceAll('k', '\u212a'),
];

describe('appeal patterns', () => {
  it('every pattern matches one of the examples', () => {
    for (const p of APPEAL_PATTERNS)
      expect(
        EXAMPLES.some((e) => p.re.test(e)),
        String(p.re),
      ).toBe(true);
  });

  it('a line a pattern matches holds one of its words once folded, in any case or spelling', () => {
    for (const e of EXAMPLES)
      for (const v of variants(e))
        for (const p of APPEAL_PATTERNS)
          if (p.re.test(v))
            expect(
              p.words.some((w) => foldCase(v).includes(w)),
              `${p.re} on ${v}`,
            ).toBe(true);
  });

  it('scores a long-s or upper-case spelling as the plain one', () => {
    for (const e of EXAMPLES) for (const v of variants(e)) expect(appealScore(v), v).toBe(appealScore(e));
    expect(appealScore('Pleaſe ſubſcribe now')).toBe(2);
  });

  it('scores story text 0', () => {
    expect(appealScore('The minister said the port would reopen on Monday after talks.')).toBe(0);
  });
});
