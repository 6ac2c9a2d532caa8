import nlp from 'compromise';

/** Part-of-speech tags compromise gives each word of a text, looked up by the word's start offset. */
export type TermTags = (start: number) => ReadonlySet<string>;

const NONE: ReadonlySet<string> = new Set();

type JsonTerm = { tags?: string[]; offset?: { start: number } };
type JsonSentence = { terms?: JsonTerm[] };

export function tagTerms(text: string): TermTags {
  const byStart = new Map<number, ReadonlySet<string>>();
  try {
    const json = nlp(text).json({ offset: true, terms: { offset: true } }) as JsonSentence[];
    for (const s of json)
      for (const t of s.terms ?? []) if (t.offset) byStart.set(t.offset.start, new Set(t.tags ?? []));
  } catch {
    // compromise failing on odd input only costs us its hints; the rules below still run.
  }
  return (start) => byStart.get(start) ?? NONE;
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
