import type { Pipeline } from '../pipeline/create-pipeline.ts';
import type { Store } from '../store/store.ts';
import type { Digest, Story } from '../types.ts';

export type DigestSource = Pick<Pipeline, 'digestOf' | 'digestsOf'>;

/** A story's content changes only with its version or its articles. */
const keyOf = (s: Story) => `${s.id}\u0000${s.version}\u0000${s.articleIds.join(',')}`;

/**
 * Digests built once per story version: every subscription due at the same minute ranks the same
 * candidate stories, and each of their posts would otherwise rebuild its digest. Meant to live for
 * one delivery pass; a story that changes meanwhile gets a new version and so a fresh digest.
 */
export function memoizeDigests(pipeline: DigestSource, store: Pick<Store, 'getStory'>): DigestSource {
  const built = new Map<string, Promise<Digest | undefined>>();

  function digestsOf(stories: Story[]): Promise<Digest[]> {
    const missing = new Map<string, Story>();
    for (const s of stories) if (!built.has(keyOf(s))) missing.set(keyOf(s), s);
    if (missing.size > 0) {
      const batch = pipeline.digestsOf([...missing.values()]);
      // Settled here so a failed batch is reported once, to its callers, and then built again.
      batch.catch(() => {
        for (const key of missing.keys()) built.delete(key);
      });
      [...missing.keys()].forEach((key, i) => {
        built.set(
          key,
          batch.then(
            (digests) => digests[i],
            () => undefined,
          ),
        );
      });
      return batch.then(() => collect(stories));
    }
    return collect(stories);
  }

  async function collect(stories: Story[]): Promise<Digest[]> {
    const digests = await Promise.all(stories.map((s) => built.get(keyOf(s))));
    if (digests.some((d) => d === undefined)) return pipeline.digestsOf(stories);
    return digests as Digest[];
  }

  return {
    digestsOf,
    async digestOf(storyId) {
      const story = await store.getStory(storyId);
      if (!story) return null;
      const [digest] = await digestsOf([story]);
      return digest ?? null;
    },
  };
}
