import nlp from 'compromise';
import { installBulkMatch } from './fast-sweep.ts';

/** Part-of-speech tags compromise gives each word of a text, looked up by the word's start offset. */
export type TermTags = (start: number) => ReadonlySet<string>;

/**
 * A stretch [from, to) of a text, in UTF-16 offsets; `context` when the tagger's contextual rules
 * (most of its cost) must run on it, else only the lexicon and the word-shape guesses.
 */
export type TagWindow = { from: number; to: number; context: boolean };

const NONE: ReadonlySet<string> = new Set();

type Term = { tags?: Set<string>; offset?: { start: number } };
type Doc = { docs: Term[][]; compute(names: string | string[]): Doc; update(ptrs: number[][]): Doc };
type Methods = Parameters<typeof installBulkMatch>[0] & {
  one: { tokenize: { fromString(text: string, world: unknown): Term[][] } };
};
type Nlp = {
  (text: string): Doc;
  tokenize(text: string): Doc;
  hooks(): string[];
  methods(): Methods;
  world(): unknown;
  model(): { one: { lexicon: Record<string, unknown> } };
};
const compromise = nlp as unknown as Nlp;

/**
 * The chunker, whose output we never read, the post-tagger, run apart, and `normal`: the tokenizer
 * has already set every term's normal form, and the hook only sets it again from the same text.
 */
const SKIPPED_HOOKS = new Set(['normal', 'chunks', 'postTagger']);
let hooks: string[] | null = null;
type ViewClass = new (document: Term[][]) => Doc;
let View: ViewClass | null = null;

/** `nlp.tokenize(text)` then the tagger's hooks, without normalising the words twice. */
function tagText(text: string): Doc {
  const methods = compromise.methods();
  if (!hooks || !View) {
    installBulkMatch(methods);
    // nlp.tokenize runs these first, before the tagger's own hooks.
    hooks = ['alias', 'normal', 'machine', 'contractions', ...compromise.hooks()].filter(
      (h, i, all) => !SKIPPED_HOOKS.has(h) && all.indexOf(h) === i,
    );
    View = Object.getPrototypeOf(compromise.tokenize('')).constructor as ViewClass;
  }
  return new View(methods.one.tokenize.fromString(text, compromise.world())).compute(hooks);
}

/**
 * Adds the tags of every word of `text` to `into`, keyed by their offsets in the original text
 * (`pieces`, ascending, say where each stretch of `text` came from and whether it needs context).
 */
function tagInto(into: Map<number, ReadonlySet<string>>, text: string, pieces: Piece[]): void {
  try {
    const doc = tagText(text);
    doc.compute('offset');
    const pieceOf = (at: number, from: number) => {
      let p = from;
      while (p + 1 < pieces.length && pieces[p + 1]!.at <= at) p++;
      return p;
    };
    const ptrs: number[][] = [];
    let p = 0;
    doc.docs.forEach((terms, n) => {
      const at = terms[0]?.offset?.start;
      if (at === undefined) return;
      p = pieceOf(at, p);
      if (pieces[p]!.context) ptrs.push([n, 0, terms.length]);
    });
    if (ptrs.length > 0) doc.update(ptrs).compute('postTagger');
    p = 0;
    for (const terms of doc.docs)
      for (const t of terms) {
        const at = t.offset?.start;
        if (at === undefined || !t.tags) continue;
        p = pieceOf(at, p);
        const piece = pieces[p]!;
        into.set(piece.origin + at - piece.at, t.tags);
      }
  } catch {
    // compromise failing on odd input only costs us its hints; the rules below still run.
  }
}

/** Where a piece of the tagged text starts, and where it came from in the original text. */
type Piece = { at: number; origin: number; context: boolean };

/**
 * Tags a text of lines joined by "\n" (compromise tags each line apart). With `windows` — ascending,
 * non-overlapping spans, each within one line — only those stretches are tagged up front, each as a
 * line of its own; a word outside every window is tagged when first asked for, with its whole line.
 * `presets` gives words whose tags are known without compromise (see `closedClassTag`).
 */
export function tagTerms(
  text: string,
  windows?: readonly TagWindow[],
  presets?: ReadonlyMap<number, ReadonlySet<string>>,
): TermTags {
  const byStart = new Map<number, ReadonlySet<string>>(presets);
  if (!windows) {
    tagInto(byStart, text, [{ at: 0, origin: 0, context: true }]);
    return (start) => byStart.get(start) ?? NONE;
  }
  const pieces: Piece[] = [];
  let sub = '';
  for (const w of windows) {
    pieces.push({ at: sub.length, origin: w.from, context: w.context });
    sub += `${text.slice(w.from, w.to)}\n`;
  }
  if (pieces.length > 0) tagInto(byStart, sub, pieces);
  const linesDone = new Set<number>();
  return (start) => {
    const hit = byStart.get(start);
    if (hit) return hit;
    if (start < 0 || start >= text.length || inSpans(windows, start)) return NONE;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    if (linesDone.has(lineStart)) return NONE;
    linesDone.add(lineStart);
    const end = text.indexOf('\n', start);
    tagInto(byStart, text.slice(lineStart, end < 0 ? text.length : end), [
      { at: 0, origin: lineStart, context: true },
    ]);
    return byStart.get(start) ?? NONE;
  };
}

function inSpans(spans: readonly TagWindow[], at: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const { from, to } = spans[mid]!;
    if (at < from) hi = mid - 1;
    else if (at >= to) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Word classes whose members never start a name, whatever follows them. */
const CLOSED_CLASSES = new Set([
  'Determiner',
  'Pronoun',
  'Preposition',
  'Conjunction',
  'QuestionWord',
  'Adverb',
]);

/**
 * The tag compromise's lexicon gives a function word ("The", "However", "He"), which context does not
 * turn into a name; null for any other word, and for words in capitals ("US" is no pronoun).
 */
export function closedClassTag(word: string): string | null {
  // "US", "IT", "WHO": capitals may spell a name that is also a function word.
  if (!/^\p{Lu}?\p{Ll}*$/u.test(word) || word.length === 0) return null;
  const tag = compromise.model().one.lexicon[word.toLowerCase()];
  return typeof tag === 'string' && CLOSED_CLASSES.has(tag) ? tag : null;
}
const PROPER = ['ProperNoun', 'Person', 'FirstName', 'LastName', 'Place', 'Country', 'City', 'Organization'];
const NOT_A_NAME = [
  'Determiner',
  'Conjunction',
  'Preposition',
  'Adverb',
  'Adjective',
  'Pronoun',
  'Verb',
  'Value',
  'QuestionWord',
  'Date',
  'Month',
  'WeekDay',
  'Modal',
  'Auxiliary',
];

export function looksProper(tags: ReadonlySet<string>): boolean {
  return PROPER.some((t) => tags.has(t));
}

export function looksLikeCommonWord(tags: ReadonlySet<string>): boolean {
  return !looksProper(tags) && NOT_A_NAME.some((t) => tags.has(t));
}

export function looksLikePerson(tags: ReadonlySet<string>): boolean {
  return tags.has('Person') || tags.has('FirstName') || tags.has('LastName') || tags.has('Honorific');
}

export function looksLikeVerb(tags: ReadonlySet<string>): boolean {
  return (tags.has('Verb') || tags.has('Modal') || tags.has('Auxiliary')) && !tags.has('Gerund');
}
