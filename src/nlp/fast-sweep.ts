/**
 * compromise's bulk matcher (the heart of its post-tagger), with the same results in the same order,
 * but finding each sentence's candidate rules from the words and tags the sentence has instead of
 * testing all ~700 rule keys against every sentence — which cost a third of its tagging time.
 */

import { type Lead, leadOf, type MatchTerm, ruleOutMatch } from './rule-out-match.ts';

type Rule = {
  match: string;
  needs: string[];
  ifNo?: string[];
  wants: string[];
  minWant: number;
  minWords: number;
  unTag?: unknown;
  regs?: Record<string, unknown>[];
};
type Net = { hooks: Record<string, Rule[]>; always: Rule[] };
type Found = Rule & { pointer: number[] };
type MatchResult = { ptrs: number[][] };
type Methods = {
  one: {
    cacheDoc(document: unknown[][]): Set<string>[];
    match(document: unknown[][], rule: Rule): MatchResult;
    bulkMatch?: unknown;
  };
};
type Options = { matchOne?: boolean };

/** Tags most English sentences have, commonest first: a rule needing one is filed under a rarer need. */
const COMMON_TAGS = [
  'Noun',
  'Singular',
  'Verb',
  'ProperNoun',
  'PresentTense',
  'Determiner',
  'Preposition',
  'Adjective',
  'PastTense',
  'Conjunction',
  'Infinitive',
  'Plural',
  'Pronoun',
  'Value',
  'Copula',
  'Adverb',
].map((t) => `#${t}`);

/** How common a key is likely to be: words least, then tags, then the commonest tags. */
function commonness(key: string): number {
  if (!key.startsWith('#')) return 0;
  const i = COMMON_TAGS.indexOf(key);
  return i < 0 ? 1 : 2 + COMMON_TAGS.length - i;
}

/**
 * A net's rules, each filed under one key a sentence must have for it to fit: its rarest need, else
 * each of its wants. `rank` is where compromise would first meet the rule walking the net's keys in
 * order; it sorts the ones that fit.
 */
type Index = {
  triggers: Map<string, Entry[]>;
  /** Per rule, the last sentence (stamp) it was a candidate for: a rule filed under several wants runs once. */
  stamps: Int32Array;
  stamp: number;
  /** Per rule, its rank for the sentence at hand (scratch space for sorting). */
  ranks: Float64Array;
};
/**
 * A rule with the keys it is filed under in the net, as [key, rank] by rank, and its needs other than
 * the one it is filed under, rarest first (checked in that order, so a misfit fails fast).
 */
type Entry = {
  rule: Rule;
  id: number;
  keys: [string, number][];
  otherNeeds: string[];
  // The rule's fields again, on objects of one shape (compromise's rules come in many).
  ifNo: string[];
  wants: string[];
  minWant: number;
  minWords: number;
  lead: Lead | null;
};
const indexes = new WeakMap<Net, Index>();

function indexOf(net: Net): Index {
  let index = indexes.get(net);
  if (index) return index;
  const entries = new Map<string, Entry>();
  let rank = 0;
  for (const [key, rules] of Object.entries(net.hooks))
    for (const rule of rules) {
      let entry = entries.get(rule.match);
      if (!entry) {
        entry = {
          rule,
          id: entries.size,
          keys: [],
          otherNeeds: [],
          ifNo: rule.ifNo ?? [],
          wants: rule.wants,
          minWant: rule.minWant,
          minWords: rule.minWords,
          lead: rule.regs ? leadOf(rule.regs) : null,
        };
        entries.set(rule.match, entry);
      }
      entry.keys.push([key, rank++]);
    }
  const triggers = new Map<string, Entry[]>();
  const file = (key: string, e: Entry) => {
    const list = triggers.get(key);
    if (list) list.push(e);
    else triggers.set(key, [e]);
  };
  for (const e of entries.values()) {
    const needs = [...new Set(e.rule.needs)].sort((a, b) => commonness(a) - commonness(b));
    const trigger = needs.shift();
    e.otherNeeds = needs;
    if (trigger !== undefined) file(trigger, e);
    else for (const w of new Set(e.rule.wants)) file(w, e);
  }
  index = {
    triggers,
    stamps: new Int32Array(entries.size),
    stamp: 0,
    ranks: new Float64Array(entries.size),
  };
  indexes.set(net, index);
  return index;
}

/** Whether a rule filed under a key the sentence has may match it: compromise's own checks. */
function fits(e: Entry, haves: Set<string>, termCount: number): boolean {
  if (termCount < e.minWords) return false;
  for (const need of e.otherNeeds) if (!haves.has(need)) return false;
  for (const no of e.ifNo) if (haves.has(no)) return false;
  if (e.wants.length === 0) return true;
  let found = 0;
  for (const w of e.wants) if (haves.has(w) && ++found >= e.minWant) return true;
  return found >= e.minWant;
}

function rankIn(entry: Entry, haves: Set<string>): number {
  for (const [key, rank] of entry.keys) if (haves.has(key)) return rank;
  return Number.MAX_SAFE_INTEGER;
}

/** The net's rules worth trying on one sentence, in the order compromise would try them. */
function candidates(index: Index, haves: Set<string>, termCount: number): Entry[] {
  if (index.stamp === 0x7fffffff) {
    index.stamps.fill(0);
    index.stamp = 0;
  }
  const stamp = ++index.stamp;
  const found: Entry[] = [];
  for (const h of haves) {
    const list = index.triggers.get(h);
    if (!list) continue;
    for (const e of list) {
      if (index.stamps[e.id] === stamp) continue;
      index.stamps[e.id] = stamp;
      if (fits(e, haves, termCount)) found.push(e);
    }
  }
  if (found.length > 1) {
    const ranks = index.ranks;
    for (const e of found) ranks[e.id] = rankIn(e, haves);
    found.sort((a, b) => ranks[a.id]! - ranks[b.id]!);
  }
  return found;
}

function addFound(results: Found[], rule: Rule, res: MatchResult, n: number): void {
  for (const ptr of res.ptrs) {
    ptr[0] = n;
    const todo: Found = Object.assign({}, rule, { pointer: ptr });
    if (rule.unTag !== undefined) todo.unTag = rule.unTag;
    results.push(todo);
  }
}

export function bulkMatch(document: unknown[][], net: Net, methods: Methods, opts: Options = {}): Found[] {
  const index = indexOf(net);
  const docCache = methods.one.cacheDoc(document);
  const results: Found[] = [];
  for (let n = 0; n < document.length; n++) {
    const terms = document[n]! as MatchTerm[];
    const contracted = terms.some((t) => t.implicit);
    for (const e of candidates(index, docCache[n]!, terms.length)) {
      if (e.lead && ruleOutMatch(terms, e.lead, contracted)) continue;
      const res = methods.one.match([terms], e.rule);
      if (res.ptrs.length === 0) continue;
      addFound(results, e.rule, res, n);
      if (opts.matchOne === true) return [results[0]!];
    }
    for (const rule of net.always) {
      if (terms.length < rule.minWords) continue;
      const res = methods.one.match([terms], rule);
      if (res.ptrs.length === 0) continue;
      addFound(results, rule, res, n);
      if (opts.matchOne === true) return [results[0]!];
    }
  }
  return results;
}

/** Puts the faster matcher into a compromise instance (once; the results do not change). */
export function installBulkMatch(methods: Methods): void {
  if (methods.one.bulkMatch !== bulkMatch) methods.one.bulkMatch = bulkMatch;
}
