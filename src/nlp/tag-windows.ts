import { ROLE_NOUNS } from './find-roles.ts';
import { getGazetteer } from './gazetteer.ts';
import type { Chunk, Token } from './name-chunks.ts';
import { CAPITALS } from './place-aliases.ts';
import { closedClassTag, type TagWindow } from './tag-terms.ts';

/** Words of context kept around a name of several words (whose person-ness the tagger's context rules decide). */
const BEFORE = 3;
const AFTER = 3;
/** Words kept around a one-word name, which only needs its own word class. */
const SINGLE_BEFORE = 2;
const SINGLE_AFTER = 2;
/** A role noun before a name ("senior security official Ahmad …") may carry up to 7 words of role. */
const ROLE_BEFORE = 8;

export type TagPlan = { windows: TagWindow[]; presets: Map<number, ReadonlySet<string>> };

/**
 * Which stretches of a text (its sentences joined by "\n", sentence i starting at `bases[i]`) the
 * tagger must read: each name chunk with a few words around it, whole headline-style lines. A lone
 * function word opening a sentence ("The", "However") needs no tagger: its lexicon tag is preset.
 * Words outside every window are tagged on demand (see `tagTerms`), so a window too small costs
 * time, not answers.
 */
export function planTagWindows(
  sentences: readonly string[],
  tokens: readonly Token[][],
  chunks: readonly Chunk[][],
  bases: readonly number[],
  titleCase: readonly boolean[],
): TagPlan {
  const gaz = getGazetteer();
  const windows: TagWindow[] = [];
  const presets = new Map<number, ReadonlySet<string>>();
  const push = (from: number, to: number, context: boolean) => {
    const last = windows[windows.length - 1];
    if (last && from <= last.to) {
      last.to = Math.max(last.to, to);
      last.context ||= context;
    } else windows.push({ from, to, context });
  };
  sentences.forEach((sentence, si) => {
    const toks = tokens[si]!;
    const base = bases[si]!;
    if (toks.length === 0) return;
    if (titleCase[si]) {
      push(base, base + sentence.length, true);
      return;
    }
    for (const c of chunks[si]!) {
      const single = c.tokens.length === 1;
      const word = c.tokens[0]!.text;
      if (c.first === 0 && single) {
        const tag = closedClassTag(word);
        if (tag) {
          presets.set(base + c.tokens[0]!.start, new Set([tag]));
          continue;
        }
      }
      const prev = toks[c.first - 1]?.text.toLowerCase() ?? '';
      const afterRole = ROLE_NOUNS.has(prev) || ROLE_NOUNS.has(prev.replace(/^then-/, ''));
      // A one-word name gets the context rules only at a sentence's start (is it a name at all?),
      // after a role noun, or as a country or capital (does a verb follow?).
      const place = single && !afterRole ? gaz.lookupPlace(word) : null;
      const context =
        !single ||
        afterRole ||
        c.first === 0 ||
        (place !== null && (place.kind === 'country' || CAPITALS[place.name] !== undefined));
      let first = Math.max(0, c.first - (afterRole ? ROLE_BEFORE : single ? SINGLE_BEFORE : BEFORE));
      // A window must not open on a capitalised word the tagger would take for a sentence start.
      while (first > 0 && /^\p{Lu}/u.test(toks[first]!.text)) first--;
      const last = Math.min(toks.length - 1, c.last - 1 + (single ? SINGLE_AFTER : AFTER));
      // At either end of the sentence its punctuation goes too: the tagger reads quotes and stops.
      const from = first === 0 ? base : base + toks[first]!.start;
      const to = last === toks.length - 1 ? base + sentence.length : base + toks[last]!.end;
      push(from, to, context);
    }
  });
  return { windows, presets };
}
