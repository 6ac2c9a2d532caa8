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

/** A net's rule lists by key, in the net's key order, each rule with a number per match text. */
type Order = {
  index: Map<string, number>;
  lists: { rule: Rule; id: number }[][];
  /** Per match text, the last sentence (stamp) it was a candidate for: rules run once per sentence. */
  stamps: Int32Array;
  stamp: number;
};
const orders = new WeakMap<Net, Order>();

function orderOf(net: Net): Order {
  let order = orders.get(net);
  if (!order) {
    const keys = Object.keys(net.hooks);
    const ids = new Map<string, number>();
    const lists = keys.map((k) =>
      net.hooks[k]!.map((rule) => {
        let id = ids.get(rule.match);
        if (id === undefined) {
          id = ids.size;
          ids.set(rule.match, id);
        }
        return { rule, id };
      }),
    );
    order = { index: new Map(keys.map((k, i) => [k, i])), lists, stamps: new Int32Array(ids.size), stamp: 0 };
    orders.set(net, order);
  }
  return order;
}

function fits(rule: Rule, haves: Set<string>, termCount: number): boolean {
  if (termCount < rule.minWords) return false;
  for (const need of rule.needs) if (!haves.has(need)) return false;
  if (rule.ifNo) for (const no of rule.ifNo) if (haves.has(no)) return false;
  if (rule.wants.length === 0) return true;
  let found = 0;
  for (const w of rule.wants) if (haves.has(w) && ++found >= rule.minWant) return true;
  return found >= rule.minWant;
}

/** The rules worth trying on one sentence, in the order compromise would try them. */
function candidates(net: Net, haves: Set<string>, termCount: number): Rule[] {
  const order = orderOf(net);
  const hit: number[] = [];
  for (const h of haves) {
    const i = order.index.get(h);
    if (i !== undefined) hit.push(i);
  }
  hit.sort((a, b) => a - b);
  if (order.stamp === 0x7fffffff) {
    order.stamps.fill(0);
    order.stamp = 0;
  }
  const stamp = ++order.stamp;
  const out: Rule[] = [];
  for (const i of hit)
    for (const { rule, id } of order.lists[i]!) {
      if (order.stamps[id] === stamp) continue;
      order.stamps[id] = stamp;
      if (fits(rule, haves, termCount)) out.push(rule);
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
