import { expect, it } from 'vitest';
import { memoizeDigests } from '../../src/delivery/memoize-digests.ts';
import type { Digest, Story } from '../../src/types.ts';

const story = (id: string, version = 1, articleIds = ['a1']): Story => ({
  id,
  articleIds,
  related: [],
  version,
  firstSeen: '2026-11-24T00:00:00Z',
  updated: '2026-11-24T00:00:00Z',
});

function countingPipeline(fail = 0) {
  const built: string[] = [];
  let failures = fail;
  return {
    built,
    async digestsOf(stories: Story[]): Promise<Digest[]> {
      await new Promise((resolve) => setImmediate(resolve));
      if (failures-- > 0) throw new Error('store busy');
      built.push(...stories.map((s) => `${s.id}@${s.version}`));
      return stories.map(
        (s) => ({ storyId: s.id, version: s.version, headline: `${s.id} v${s.version}` }) as Digest,
      );
    },
    async digestOf(): Promise<Digest | null> {
      throw new Error('not used');
    },
  };
}

it('builds each story version once, also for callers asking at the same time', async () => {
  const pipeline = countingPipeline();
  const stories = { s1: story('s1'), s2: story('s2') };
  const memo = memoizeDigests(pipeline, { getStory: async (id) => stories[id as 's1'] ?? null });
  const [a, b] = await Promise.all([memo.digestsOf([stories.s1, stories.s2]), memo.digestsOf([stories.s2])]);
  expect(a.map((d) => d.headline)).toEqual(['s1 v1', 's2 v1']);
  expect(b[0]).toBe(a[1]);
  expect((await memo.digestOf('s1'))?.headline).toBe('s1 v1');
  expect(await memo.digestOf('gone')).toBeNull();
  expect(pipeline.built.sort()).toEqual(['s1@1', 's2@1']);
});

it('builds again when a story grows or changes version', async () => {
  const pipeline = countingPipeline();
  const memo = memoizeDigests(pipeline, { getStory: async () => null });
  await memo.digestsOf([story('s1')]);
  const [grown] = await memo.digestsOf([story('s1', 1, ['a1', 'a2'])]);
  const [next] = await memo.digestsOf([story('s1', 2, ['a1', 'a2'])]);
  expect(next?.version).toBe(2);
  expect(grown).toBeDefined();
  expect(pipeline.built).toEqual(['s1@1', 's1@1', 's1@2']);
});

it('reports a failed build to its callers and builds again on the next ask', async () => {
  const pipeline = countingPipeline(1);
  const memo = memoizeDigests(pipeline, { getStory: async () => null });
  await expect(memo.digestsOf([story('s1')])).rejects.toThrow('store busy');
  const [digest] = await memo.digestsOf([story('s1')]);
  expect(digest?.headline).toBe('s1 v1');
});
