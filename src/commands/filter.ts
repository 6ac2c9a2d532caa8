import { normalizeSearchText } from '../store/search-store.ts';
import type { Digest } from '../types.ts';

/** Which part of a digest a term is looked for in; `any` is headline, what, names, places and outlets. */
export type FilterField = 'any' | 'who' | 'where' | 'outlet';

/** A parsed channel filter: words and phrases combined with AND / OR / NOT. Never a user regex. */
export type Filter =
  | { kind: 'term'; field: FilterField; value: string; phrase: boolean }
  | { kind: 'and'; items: Filter[] }
  | { kind: 'or'; items: Filter[] }
  | { kind: 'not'; item: Filter };

export type ParseFilterResult = { ok: true; filter: Filter } | { ok: false; error: string };

export const FILTER_LIMITS = { maxChars: 500, maxTerms: 32, maxDepth: 8 } as const;

type Token =
  | { type: 'open' | 'close' | 'and' | 'or' | 'not'; at: number; raw: string }
  | { type: 'term'; at: number; raw: string; field: FilterField; value: string; phrase: boolean };

const FIELDS = new Map<string, FilterField>([
  ['who', 'who'],
  ['where', 'where'],
  ['outlet', 'outlet'],
]);
const OPERATORS = new Map<string, 'and' | 'or' | 'not'>([
  ['AND', 'and'],
  ['OR', 'or'],
  ['NOT', 'not'],
]);

class FilterSyntaxError extends Error {}

/** Lower case, accents and punctuation removed, single spaces: the form terms are matched in (as search). */
export const normalizeFilterText = normalizeSearchText;

function readQuoted(text: string, start: number): { value: string; end: number } {
  const close = text.indexOf('"', start + 1);
  if (close < 0) throw new FilterSyntaxError(`unclosed quote at "${text.slice(start, start + 20)}"`);
  return { value: text.slice(start + 1, close), end: close + 1 };
}

function makeTerm(raw: string, at: number, field: FilterField, value: string, phrase: boolean): Token {
  const normal = normalizeFilterText(value);
  if (!normal) {
    throw new FilterSyntaxError(
      field === 'any'
        ? `"${raw}" has no letters or digits to match`
        : `"${raw}" needs a value after ${field}:`,
    );
  }
  return { type: 'term', at, raw, field, value: normal, phrase: phrase || normal.includes(' ') };
}

function tokenize(input: string): Token[] {
  const text = input.replace(/[“”]/g, '"');
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')') {
      tokens.push({ type: ch === '(' ? 'open' : 'close', at: i, raw: ch });
      i++;
      continue;
    }
    if (ch === '"') {
      const { value, end } = readQuoted(text, i);
      tokens.push(makeTerm(text.slice(i, end), i, 'any', value, true));
      i = end;
      continue;
    }
    if (ch === '-' && i + 1 < text.length && /[^\s()-]/.test(text[i + 1] as string)) {
      tokens.push({ type: 'not', at: i, raw: '-' });
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && !/[\s()"]/.test(text[end] as string)) end++;
    const word = text.slice(i, end);
    const operator = OPERATORS.get(word.toUpperCase());
    if (operator) {
      tokens.push({ type: operator, at: i, raw: word });
      i = end;
      continue;
    }
    const colon = word.indexOf(':');
    const fieldName = colon > 0 ? word.slice(0, colon).toLowerCase() : '';
    if (colon > 0 && /^\p{L}+$/u.test(fieldName) && !FIELDS.has(fieldName)) {
      throw new FilterSyntaxError(`unknown field "${word.slice(0, colon)}:" (use who:, where: or outlet:)`);
    }
    if (colon > 0 && FIELDS.has(fieldName)) {
      const field = FIELDS.get(fieldName) as FilterField;
      if (colon === word.length - 1 && text[end] === '"') {
        const quoted = readQuoted(text, end);
        tokens.push(makeTerm(text.slice(i, quoted.end), i, field, quoted.value, true));
        i = quoted.end;
        continue;
      }
      tokens.push(makeTerm(word, i, field, word.slice(colon + 1), false));
      i = end;
      continue;
    }
    tokens.push(makeTerm(word, i, 'any', word, false));
    i = end;
  }
  return tokens;
}

/** Recursive descent: or := and (OR and)*; and := not (AND? not)*; not := NOT not | primary. */
function parseTokens(tokens: Token[]): Filter {
  let pos = 0;
  let depth = 0;
  const peek = () => tokens[pos];
  const describe = (t: Token | undefined) => (t ? `"${t.raw}"` : 'the end');

  function parseOr(): Filter {
    const items = [parseAnd()];
    while (peek()?.type === 'or') {
      const op = peek() as Token;
      pos++;
      if (!peek()) throw new FilterSyntaxError(`${op.raw} at position ${op.at + 1} needs a word after it`);
      items.push(parseAnd());
    }
    return items.length === 1 ? (items[0] as Filter) : { kind: 'or', items };
  }
  function parseAnd(): Filter {
    const items = [parseNot()];
    for (;;) {
      const t = peek();
      if (!t || t.type === 'or' || t.type === 'close') break;
      if (t.type === 'and') {
        pos++;
        if (!peek()) throw new FilterSyntaxError(`${t.raw} at position ${t.at + 1} needs a word after it`);
      }
      items.push(parseNot());
    }
    return items.length === 1 ? (items[0] as Filter) : { kind: 'and', items };
  }
  function parseNot(): Filter {
    const t = peek();
    if (t?.type === 'not') {
      pos++;
      if (!peek() || ['and', 'or', 'close'].includes(peek()?.type as string)) {
        throw new FilterSyntaxError(`${t.raw} needs a word after it, found ${describe(peek())}`);
      }
      return { kind: 'not', item: parseNot() };
    }
    return parsePrimary();
  }
  function parsePrimary(): Filter {
    const t = peek();
    if (!t) throw new FilterSyntaxError('expected a word at the end');
    if (t.type === 'term') {
      pos++;
      return { kind: 'term', field: t.field, value: t.value, phrase: t.phrase };
    }
    if (t.type === 'open') {
      pos++;
      depth++;
      if (depth > FILTER_LIMITS.maxDepth) {
        throw new FilterSyntaxError(`parentheses nested deeper than ${FILTER_LIMITS.maxDepth}`);
      }
      if (peek()?.type === 'close') throw new FilterSyntaxError(`empty parentheses at position ${t.at + 1}`);
      const inner = parseOr();
      if (peek()?.type !== 'close') {
        throw new FilterSyntaxError(`unclosed "(" at position ${t.at + 1}`);
      }
      pos++;
      depth--;
      return inner;
    }
    if (t.type === 'close') throw new FilterSyntaxError(`unmatched ")" at position ${t.at + 1}`);
    throw new FilterSyntaxError(`${t.raw} at position ${t.at + 1} needs a word before and after it`);
  }

  const filter = parseOr();
  const rest = peek();
  if (rest) throw new FilterSyntaxError(`unexpected ${describe(rest)} at position ${rest.at + 1}`);
  return filter;
}

/** Parses a channel filter such as `ceasefire OR "peace talks" NOT sport who:"Ana Díaz" where:Berlin`. */
export function parseFilter(text: string): ParseFilterResult {
  if (typeof text !== 'string') return { ok: false, error: 'filter: not text' };
  if (text.length > FILTER_LIMITS.maxChars) {
    return {
      ok: false,
      error: `filter is ${text.length} characters long; at most ${FILTER_LIMITS.maxChars}`,
    };
  }
  if (!text.trim()) return { ok: false, error: 'filter is empty' };
  try {
    const tokens = tokenize(text);
    const terms = tokens.filter((t) => t.type === 'term').length;
    if (terms > FILTER_LIMITS.maxTerms) {
      return { ok: false, error: `filter has ${terms} terms; at most ${FILTER_LIMITS.maxTerms}` };
    }
    return { ok: true, filter: parseTokens(tokens) };
  } catch (err) {
    if (err instanceof FilterSyntaxError) return { ok: false, error: `filter: ${err.message}` };
    throw err;
  }
}

type Haystacks = Record<FilterField, string[]>;

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

function haystacksOf(digest: Digest): Haystacks {
  const who = digest.who.map((p) => normalizeFilterText([p.name, p.role ?? ''].join(' ')));
  const where = digest.where.map((p) => normalizeFilterText([p.name, p.country ?? ''].join(' ')));
  const outlet = digest.sources.flatMap((s) =>
    [s.outlet, hostOf(s.url), ...s.cites].filter((v): v is string => Boolean(v)).map(normalizeFilterText),
  );
  const any = [
    normalizeFilterText(digest.headline),
    normalizeFilterText(digest.what),
    ...who,
    ...where,
    ...outlet,
  ];
  return { any, who, where, outlet };
}

function containsWords(haystack: string, needle: string): boolean {
  return ` ${haystack} `.includes(` ${needle} `);
}

function describeTerm(t: Extract<Filter, { kind: 'term' }>): string {
  const value = t.phrase ? `"${t.value}"` : t.value;
  return t.field === 'any' ? value : `${t.field}:${value}`;
}

/** The filter written back in a canonical form (lower case, accents removed, explicit operators). */
export function formatFilter(filter: Filter): string {
  switch (filter.kind) {
    case 'term':
      return describeTerm(filter);
    case 'not':
      return `NOT ${wrap(filter.item)}`;
    case 'and':
      return filter.items.map(wrap).join(' AND ');
    case 'or':
      return filter.items.map(wrap).join(' OR ');
  }
}

function wrap(f: Filter): string {
  return f.kind === 'and' || f.kind === 'or' ? `(${formatFilter(f)})` : formatFilter(f);
}

type Verdict = { pass: boolean; why: string };

function judge(filter: Filter, hay: Haystacks): Verdict {
  switch (filter.kind) {
    case 'term': {
      const found = hay[filter.field].some((h) => containsWords(h, filter.value));
      const label = describeTerm(filter);
      return { pass: found, why: found ? `${label} matched` : `no ${label}` };
    }
    case 'not': {
      const inner = judge(filter.item, hay);
      return {
        pass: !inner.pass,
        why: inner.pass ? `NOT ${wrap(filter.item)} failed (${inner.why})` : `NOT ${wrap(filter.item)} held`,
      };
    }
    case 'and': {
      const verdicts = filter.items.map((f) => judge(f, hay));
      const failed = verdicts.find((v) => !v.pass);
      return failed ? failed : { pass: true, why: verdicts.map((v) => v.why).join(', ') };
    }
    case 'or': {
      const verdicts = filter.items.map((f) => judge(f, hay));
      const passed = verdicts.find((v) => v.pass);
      return passed ? passed : { pass: false, why: verdicts.map((v) => v.why).join(', ') };
    }
  }
}

/** True when the digest passes the filter. Matches whole words and phrases, case- and accent-insensitively. */
export function matchesFilter(filter: Filter, digest: Digest): boolean {
  return judge(filter, haystacksOf(digest)).pass;
}

/** One line saying which term let the digest in or kept it out. */
export function explainFilter(filter: Filter, digest: Digest): string {
  const verdict = judge(filter, haystacksOf(digest));
  return `${verdict.pass ? 'let in' : 'kept out'}: ${verdict.why}`;
}
