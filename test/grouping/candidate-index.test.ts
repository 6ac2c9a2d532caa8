import { describe, expect, it } from 'vitest';
import { type ArticleFeatures, createCandidateIndex } from '../../src/grouping/index.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 10);

function features(terms: string[], time = T0, names: string[] = []): ArticleFeatures {
  return {
    terms: new Map(terms.map((t) => [t, 1])),
    entities: names.map((n) => ({
      key: `e:${n}`,
      name: n,
      kind: 'person' as const,
      background: false,
      inLead: true,
      weight: 1,
    })),
    time,
  };
}

describe('createCandidateIndex', () => {
  it('finds the story sharing rare keys and returns a bounded candidate list', () => {
    const index = createCandidateIndex({ maxCandidates: 5 });
    for (let i = 0; i < 300; i++) {
      const f = features(['harbour', `quay${i}`, `crane${i}`], T0, [`person${i}`]);
      index.countDocument(f);
      index.addStory(f);
    }
    const probe = features(['harbour', 'quay17', 'crane17'], T0, ['person17']);
    index.countDocument(probe);
    const found = index.findCandidates(probe);
    expect(found[0]).toBe(17);
    expect(found.length).toBeLessThanOrEqual(5);
    expect(index.similarity(17, probe).score).toBeGreaterThan(0.9);
    expect(index.similarity(18, probe).score).toBeLessThan(0.2);
  });

  it('does not look up keys carried by a large share of articles', () => {
    const index = createCandidateIndex();
    for (let i = 0; i < 400; i++) {
      const f = features(['weather', `town${i}`]);
      index.countDocument(f);
      index.addStory(f);
    }
    const probe = features(['weather', 'unseen']);
    index.countDocument(probe);
    expect(index.findCandidates(probe)).toEqual([]);
  });

  it('scans only the newest postings of a key and skips stories outside the window', () => {
    const index = createCandidateIndex({ postingsScan: 10, windowDays: 30 });
    for (let i = 0; i < 40; i++) {
      const f = features(['ferry', `route${i}`], T0 + i * DAY);
      index.countDocument(f);
      index.addStory(f);
    }
    const probe = features(['ferry', 'route0'], T0 + 39 * DAY);
    index.countDocument(probe);
    const found = index.findCandidates(probe);
    expect(found).not.toContain(0);
    expect(Math.min(...found)).toBeGreaterThanOrEqual(30);
    expect(found.length).toBeLessThanOrEqual(10);
  });

  it('merges a joining article into the story profile and widens its time span', () => {
    const index = createCandidateIndex();
    const a = features(['storm', 'pier'], T0, ['ana']);
    const b = features(['storm', 'lighthouse'], T0 + 2 * DAY, ['ben']);
    index.countDocument(a);
    index.countDocument(b);
    const story = index.addStory(a);
    index.joinStory(story, b);
    const probe = features(['lighthouse'], T0 + DAY, ['ben']);
    expect(index.similarity(story, probe).gapDays).toBe(0);
    expect(index.similarity(story, probe).entitySim).toBeGreaterThan(0.5);
    expect(index.similarity(story, features(['pier'], T0 + 5 * DAY)).gapDays).toBe(3);
  });
});
