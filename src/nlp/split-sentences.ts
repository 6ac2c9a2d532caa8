/** Words that end with a period without ending the sentence. */
const ABBREVIATIONS = new Set(
  [
    'mr',
    'mrs',
    'ms',
    'dr',
    'prof',
    'gen',
    'lt',
    'col',
    'maj',
    'capt',
    'cmdr',
    'adm',
    'sgt',
    'cpl',
    'gov',
    'sen',
    'rep',
    'rev',
    'fr',
    'st',
    'jr',
    'sr',
    'hon',
    'pres',
    'supt',
    'jan',
    'feb',
    'mar',
    'apr',
    'jun',
    'jul',
    'aug',
    'sep',
    'sept',
    'oct',
    'nov',
    'dec',
    'no',
    'nos',
    'vs',
    'v',
    'inc',
    'corp',
    'ltd',
    'co',
    'bros',
    'mt',
    'ft',
    'approx',
    'est',
    'dept',
    'univ',
    'e.g',
    'i.e',
    'cf',
    'al',
  ].map((s) => s.toLowerCase()),
);

/** After a dotted acronym ("U.S."), only these words start a new sentence. */
const SENTENCE_STARTERS = new Set(
  'The A An It He She They We I You But And In On At For This That These Those There His Her Their Its Our Meanwhile However After Before When While Last Earlier Later'.split(
    ' ',
  ),
);

const BOUNDARY = /[.!?…]+["'”’»)\]]*(?=\s+)/g;

function isBoundary(text: string, end: number, punctEnd: number): boolean {
  // Only the words around the period matter; look no further, so long lines stay linear.
  const before = text.slice(Math.max(0, end - 40), end);
  const after = text.slice(punctEnd, punctEnd + 60).trimStart();
  const next = after.match(/^["'“‘«([]*(\S+)/)?.[1] ?? '';
  if (!next) return true;
  const first = next[0] ?? '';
  if (!/[\p{Lu}\p{N}]/u.test(first)) return false;
  if (text[end] !== '.') return true;
  const word = before.match(/(\S+)$/)?.[1] ?? '';
  const bare = word.replace(/^["'“‘([]+/, '');
  if (/^\p{Lu}$/u.test(bare)) return false; // an initial: "George W. Bush"
  if (/^(\p{L}\.)+\p{L}$/u.test(bare)) return SENTENCE_STARTERS.has(next.replace(/[^\p{L}]/gu, '')); // "U.S", "U.N"
  if (ABBREVIATIONS.has(bare.toLowerCase())) return false;
  return true;
}

/**
 * The sentences of a text, in order, trimmed. Line breaks end a sentence; periods after
 * abbreviations (Mr., Gen., Jan.), initials and dotted acronyms (U.S.) usually do not.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\n+/)) {
    let start = 0;
    for (const m of line.matchAll(BOUNDARY)) {
      const end = m.index;
      const punctEnd = end + m[0].length;
      if (!isBoundary(line, end, punctEnd)) continue;
      const s = line.slice(start, punctEnd).trim();
      if (s) out.push(s);
      start = punctEnd;
    }
    const rest = line.slice(start).trim();
    if (rest) out.push(rest);
  }
  return out;
}
