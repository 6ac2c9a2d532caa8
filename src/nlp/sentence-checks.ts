import { type Chunk, NAME_PARTICLES, type Token } from './name-chunks.ts';
import { looksLikeCommonWord } from './tag-terms.ts';

const NO_COMMENT =
  /\b(?:declined|refused|did\s+not|didn[’']t|not\s+immediately|could\s+not\s+be\s+reached|neither|nor|no)\b[^.]{0,90}\b(?:comment|respond|reply)/i;
const CREDITS =
  /\b(?:contributed\s+to\s+this\s+report|reporting\s+by|editing\s+by|writing\s+by|additional\s+reporting)\b/i;

/** Sentences whose names say nothing about the story: who did not comment, who wrote or edited it. */
export function isWeakSentence(sentence: string): boolean {
  return NO_COMMENT.test(sentence) || CREDITS.test(sentence);
}

const ENGLISH_WORDS = new Set(
  'the of and to is that for on with was said by it from at his her their were have has be this which they would'.split(
    ' ',
  ),
);
/** Frequent function words of other Latin-script languages. */
const OTHER_WORDS = new Set(
  'de la el los las del que en por para una con es il di che per le les des et est une du dans und der die das ist nicht mit von zu den em um uma não com os ao het een van op zijn och att är på som non sono della nel gli lo si anche più come ha ci da al sul dei delle al la lo qui où mais pour sur pas avec ce ne se los hay muy pero sus más como'.split(
    ' ',
  ),
);

/** Letters, marks and digits outside ASCII: where lower-casing might move a word's bounds. */
const NON_ASCII_WORD_CHAR = /(?=[^\x00-\x7f])[\p{L}\p{M}\p{N}]/u;

/** Whether a text is English enough for these rules (short texts are given the benefit of the doubt). */
export function isEnglish(text: string): boolean {
  if (!NON_ASCII_WORD_CHAR.test(text)) {
    const counts = countAsciiWords(text);
    if (counts.words >= 20) return counts.english / counts.words >= 0.06 && counts.english >= counts.other;
  }
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 20) return !/[^\p{Script=Latin}\p{P}\p{N}\s\p{S}]/u.test(text) || words.length < 3;
  let english = 0;
  let other = 0;
  for (const w of words) {
    if (ENGLISH_WORDS.has(w)) english++;
    if (OTHER_WORDS.has(w)) other++;
  }
  return english / words.length >= 0.06 && english >= other;
}

/** `isEnglish`'s count on a text whose words are all ASCII, without lower-casing or splitting it. */
function countAsciiWords(text: string): { words: number; english: number; other: number } {
  let words = 0;
  let english = 0;
  let other = 0;
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) | 0x20 : 0;
    if (c >= 0x61 && c <= 0x7a) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    words++;
    // The listed words are all short: longer ones need no lower-casing.
    if (i - start <= 6) {
      const w = text.slice(start, i).toLowerCase();
      if (ENGLISH_WORDS.has(w)) english++;
      if (OTHER_WORDS.has(w)) other++;
    }
    start = -1;
  }
  return { words, english, other };
}

const MINOR_WORDS = new Set(
  'a an the and or but of in on at to for from with by as vs via per up'.split(' '),
);

/** A headline-style line ("Pentagon Used New Drones In Raid"), where capitals do not mark names. */
export function isTitleCase(tokens: Token[]): boolean {
  let words = 0;
  let lower = 0;
  for (const t of tokens) {
    if (!STARTS_WITH_LETTER.test(t.text) || MINOR_WORDS.has(t.text.toLowerCase())) continue;
    words++;
    if (!STARTS_UPPER.test(t.text)) lower++;
  }
  if (words < 4) return false;
  // A sentence dense with names still has lower-case verbs and nouns; a headline has next to none.
  return lower <= Math.floor(words / 10);
}

const STARTS_WITH_LETTER = /^\p{L}/u;
const STARTS_UPPER = /^\p{Lu}/u;

/** Drops capitalised words that only start the sentence ("Earlier", "Neither", "According"). */
export function dropSentenceStart(
  sentence: string,
  tokens: Token[],
  chunk: Chunk,
  tagsAt: (t: Token) => ReadonlySet<string>,
): Token[] {
  const toks = [...chunk.tokens];
  const first = toks[0];
  if (!first) return toks;
  const before = chunk.first === 0 ? '' : sentence.slice(tokens[chunk.first - 1]!.end, first.start);
  const atStart = chunk.first === 0 || /[“"‘:—–(•-]\s*$/.test(before);
  if (atStart && looksLikeCommonWord(tagsAt(first))) toks.shift();
  while (toks.length > 0 && isDateWord(toks[0]!, tagsAt)) toks.shift();
  // "Viña del Mar": after a particle the word is a name, not a month.
  while (
    toks.length > 0 &&
    isDateWord(toks[toks.length - 1]!, tagsAt) &&
    !(toks.length > 1 && NAME_PARTICLES.has(toks[toks.length - 2]!.text))
  )
    toks.pop();
  return toks;
}

const NOT_IN_ROLE = [
  'Verb',
  'Conjunction',
  'Preposition',
  'Determiner',
  'Pronoun',
  'Adverb',
  'QuestionWord',
  'Value',
];

/** A lower-case word that can describe a role: "senior", "security", "interim", not "if" or "beat". */
export function isRoleWord(tags: ReadonlySet<string>): boolean {
  return (tags.has('Adjective') || tags.has('Noun')) && !NOT_IN_ROLE.some((t) => tags.has(t));
}

const DATE_WORD =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?$/;

function isDateWord(t: Token, tagsAt: (t: Token) => ReadonlySet<string>): boolean {
  return DATE_WORD.test(t.text) || (tagsAt(t).has('Date') && !tagsAt(t).has('ProperNoun'));
}
