import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { leadOf, type MatchTerm, ruleOutMatch } from '../../src/nlp/rule-out-match.ts';

type Rule = { match: string; regs?: Record<string, unknown>[] };
type World = {
  methods: {
    one: {
      buildNet(matches: unknown, world: World): { hooks: Record<string, Rule[]> };
      match(docs: unknown[][], rule: Rule): { ptrs: unknown[] };
    };
  };
  model: { two: { matches: unknown } };
};
const world = (nlp as unknown as { world(): World }).world();
// buildNet parses the rules in place: give it a copy, so compromise's own tagger still gets them as written.
const net = world.methods.one.buildNet(structuredClone(world.model.two.matches), world);
const rules = [...new Map(Object.values(net.hooks).flatMap((rs) => rs.map((r) => [r.match, r]))).values()];
const tag = (text: string) => (nlp as unknown as (t: string) => { docs: MatchTerm[][] })(text).docs;

const texts = [
  'Senior security official Oskar Lindqvist said on Tuesday that Norway would not sign the deal.',
  "The farmers, who'd waited for years, cheered when the dam finally opened in May.",
  'She is going to be very happy about it, he added, before the 2-3 loss in extra time.',
  "Dr. Marta Eklund's team won't be visiting Oslo next week, a spokeswoman told reporters.",
  'Prices rose 3.5% in October as fuel costs climbed, the statistics office said.',
  'Will Smith and the New York Times were sued by a former employee of Acme Corp.',
];

describe('ruleOutMatch', () => {
  it('never rules out a rule compromise matches, and rules out most that it does not', () => {
    let ruledOut = 0;
    let missed = 0;
    for (const text of texts)
      for (const terms of tag(text))
        for (const rule of rules) {
          const lead = rule.regs ? leadOf(rule.regs) : null;
          const out =
            lead !== null &&
            ruleOutMatch(
              terms,
              lead,
              terms.some((t) => t.implicit),
            );
          const matched = world.methods.one.match([terms], rule).ptrs.length > 0;
          if (out) {
            expect(matched, `${rule.match} on "${text}"`).toBe(false);
            ruledOut++;
          } else if (!matched) missed++;
        }
    expect(ruledOut).toBeGreaterThan(missed);
  });

  it('has no lead for a rule that may start anywhere', () => {
    expect(leadOf([{ optional: true, tag: 'Adverb' }, { tag: 'Verb' }])).toBeNull();
    expect(leadOf([{ negative: true, word: 'not' }])).toBeNull();
  });

  it('reads the steps after the first when the sentence has no contraction', () => {
    const [terms] = tag('the old man');
    const lead = leadOf([{ word: 'the' }, { tag: 'Verb' }]);
    expect(lead).not.toBeNull();
    expect(ruleOutMatch(terms!, lead!, false)).toBe(true);
    expect(ruleOutMatch(terms!, lead!, true)).toBe(false);
    expect(ruleOutMatch(terms!, leadOf([{ word: 'the' }, { tag: 'Adjective' }])!, false)).toBe(false);
  });
});
