import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.ts';
import { createRepeatedLineLearner, parseScrapedText } from '../../../src/ingest/text/index.ts';

const promo = 'Got a tip? Write to the Valley Times desk at any hour';
const quote = '“We will rebuild every house,” the governor said on Monday.';

function page(body: string[]): string {
  return ['Valley Times', '', ...body.flatMap((l) => [l, '']), promo].join('\n');
}

describe('createRepeatedLineLearner', () => {
  it('learns a line seen in two distinct articles of an outlet, not in one', () => {
    const learner = createRepeatedLineLearner();
    learner.observe('Valley Times', ['First article opens here.', promo], 'a1');
    expect(learner.isRepeated('Valley Times', promo)).toBe(false);
    learner.observe('Valley Times', ['First article opens here.', promo], 'a1');
    expect(learner.isRepeated('Valley Times', promo)).toBe(false);
    learner.observe('Valley Times', ['Second article opens here.', promo], 'a2');
    expect(learner.isRepeated('Valley Times', promo)).toBe(true);
    expect(learner.isRepeated('valley times', promo.toUpperCase())).toBe(true);
    expect(learner.isRepeated('Other Outlet', promo)).toBe(false);
  });

  it('matches lines that differ only in their numbers', () => {
    const learner = createRepeatedLineLearner();
    learner.observe('Portal', ['Most read today: 12 stories'], 'a');
    learner.observe('Portal', ['Most read today: 31 stories'], 'b');
    expect(learner.isRepeated('Portal', 'Most read today: 7 stories')).toBe(true);
  });

  it('needs more articles before it calls quoted speech or long prose furniture', () => {
    const learner = createRepeatedLineLearner();
    const background = 'The river has flooded the lower town three times since the dam was built in 1961.';
    for (const id of ['a', 'b', 'c', 'd']) learner.observe('Valley Times', [quote, background], id);
    expect(learner.isRepeated('Valley Times', quote)).toBe(false);
    expect(learner.isRepeated('Valley Times', background)).toBe(false);
    learner.observe('Valley Times', [quote, background], 'e');
    expect(learner.isRepeated('Valley Times', quote)).toBe(true);
    expect(learner.isRepeated('Valley Times', background)).toBe(true);
  });

  it('exports and imports its state, and rejects a bad state with an InputError', () => {
    const learner = createRepeatedLineLearner();
    learner.observe('Valley Times', [promo], 'a');
    learner.observe('Valley Times', [promo], 'b');
    const copy = createRepeatedLineLearner();
    copy.import(JSON.parse(JSON.stringify(learner.export())));
    expect(copy.isRepeated('Valley Times', promo)).toBe(true);
    expect(() => copy.import({ version: 2, outlets: {} })).toThrow(InputError);
    expect(() => copy.import('nonsense')).toThrow(/repeated-line state/);
  });

  it('lets parseScrapedText drop a line the outlet repeats, from the second article on', () => {
    const learner = createRepeatedLineLearner();
    const first = parseScrapedText(page(['The dam inspection found no cracks, engineers said on Friday.']), {
      source: 'one.txt',
      outlet: 'Valley Times',
      learner,
    });
    expect(first.text).toContain(promo);
    const second = parseScrapedText(
      page(['Flood barriers will be tested next week, the council said.', quote]),
      { source: 'two.txt', outlet: 'Valley Times', learner },
    );
    expect(second.text).not.toContain(promo);
    expect(second.removed).toContain(promo);
    expect(second.text).toContain(quote);
  });
});
