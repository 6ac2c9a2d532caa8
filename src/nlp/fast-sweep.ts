/**
 * compromise's bulk matcher (the heart of its post-tagger), with the same results in the same order,
 * but finding each sentence's candidate rules from the words and tags the sentence has instead of
 * testing all ~700 rule keys against every sentence — which cost a third of its tagging time.
 */

type Rule = {
  match: string;
  needs: string[];
  ifNo?: string[];
  wants: string[];
  minWant: number;
  minWords: number;
  unTag?: unknown;
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

/** Each net's rule keys in their order, so candidates come out as compromise orders them. */
const keyOrders = new WeakMap<Net, { index: Map<string, number>; keys: string[] }>();

function keyOrder(net: Net) {
  let order = keyOrders.get(net);
  if (!order) {
    const keys = Object.keys(net.hooks);
    order = { index: new Map(keys.map((k, i) => [k, i])), keys };
    keyOrders.set(net, order);
  }
  return order;
}

function candidates(net: Net, haves: Set<string>, termCount: number): Rule[] {
  const { index, keys } = keyOrder(net);
  const hit: number[] = [];
  for (const h of haves) {
    const i = index.get(h);
    if (i !== undefined) hit.push(i);
  }
  hit.sort((a, b) => a - b);
  const seen = new Set<string>();
  const out: Rule[] = [];
  for (const i of hit)
    for (const rule of net.hooks[keys[i]!]!) {
      if (seen.has(rule.match)) continue;
      seen.add(rule.match);
      if (!rule.needs.every((need) => haves.has(need))) continue;
      if (rule.ifNo?.some((no) => haves.has(no))) continue;
      if (rule.wants.length > 0 && rule.wants.filter((w) => haves.has(w)).length < rule.minWant) continue;
      if (termCount >= rule.minWords) out.push(rule);
    }
  for (const rule of net.always) if (termCount >= rule.minWords) out.push(rule);
  return out;
}

export function bulkMatch(document: unknown[][], net: Net, methods: Methods, opts: Options = {}): Found[] {
  const docCache = methods.one.cacheDoc(document);
  const results: Found[] = [];
  for (let n = 0; n < document.length; n++) {
    for (const rule of candidates(net, docCache[n]!, document[n]!.length)) {
      const res = methods.one.match([document[n]!], rule);
      if (res.ptrs.length === 0) continue;
      for (const ptr of res.ptrs) {
        ptr[0] = n;
        const todo: Found = Object.assign({}, rule, { pointer: ptr });
        if (rule.unTag !== undefined) todo.unTag = rule.unTag;
        results.push(todo);
      }
      if (opts.matchOne === true) return [results[0]!];
    }
  }
  return results;
}

/** Puts the faster matcher into a compromise instance (once; the results do not change). */
export function installBulkMatch(methods: Methods): void {
  if (methods.one.bulkMatch !== bulkMatch) methods.one.bulkMatch = bulkMatch;
}
