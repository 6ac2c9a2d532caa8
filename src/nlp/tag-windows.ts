import type { Chunk, Token } from './name-chunks.ts';
import { isTitleCase } from './sentence-checks.ts';
import { closedClassTag, type Span } from './tag-terms.ts';

/** Words of context kept before and after a name for the tagger. */
const BEFORE = 3;
const AFTER = 3;

export type TagPlan = { windows: Span[]; presets: Map<number, ReadonlySet<string>> };

/**
 * Which stretches of a text (its sentences joined by "\n", sentence i starting at `bases[i]`) the
 * tagger must read: each name chunk with a few words around it, whole headline-style lines. A lone
 * function word opening a sentence ("The", "However") needs no tagger: its lexicon tag is preset.
 */
export function planTagWindows(
  sentences: readonly string[],
  tokens: readonly Token[][],
  chunks: readonly Chunk[][],
  bases: readonly number[],
): TagPlan {
  const windows: [number, number][] = [];
  const presets = new Map<number, ReadonlySet<string>>();
  const push = (from: number, to: number) => {
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  };
  sentences.forEach((sentence, si) => {
    const toks = tokens[si]!;
    const base = bases[si]!;
    if (toks.length === 0) return;
    if (isTitleCase(toks)) {
      push(base, base + sentence.length);
      return;
    }
    for (const c of chunks[si]!) {
      if (c.first === 0 && c.tokens.length === 1) {
        const tag = closedClassTag(c.tokens[0]!.text);
        if (tag) {
          presets.set(base + c.tokens[0]!.start, new Set([tag]));
          continue;
        }
      }
      let first = Math.max(0, c.first - BEFORE);
      // A window must not open on a capitalised word the tagger would take for a sentence start.
      while (first > 0 && /^\p{Lu}/u.test(toks[first]!.text)) first--;
      const last = Math.min(toks.length - 1, c.last - 1 + AFTER);
      push(base + toks[first]!.start, base + toks[last]!.end);
    }
  });
  return { windows, presets };
}
