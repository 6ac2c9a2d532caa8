import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { bulkMatch } from '../../src/nlp/fast-sweep.ts';

type Args = Parameters<typeof bulkMatch>;
type World = {
  methods: Args[2] & { one: { buildNet(matches: unknown, world: World): Args[1] } };
  model: { two: { matches: unknown } };
};

const world = (nlp as unknown as { world(): World }).world();
const original = world.methods.one.bulkMatch as typeof bulkMatch;
// buildNet parses the rules in place: give it a copy, so compromise's own tagger still gets them as written.
const net = world.methods.one.buildNet(structuredClone(world.model.two.matches), world);

const texts = [
  'Senior security official Oskar Lindqvist said on Tuesday that Norway would not sign the deal.',
  'The farmers, who had waited for years, cheered when the dam finally opened in May.',
  "Dr. Marta Eklund's team will be visiting Oslo and Bergen next week, a spokeswoman told reporters.",
  'Prices rose 3.5% in October as fuel costs climbed, the statistics office said.',
];

describe('bulkMatch', () => {
  it('finds the same rules at the same places, in the same order, as compromise', () => {
    let found = 0;
    for (const text of texts) {
      const doc = (nlp as unknown as (t: string) => { docs: Args[0] })(text);
      const strip = (found: ReturnType<typeof bulkMatch>) => found.map((f) => [f.match, [...f.pointer]]);
      const ours = strip(bulkMatch(doc.docs, net, world.methods));
      found += ours.length;
      expect(ours).toEqual(strip(original(doc.docs, net, world.methods)));
    }
    expect(found).toBeGreaterThan(3);
  });

  it('stops at the first match when asked for one', () => {
    const doc = (nlp as unknown as (t: string) => { docs: Args[0] })(texts[0]!);
    const one = bulkMatch(doc.docs, net, world.methods, { matchOne: true });
    expect(one).toHaveLength(1);
    expect(one[0]?.match).toBe(original(doc.docs, net, world.methods, { matchOne: true })[0]?.match);
  });
});
