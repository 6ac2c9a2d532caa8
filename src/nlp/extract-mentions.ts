import type { Mention } from '../types.ts';
import { borderName, classifyCountryUse, mentionsSharedBorder, PARTY_NOUNS } from './country-context.ts';
import { findRoleAfter, findRoleBefore, isTitleWord, splitTitle } from './find-roles.ts';
import { getGazetteer, type Place } from './gazetteer.ts';
import { foldName, nameWords } from './join-names.ts';
import {
  ALL_PLACES,
  type Occurrence,
  type Pending,
  resolvePending,
  toMentions,
} from './merge-occurrences.ts';
import { type Chunk, chunkText, findNameChunks, type Token, tokenize } from './name-chunks.ts';
import { findKnownOrg, findNewsOutlet } from './org-lookup.ts';
import { EVENT_WORDS, GENERIC_ORG_WORDS, GROUP_WORDS, ORG_WORDS } from './org-names.ts';
import { pickRole } from './pick-role.ts';
import { CAPITALS } from './place-aliases.ts';
import { dropSentenceStart, isEnglish, isRoleWord, isTitleCase, isWeakSentence } from './sentence-checks.ts';
import { splitSentences } from './split-sentences.ts';
import { looksLikeCommonWord, looksLikePerson, looksLikeVerb, tagTerms } from './tag-terms.ts';
import { planTagWindows } from './tag-windows.ts';

export type MentionSource = { title: string | null; text: string; outlet: string | null; cites: string[] };

const REGION_CUE = /^(?:province|region|state|governorate|county|district|oblast|prefecture)$/i;
const LOCATIVE_CUE = /^(?:in|near|from|to|across|throughout|of|outside|around|into)$/i;

const MAX_CHARS = 60_000;
const MAX_SENTENCE_CHARS = 1_500;
/**
 * People, organisations and places an article names, each once under its fullest form, with the
 * most informative role found and how often the article names it. Countries come as `place` when
 * used as a location and as `org` when acting as a party; they may be both. Ordered by first
 * appearance (title first), so earlier means more prominent.
 */
export function extractMentions(article: MentionSource): Mention[] {
  const body = typeof article?.text === 'string' ? article.text.slice(0, MAX_CHARS) : '';
  if (!isEnglish(body)) return [];
  const title = typeof article?.title === 'string' ? article.title.trim().slice(0, 1000) : '';
  // A "sentence" longer than any real one is page debris; its head is enough.
  const sentences = [...(title ? [title] : []), ...splitSentences(body)].map((s) =>
    s.slice(0, MAX_SENTENCE_CHARS),
  );
  if (sentences.length === 0) return [];
  const joinedText = sentences.join('\n');
  const sentenceTokens = sentences.map((s) => tokenize(s));
  const bases: number[] = [];
  let pos = 0;
  for (const s of sentences) {
    bases.push(pos);
    pos += s.length + 1;
  }
  const sentenceChunks = sentences.map((s, si) => findNameChunks(s, sentenceTokens[si]));
  const titleCase = sentenceTokens.map(isTitleCase);
  const plan = planTagWindows(sentences, sentenceTokens, sentenceChunks, bases, titleCase);
  const tags = tagTerms(joinedText, plan.windows, plan.presets);
  const gaz = getGazetteer();
  const isModifier = (w: string) => gaz.lookupDemonym(w) !== null || gaz.lookupPlace(w)?.kind === 'country';
  const acronyms = findAcronyms(sentences, sentenceChunks);
  const sourceNames = new Map<string, string>();
  for (const n of [article.outlet, ...(Array.isArray(article.cites) ? article.cites : [])])
    if (typeof n === 'string' && n.trim()) sourceNames.set(foldName(n), findNewsOutlet(n) ?? n.trim());
  const occurrences: Occurrence[] = [];
  const pending: Pending[] = [];

  sentences.forEach((sentence, si) => {
    const weight = isWeakSentence(sentence) ? 0 : 1;
    const tokens = sentenceTokens[si]!;
    const tagsAt = (t: Token) => tags(bases[si]! + t.start);
    const countryOf = (t: Token) => {
      const p = gaz.lookupPlace(t.text);
      return p?.kind === 'country' ? p.name : null;
    };
    const countriesHere: string[] = [];
    const isRoleModifier = (w: string, t?: Token) =>
      t && /^\p{Ll}/u.test(w) ? isRoleWord(tagsAt(t)) : isModifier(w);
    // Before a capitalised title only adjectives qualify it: "interim President", not "impeach President".
    const isTitleModifier = (w: string, t?: Token) =>
      t && /^\p{Ll}/u.test(w) ? isRoleWord(tagsAt(t)) && tagsAt(t).has('Adjective') : isModifier(w);
    const add = (o: Omit<Occurrence, 'order' | 'weight'>, ti: number) =>
      occurrences.push({ ...o, order: si * 10_000 + ti, weight });
    const addParty = (country: string, ti: number) =>
      add({ kind: 'org', name: country, role: null, country: null }, ti);

    if (titleCase[si]) {
      for (const t of tokens)
        if (/^\p{Lu}/u.test(t.text) && !looksLikeCommonWord(tagsAt(t)))
          pending.push({
            name: t.text,
            role: null,
            order: si * 10_000 + tokens.indexOf(t),
            weight,
            person: false,
            placeKinds: tagsAt(t).has('Place') ? ['city', 'area'] : ['area'],
          });
      return;
    }
    let previousPlace: Place | null = null;
    let previousEnd = -1;
    for (const chunk of sentenceChunks[si]!) {
      const toks = dropSentenceStart(sentence, tokens, chunk, tagsAt);
      if (toks.length === 0) continue;
      const firstIdx = tokens.indexOf(toks[0]!);
      const fullText = chunkText(sentence, toks);
      const qualifier =
        previousPlace &&
        previousPlace.kind !== 'country' &&
        /^,\s*$/.test(sentence.slice(previousEnd, chunk.start));
      previousPlace = null;
      previousEnd = chunk.end;

      // "Israel-Syria border", "Israel-Palestine": names joined by hyphens.
      if (toks.length === 1 && /\p{Lu}[^-]*-\p{Lu}/u.test(fullText)) {
        const parts = fullText.split('-').map((p) => gaz.lookupPlace(p));
        const next = tokens[chunk.last]?.text.toLowerCase();
        if (parts.length === 2 && parts.every((p) => p?.kind === 'country') && next === 'border')
          add(
            { kind: 'place', name: borderName(parts[0]!.name, parts[1]!.name), role: null, country: null },
            firstIdx,
          );
        continue;
      }

      const { title: titleWords, nameStart } = splitTitle(toks, isModifier);
      const nameToks = toks.slice(nameStart);
      if (nameToks.length === 0 || nameToks.every((t) => isTitleWord(t.text))) continue;
      const name = chunkText(sentence, nameToks);
      const nameIdx = tokens.indexOf(nameToks[0]!);
      const roles: (string | null)[] = [];
      if (titleWords) {
        const prefix = findRoleBefore(sentence, tokens, firstIdx, isTitleModifier, false);
        roles.push(prefix ? `${prefix} ${titleWords}` : titleWords);
      } else roles.push(findRoleBefore(sentence, tokens, nameIdx, isRoleModifier));
      roles.push(findRoleAfter(sentence, chunk.end));
      const role = pickRole(roles);

      // The article's outlet and the outlets it cites are organisations, whatever their names look like;
      // a cited name that reads like a person's stays a person (the cites list may hold reporters).
      const cited = sourceNames.get(foldName(fullText)) ?? sourceNames.get(foldName(name));
      const ownOutlet = cited !== undefined && foldName(cited) === foldName(article.outlet ?? '');
      if (cited && (ownOutlet || !nameToks.some((t) => looksLikePerson(tagsAt(t))))) {
        add({ kind: 'org', name: cited, role: null, country: null }, nameIdx);
        continue;
      }
      const known = findKnownOrg(name) ?? acronyms.get(name);
      if (known) {
        add({ kind: 'org', name: known, role: null, country: null }, nameIdx);
        continue;
      }
      const outlet = findNewsOutlet(fullText) ?? findNewsOutlet(name);
      if (outlet) {
        add({ kind: 'org', name: outlet, role: null, country: null }, nameIdx);
        continue;
      }
      const hasOrgWord = nameToks.some((t) => ORG_WORDS.has(t.text));
      const personSignal =
        Boolean(titleWords) ||
        (nameToks.length >= 2 &&
          nameToks.some((t) => looksLikePerson(tagsAt(t))) &&
          !nameToks.some((t) => isStrongPlace(gaz.lookupPlace(t.text))));
      const found = personSignal ? null : lookupChunkPlace(name, gaz);
      // "West Bank" is a place despite "Bank"; "Bank of Georgia" is not.
      const place = found && (!hasOrgWord || found.curated === true) ? found : null;

      if (place?.kind === 'country') {
        previousPlace = place;
        countriesHere.push(place.name);
        if (qualifier) continue; // "Riyadh, Saudi Arabia": the country only qualifies the city.
        const use = classifyCountryUse(
          sentence,
          tokens,
          nameIdx,
          chunk.last,
          tagsAt,
          (t) => countryOf(t) !== null,
        );
        if (use.place) add({ kind: 'place', name: place.name, role: null, country: place.name }, nameIdx);
        if (use.party) addParty(place.name, nameIdx);
        continue;
      }
      if (place) {
        previousPlace = place;
        const capitalOf = CAPITALS[place.name];
        if (capitalOf && nameToks.length === 1) {
          const next = tokens[chunk.last];
          const prev = tokens[nameIdx - 1]?.text.toLowerCase();
          const acts = (next && !nameToks[0]!.possessive && looksLikeVerb(tagsAt(next))) || prev === 'by';
          const possessiveParty = nameToks[0]!.possessive && next && PARTY_NOUNS.has(next.text.toLowerCase());
          if (acts || possessiveParty) {
            addParty(capitalOf, nameIdx);
            continue;
          }
        }
        if (nameToks.length === 1) {
          // A one-word city or region ("Man", "Western", "Meta") needs a sign that it is a place,
          // unless it is one of the places we list ourselves.
          const cue =
            place.curated === true ||
            tagsAt(nameToks[0]!).has('Place') ||
            LOCATIVE_CUE.test(tokens[nameIdx - 1]?.text ?? '') ||
            REGION_CUE.test(tokens[chunk.last]?.text ?? '');
          const placeKinds = cue ? ALL_PLACES : ALL_PLACES.filter((k) => k !== 'region' && k !== 'city');
          pending.push({
            name: place.name,
            role,
            order: si * 10_000 + nameIdx,
            weight,
            person: false,
            placeKinds,
          });
          continue;
        }
        add({ kind: 'place', name: place.name, role: null, country: place.country }, nameIdx);
        continue;
      }

      const demonym = nameToks.length === 1 ? gaz.lookupDemonym(name) : null;
      if (demonym) {
        if (actsAsParty(tokens, chunk.last, gaz)) addParty(demonym, nameIdx);
        continue;
      }
      if (hasOrgWord) {
        if (nameToks.length === 1 && GENERIC_ORG_WORDS.has(name)) continue;
        add(
          { kind: 'org', name: qualifyOrg(name, tokens, nameIdx, gaz), role: null, country: null },
          nameIdx,
        );
        continue;
      }
      if (nameToks.some((t) => GROUP_WORDS.has(t.text) || EVENT_WORDS.has(t.text))) continue;
      // "House of Representatives Speaker": a title whose holder is named elsewhere.
      if (nameToks.length >= 2 && isTitleWord(nameToks[nameToks.length - 1]!.text)) continue;
      const particle = nameToks.some((t) =>
        /^(al|el|bin|ibn|abu|van|von|de|da|di|del|der|ter|dos|du)(\b|-)/.test(t.text),
      );
      const placeWord = nameToks.some(
        (t) => gaz.lookupDemonym(t.text) || gaz.lookupPlace(t.text)?.kind === 'country',
      );
      const looksPerson =
        personSignal ||
        (nameToks.length >= 2 &&
          !placeWord &&
          (particle || role !== null || nameToks.some((t) => looksLikePerson(tagsAt(t)))));
      if (nameToks.length >= 2 && looksPerson && nameWords(name).length >= 2) {
        // "Cleveland DL Larry Ogunjobi": words before a first name describe the person.
        // "John Smith RRP": trailing capitals are no part of a person's name.
        while (nameToks.length > 2 && /^\p{Lu}{2,}$/u.test(nameToks[nameToks.length - 1]!.text))
          nameToks.pop();
        const name = chunkText(sentence, nameToks);
        const firstName = nameToks.findIndex((t) => tagsAt(t).has('FirstName'));
        const describes = (t: Token) => /^\p{Lu}{2,}$/u.test(t.text) || gaz.lookupPlace(t.text) !== null;
        if (
          firstName > 0 &&
          nameToks.length - firstName >= 2 &&
          !particle &&
          nameToks.slice(0, firstName).some(describes)
        ) {
          const prefix = chunkText(sentence, nameToks.slice(0, firstName));
          add(
            {
              kind: 'person',
              name: chunkText(sentence, nameToks.slice(firstName)),
              role: role ?? prefix,
              country: null,
            },
            nameIdx,
          );
        } else add({ kind: 'person', name, role, country: null }, nameIdx);
        continue;
      }
      if (nameToks.length === 1 || nameWords(name).length === 1)
        pending.push({
          name,
          role,
          order: si * 10_000 + nameIdx,
          weight,
          person: looksPerson || role !== null,
          placeKinds: ALL_PLACES,
        });
    }

    if (mentionsSharedBorder(sentence)) {
      const pair = borderPair(sentences, si, countriesHere, gaz);
      if (pair)
        add({ kind: 'place', name: borderName(pair[0], pair[1]), role: null, country: null }, tokens.length);
    }
  });

  resolvePending(pending, occurrences, gaz);
  return toMentions(occurrences);
}

/** A word that is surely a place, not also a first name or surname ("George", "Norton" are both). */
function isStrongPlace(p: Place | null): boolean {
  return p !== null && (p.kind === 'country' || p.curated === true);
}

/** "Syrian officials", "Israeli and Syrian security chiefs": a demonym standing for its government. */
function actsAsParty(tokens: Token[], from: number, gaz: ReturnType<typeof getGazetteer>): boolean {
  for (let k = from; k < Math.min(tokens.length, from + 4); k++) {
    const w = tokens[k]!.text;
    if (PARTY_NOUNS.has(w.toLowerCase())) return true;
    if (w === 'and' || gaz.lookupDemonym(w) || /^\p{Ll}/u.test(w)) continue;
    return false;
  }
  return false;
}

/** "Israel's Foreign Ministry" → "Israel Foreign Ministry": a bare ministry name says too little. */
function qualifyOrg(
  name: string,
  tokens: Token[],
  idx: number,
  gaz: ReturnType<typeof getGazetteer>,
): string {
  const prev = tokens[idx - 1];
  if (!prev?.possessive) return name;
  const country = gaz.lookupPlace(prev.text);
  return country?.kind === 'country' ? `${country.name} ${name}` : name;
}

function lookupChunkPlace(name: string, gaz: ReturnType<typeof getGazetteer>): Place | null {
  const direct = gaz.lookupPlace(name);
  if (direct) return direct;
  const words = name.split(' ');
  if (words.length > 1 && gaz.lookupDemonym(words[0]!)) return gaz.lookupPlace(words.slice(1).join(' '));
  return null;
}

/** "Long Name (LN)" definitions, so a later "LN" joins "Long Name". */
function findAcronyms(sentences: string[], chunks: Chunk[][]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [si, s] of sentences.entries()) {
    if (!s.includes('(')) continue;
    for (const chunk of chunks[si]!) {
      const m = s.slice(chunk.end).match(/^\s*\((\p{Lu}{2,6})\)/u);
      if (!m?.[1]) continue;
      const name = chunkText(s, chunk.tokens);
      const initials = nameWords(name)
        .map((w) => w[0])
        .join('');
      if (initials.toUpperCase().endsWith(m[1]) || initials.toUpperCase() === m[1])
        out.set(m[1], findKnownOrg(name) ?? name);
    }
  }
  return out;
}

/** The two countries a "shared border" lies between: named in this sentence, else just before. */
function borderPair(
  sentences: string[],
  si: number,
  here: string[],
  gaz: ReturnType<typeof getGazetteer>,
): [string, string] | null {
  const uniq = (xs: string[]) => [...new Set(xs)];
  if (uniq(here).length >= 2) return [uniq(here)[0]!, uniq(here)[1]!];
  if (/\bbetween\b/i.test(sentences[si] ?? '') && !/\bbetween\s+the\s+two\b/i.test(sentences[si] ?? ''))
    return null;
  for (let k = si - 1; k >= Math.max(0, si - 2); k--) {
    const found = uniq(
      tokenize(sentences[k]!)
        .map((t) => gaz.lookupPlace(t.text))
        .filter((p) => p?.kind === 'country')
        .map((p) => p!.name),
    );
    if (found.length >= 2) return [found[0]!, found[1]!];
  }
  return null;
}
