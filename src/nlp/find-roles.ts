import type { Token } from './name-chunks.ts';

/** Capitalised words that head a title before a name: "Strategic Affairs Minister Ron Dermer". */
const TITLE_HEADS = new Set(
  'President Minister Secretary Governor Senator Mayor Ambassador Envoy Chancellor Speaker Commander Director Chairman Chairwoman Chair Chief King Queen Prince Princess Sheikh Sheik Emir General Pope Ayatollah Judge Justice Mr Mrs Ms Miss Dr Gen Col Lt Sgt Capt Sen Rep Gov Spokesman Spokeswoman Spokesperson Leader Premier Colonel Admiral Commissioner CEO Professor Prof Rabbi Imam Cardinal Bishop Archbishop Lord Lady Sir Dame Sultan Crown Lieutenant Sergeant Captain Major Marshal President-elect Vice-President Representative Congressman Congresswoman Councillor Councilman Attorney Officer Agent Coach Inspector Superintendent Detective Constable Patriarch Mufti Grand Executive Insider Analyst Correspondent Editor Founder Defenseman Manager Adviser Advisor Aide Republican Democrat Cmdr Adm Maj Supt Insp Det Pres Rev'.split(
    ' ',
  ),
);

/** Capitalised words that may precede a title head: "Deputy Prime Minister", "Foreign Minister". */
const TITLE_MODIFIERS = new Set(
  'Deputy Vice Prime Foreign Defence Defense Interior Finance Justice Health Trade Economy Energy Strategic Affairs Acting Interim Former Supreme Senior Special Chief State Home Security Intelligence Opposition Majority Minority Senate House Party Crown Grand Army Air Navy Military Economic Presidential National Regional Federal Provincial District Assistant Associate Executive Managing General Sports Education Culture Labour Labor Environment Agriculture Transport Tourism Information Communications Development Immigration Treasury Public Attorney First Lord High Royal then'.split(
    ' ',
  ),
);

/** Lower-case nouns that name a role: "US envoy Tom Barrack", "Ahmad al-Dalati, a senior security official". */
export const ROLE_NOUNS = new Set(
  'president minister official officials envoy governor leader spokesman spokeswoman spokesperson chief commander general ambassador secretary diplomat strongman spy negotiator adviser advisor aide mediator mayor senator lawmaker analyst director chairman chairwoman ceo founder journalist correspondent editor reporter king queen prince princess premier chancellor emir cleric activist lawyer judge officer head representative delegate executive economist professor researcher candidate prosecutor counterpart ruler figure politician legislator commissioner deputy member agent coach manager owner president-elect sheikh monarch dictator warlord militant commander-in-chief investigator scientist expert historian author player striker captain actor singer artist businessman businesswoman billionaire entrepreneur banker economist pilot doctor surgeon nurse teacher student soldier colonel lieutenant sergeant inspector detective'.split(
    ' ',
  ),
);

/** Words that may stand in a role phrase before a role noun. */
const ROLE_WORD = /^[\p{Ll}][\p{Ll}-]*$|^then-/u;
const STOP_WORDS = new Set(
  'the a an and or but by of in on at to for from with as that which who whom whose this these those said says told is was are were be been has have had will would could should may might when while after before since than also its his her their our your my not no under between during including amid among about via despite within without against per like upon toward towards into onto over across behind beyond near meeting met'.split(
    ' ',
  ),
);

export type TitleSplit = { title: string | null; nameStart: number };

/**
 * Splits a leading title off a chunk: returns the title text and the index of the first token of
 * the name itself, or `nameStart` 0 when there is no title.
 */
export function splitTitle(tokens: Token[], isModifier: (word: string) => boolean = () => false): TitleSplit {
  let lastHead = -1;
  let onlyModifiers = true;
  for (let i = 0; i < tokens.length - 1; i++) {
    const w = tokens[i]!.text.replace(/\.$/, '');
    if (tokens[i]!.possessive) break;
    if (TITLE_HEADS.has(w)) {
      const rest = tokens.slice(i + 1);
      if (rest.every((t) => NAME_SUFFIXES.has(t.text))) break;
      // A head after unknown words ("South Dakota Gov. Kristi Noem") still ends a title.
      lastHead = i;
      const of = tokens[i + 1];
      const what = tokens[i + 2];
      if (of && what && (of.text === 'of' || of.text === 'for') && i + 3 < tokens.length) {
        lastHead = i + 2;
        i += 2;
      }
      continue;
    }
    if (!(TITLE_MODIFIERS.has(w) || isModifier(w))) onlyModifiers = false;
    if (!onlyModifiers && lastHead >= 0) break;
  }
  if (lastHead < 0) return { title: null, nameStart: 0 };
  const title = tokens
    .slice(0, lastHead + 1)
    .map((t) => t.text)
    .join(' ');
  return { title, nameStart: lastHead + 1 };
}

const NAME_SUFFIXES = new Set(['Jr', 'Sr', 'II', 'III', 'IV']);

/** Whether a word is a title head such as "President" or "Minister". */
export function isTitleWord(word: string): boolean {
  return TITLE_HEADS.has(word.replace(/\.$/, '')) || TITLE_MODIFIERS.has(word);
}

/**
 * A role phrase just before a name: "US envoy", "senior Syrian security official", "Syria's
 * interim president" (also before ", NAME"). `isModifier` says which capitalised words may stand in
 * it (countries, demonyms). Returns null when the word before the name is not a role noun.
 */
export function findRoleBefore(
  sentence: string,
  tokens: Token[],
  nameFirst: number,
  isModifier: (word: string, token?: Token) => boolean,
  requireHead = true,
): string | null {
  const i = nameFirst - 1;
  if (i < 0) return null;
  const gap = sentence.slice(tokens[i]!.end, tokens[nameFirst]!.start);
  if (!/^\s+$/.test(gap) && !(requireHead && /^\s*,\s*$/.test(gap))) return null;
  const head = tokens[i]!.text.toLowerCase();
  if (requireHead && !ROLE_NOUNS.has(head) && !ROLE_NOUNS.has(head.replace(/^then-/, ''))) return null;
  const fits = (t: Token) =>
    t.possessive ||
    isTitleWord(t.text) ||
    /^\p{Lu}{2,5}$/u.test(t.text) ||
    /^(?:then|ex|former)-/.test(t.text) ||
    (ROLE_WORD.test(t.text) ? isModifier(t.text, t) : isModifier(t.text));
  if (!requireHead && (STOP_WORDS.has(head) || !fits(tokens[i]!))) return null;
  let from = i;
  for (let k = i - 1; k >= 0 && i - k < 7; k--) {
    const t = tokens[k]!;
    const gap = sentence.slice(t.end, tokens[k + 1]!.start);
    if (!/^\s+$/.test(gap) && !(t.possessive && /^['’]s?\s+$/.test(gap))) break;
    const w = t.text;
    if (STOP_WORDS.has(w.toLowerCase())) break;
    if (fits(t)) {
      from = k;
      if (t.possessive) break;
      continue;
    }
    break;
  }
  return sentence.slice(tokens[from]!.start, tokens[i]!.end + (tokens[i]!.possessive ? 2 : 0)).trim();
}

/**
 * A role in an appositive after a name: "Ahmad al-Dalati, a senior security official, said" →
 * "senior security official"; ", the current governor of the province of Quneitra, which …" →
 * "current governor of the province of Quneitra".
 */
export function findRoleAfter(sentence: string, nameEnd: number): string | null {
  const rest = sentence.slice(nameEnd);
  const m = rest.match(
    /^['’]?s?\s*,\s*(?:(?:who|which)\s+(?:is|was)\s+)?(?:(?:a|an|the)\s+)?([^,;:()“”"]{3,120})/u,
  );
  if (!m?.[1]) return null;
  let phrase = m[1].trim();
  phrase = phrase.split(
    /\s+(?:who|which|that|bordering|appointed|said|says|told|is|was|has|had|and\s+(?:is|was|has))\b|\s+and\s+(?=\p{Lu})/u,
  )[0]!;
  if (
    /^(?:say|says|said|told|tells|add|adds|added|according|claim|claims|claimed|writes|wrote)\b/i.test(phrase)
  )
    return null;
  phrase = phrase.replace(/[.!?\s]+$/u, '');
  const words = phrase.split(/\s+/);
  if (words.length > 14) return null;
  // The role noun must come early: "a senior official" yes, "fled to Moscow as the president" no.
  const idx = words.findIndex((w) => ROLE_NOUNS.has(w.toLowerCase().replace(/[^\p{L}-]/gu, '')));
  if (idx < 0 || idx > 5) return null;
  if (words.slice(0, idx).some((w) => STOP_WORDS.has(w.toLowerCase()) && !['of', 'and'].includes(w)))
    return null;
  // "Friday, US envoy Tom Barrack said": a name after the role noun means this is no appositive.
  const after = words.slice(idx + 1);
  if (after[0] && /^\p{Lu}/u.test(after[0])) return null;
  return phrase;
}
