import { describe, expect, it } from 'vitest';
import { createProfileArena, ENTITIES, LEAD_PLACES, TERMS } from '../../src/grouping/profile-arena.ts';

const read = (arena: ReturnType<typeof createProfileArena>, story: number, part: typeof TERMS) => {
  const off = arena.offset(story, part);
  const len = arena.length(story, part);
  return [...arena.ids().subarray(off, off + len)].map((id, i) => [id, arena.weights()[off + i]]);
};

describe('createProfileArena', () => {
  it('keeps each story part intact through rewrites, evictions and compaction', () => {
    const arena = createProfileArena();
    const stories = Array.from({ length: 300 }, () => arena.add());
    for (let round = 0; round < 5; round++)
      for (const s of stories) {
        if (!arena.has(s)) continue;
        arena.write(
          s,
          TERMS,
          Array.from({ length: 20 }, (_, i) => [s * 100 + i, round] as const),
        );
        arena.write(s, ENTITIES, [[s, round + 0.5]]);
        if (round === 2 && s % 3 === 0) arena.evict(s);
      }
    arena.write(1, LEAD_PLACES, [[7, 0]]);
    expect(arena.has(3)).toBe(false);
    expect(arena.length(3, TERMS)).toBe(0);
    expect(read(arena, 4, TERMS)).toEqual(Array.from({ length: 20 }, (_, i) => [400 + i, 4]));
    expect(read(arena, 4, ENTITIES)).toEqual([[4, 4.5]]);
    expect(read(arena, 1, LEAD_PLACES)).toEqual([[7, 0]]);
    // 200 live stories of 21 entries: compaction keeps the arena near that, not 5 rounds' worth.
    expect(arena.ids().length).toBeLessThan(5 * 300 * 21);
  });

  it('counts articles per story', () => {
    const arena = createProfileArena();
    const s = arena.add();
    arena.countArticle(s);
    arena.countArticle(s);
    expect(arena.articles(s)).toBe(2);
  });
});
