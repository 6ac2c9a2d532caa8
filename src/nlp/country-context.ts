import type { Token } from './name-chunks.ts';
import { looksLikeVerb, type TermTags } from './tag-terms.ts';

/** How a country (or a capital standing for its government) is used in a sentence. */
export type CountryUse = { place: boolean; party: boolean };

const LOCATIVE = new Set(
  'in inside within across into throughout near around to toward towards at through over from entered visited visit'.split(
    ' ',
  ),
);
const DIRECTIONS = new Set(
  'southern northern eastern western central northeastern northwestern southeastern southwestern south north east west rural coastal occupied'.split(
    ' ',
  ),
);
/** "Syria's border", "Israel's north": the country as a place. */
const PLACE_NOUNS = new Set(
  'border borders territory soil north south east west northeast northwest southeast southwest coast coastline airspace capital interior countryside waters cities towns villages regions provinces frontier'.split(
    ' ',
  ),
);
/** "Syria's government", "Israel's foreign ministry": the country as an actor. */
export const PARTY_NOUNS = new Set(
  'government leadership president prime foreign defence representatives delegates negotiators defense military army forces troops officials official authorities side delegation negotiators regime leader leaders ministry minister security intelligence new interim envoy embassy administration parliament cabinet navy air diplomats diplomat spokesman spokeswoman chief chiefs representatives rulers state ambassador counterpart'.split(
    ' ',
  ),
);
/** "Russia's invasion", "Israel's strikes": what a country does, after its possessive. */
const PARTY_ACTIONS = new Set(
  'invasion attack attacks strikes offensive decision response proposal demands demand plan move bid refusal support backing approval statement war campaign withdrawal threat threats sanctions policy stance position'.split(
    ' ',
  ),
);
/** Words before a country that make it a party: "talks with Israel", "between Syria and Israel". */
const PARTY_BEFORE = new Set('with between by against and nor accused urged'.split(' '));

function gapIs(sentence: string, a: Token, b: Token, re: RegExp): boolean {
  return re.test(sentence.slice(a.end, b.start));
}

/**
 * Decides whether the country named by tokens[first..last) is a place ("in Syria", "southern Syria",
 * "Syria's border") or a party ("Syria said", "Syria and Israel held talks", "talks with Israel",
 * "Israel's government"), either or both. A bare attributive use ("US sanctions") is neither.
 */
export function classifyCountryUse(
  sentence: string,
  tokens: Token[],
  first: number,
  last: number,
  tagsAt: (t: Token) => ReturnType<TermTags>,
  isCountry: (t: Token) => boolean,
): CountryUse {
  const use: CountryUse = { place: false, party: false };
  const end = tokens[last - 1]!;
  const prev = tokens[first - 1];
  const prev2 = tokens[first - 2];
  const next = tokens[last];
  const prevWord = prev?.text.toLowerCase() ?? '';
  const spaceBefore = prev ? gapIs(sentence, prev, tokens[first]!, /^\s+(the\s+)?$/) : false;

  // "officials from Syria" is the party speaking, not a place.
  const partyFrom = prevWord === 'from' && prev2 && PARTY_NOUNS.has(prev2.text.toLowerCase());
  if (partyFrom) use.party = true;
  else if (prev && spaceBefore && LOCATIVE.has(prevWord)) use.place = true;
  if (prev && spaceBefore && DIRECTIONS.has(prevWord)) use.place = true;
  if (prev && prev2 && DIRECTIONS.has(prevWord) && LOCATIVE.has(prev2.text.toLowerCase())) use.place = true;

  if (end.possessive && next) {
    const w = next.text.toLowerCase();
    if (PLACE_NOUNS.has(w)) use.place = true;
    if (PARTY_NOUNS.has(w) || PARTY_ACTIONS.has(w)) use.party = true;
  }
  if (prev && spaceBefore && PARTY_BEFORE.has(prevWord)) use.party = true;
  // "between Syria and Israel": the second of a pair.
  if (prev && prevWord === 'and' && prev2 && isCountry(prev2)) use.party = true;

  if (next && !end.possessive && gapIs(sentence, end, next, /^\s+$/)) {
    if (looksLikeVerb(tagsAt(next))) use.party = true;
    // "Syria and Israel have …", "Israel, Syria in direct contact"
    if (next.text === 'and') {
      const other = tokens[last + 1];
      const after = tokens[last + 2];
      if (other && isCountry(other) && after && looksLikeVerb(tagsAt(after))) use.party = true;
    }
  }
  return use;
}

/** Words after which "border" means the two parties' shared border. */
const BORDER =
  /\b(?:their|shared|common|mutual|the two countries['’]?)\s+(?:(?:shared|common|mutual|volatile|tense|disputed|long|de facto)\s+)*(?:border|frontier|boundary)\b|\bthe\s+(?:border|frontier)\s+(?:region|area)\b/i;
const BORDER_BETWEEN = /\b(?:border|frontier|boundary)(?:\s+(?:region|area|zone))?\s+between\b/i;

/** Whether a sentence speaks of a shared border without naming both sides in the phrase itself. */
export function mentionsSharedBorder(sentence: string): boolean {
  return BORDER_WORD.test(sentence) && (BORDER.test(sentence) || BORDER_BETWEEN.test(sentence));
}

/** What both patterns need: most sentences lack it, and this test is far cheaper. */
const BORDER_WORD = /border|frontier|boundary/i;

/** "Israel-Syria border": the two names in alphabetical order, so every article writes it alike. */
export function borderName(a: string, b: string): string {
  const [x, y] = [a, b].sort((p, q) => p.localeCompare(q));
  return `${x}-${y} border`;
}
