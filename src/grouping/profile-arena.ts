/** Parts of a story profile, each an id-sorted list of (key id, weight). */
export type ProfilePart = 0 | 1 | 2;
export const TERMS: ProfilePart = 0;
export const ENTITIES: ProfilePart = 1;
export const LEAD_PLACES: ProfilePart = 2;

const PARTS = 3;
/** Per story: offset and length of each part, then its article count. */
const STRIDE = PARTS * 2 + 1;
const EVICTED = -1;

/**
 * Every story profile in two shared typed arrays (key ids, weights) with per-story offsets. One
 * object per story (or per part) would leave the heap and malloc full of small, short-lived
 * buffers each time a story grows; here a rewritten part goes to the end and the space it left is
 * reclaimed by compacting once dead entries outnumber live ones.
 */
export function createProfileArena() {
  let ids = new Int32Array(4096);
  let weights = new Float32Array(4096);
  let used = 0;
  let dead = 0;
  let meta = new Int32Array(1024 * STRIDE);
  let stories = 0;

  function compact(extra: number) {
    const live = used - dead;
    const size = Math.max(4096, 2 * (live + extra));
    const nextIds = new Int32Array(size);
    const nextWeights = new Float32Array(size);
    let at = 0;
    for (let s = 0; s < stories; s++) {
      const m = s * STRIDE;
      if (meta[m + 1] === EVICTED) continue;
      for (let p = 0; p < PARTS; p++) {
        const off = meta[m + 2 * p]!;
        const len = meta[m + 2 * p + 1]!;
        nextIds.set(ids.subarray(off, off + len), at);
        nextWeights.set(weights.subarray(off, off + len), at);
        meta[m + 2 * p] = at;
        at += len;
      }
    }
    ids = nextIds;
    weights = nextWeights;
    used = at;
    dead = 0;
  }

  function write(story: number, part: ProfilePart, entries: readonly (readonly [number, number])[]) {
    const m = story * STRIDE + 2 * part;
    dead += Math.max(0, meta[m + 1]!);
    if (used + entries.length > ids.length) {
      if (dead > used / 2) compact(entries.length);
      if (used + entries.length > ids.length) {
        const size = Math.max(2 * ids.length, used + entries.length);
        const nextIds = new Int32Array(size);
        nextIds.set(ids.subarray(0, used));
        const nextWeights = new Float32Array(size);
        nextWeights.set(weights.subarray(0, used));
        ids = nextIds;
        weights = nextWeights;
      }
    }
    for (let i = 0; i < entries.length; i++) {
      ids[used + i] = entries[i]![0];
      weights[used + i] = entries[i]![1];
    }
    meta[m] = used;
    meta[m + 1] = entries.length;
    used += entries.length;
  }

  return {
    /** Adds an empty profile; returns its story index. */
    add(): number {
      const story = stories++;
      if (stories * STRIDE > meta.length) {
        const grown = new Int32Array(meta.length * 2);
        grown.set(meta);
        meta = grown;
      }
      return story;
    },
    /** Replaces one part of a story's profile with these entries (sorted by id). */
    write,
    has(story: number): boolean {
      return story < stories && meta[story * STRIDE + 1] !== EVICTED;
    },
    evict(story: number) {
      const m = story * STRIDE;
      for (let p = 0; p < PARTS; p++) dead += Math.max(0, meta[m + 2 * p + 1]!);
      meta[m + 1] = EVICTED;
      meta[m + 3] = 0;
      meta[m + 5] = 0;
    },
    /** Where a part lies: read `ids()` / `weights()` from `offset` for `length` entries. */
    offset: (story: number, part: ProfilePart) => meta[story * STRIDE + 2 * part]!,
    length: (story: number, part: ProfilePart) => Math.max(0, meta[story * STRIDE + 2 * part + 1]!),
    /** The arrays move when the arena grows or compacts: read them again after any write. */
    ids: () => ids,
    weights: () => weights,
    articles: (story: number) => meta[story * STRIDE + STRIDE - 1]!,
    countArticle(story: number) {
      meta[story * STRIDE + STRIDE - 1]!++;
    },
  };
}

export type ProfileArena = ReturnType<typeof createProfileArena>;
