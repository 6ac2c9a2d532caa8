import type { EntityFeature } from './entity-keys.ts';
import { createProfileArena, ENTITIES, LEAD_PLACES, TERMS } from './profile-arena.ts';

/** What the index knows of one article: lead terms, entity features and its time (ms, NaN if unknown). */
export type ArticleFeatures = {
  terms: Map<string, number>;
  entities: EntityFeature[];
  time: number;
};

export type Similarity = {
  score: number;
  termSim: number;
  entitySim: number;
  /** Days between the article and the story's span; NaN when either time is unknown. */
  gapDays: number;
  /** Days from the story's first article to this one (negative when earlier); NaN when unknown. */
  ageDays: number;
  /** The article's lead names a place the story never names, and the story's lead places are absent here. */
  newPlace: boolean;
};

export type CandidateIndexOptions = {
  maxTerms?: number;
  maxEntities?: number;
  /** Postings scanned per key, newest first: the newest stories carrying a key are the likely ones. */
  postingsScan?: number;
  /** Keys carried by more than this share of articles are not looked up (once 200+ articles are in). */
  commonShare?: number;
  /** Candidates scored in full. */
  maxCandidates?: number;
  /** Stories further than this from the article are not candidates. */
  windowDays?: number;
  /**
   * Documents assumed to carry none of the terms, added to the count: keeps a young store's IDF from
   * treating every shared word as worthless (with 5 articles on one affair, all of them share "talks").
   */
  idfPrior?: number;
};

const DAY = 86_400_000;

function topEntries(weights: Map<number, number>, cap: number): [number, number][] {
  const entries = [...weights].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, cap);
  return entries.sort((a, b) => a[0] - b[0]);
}

function grow<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * The in-memory candidate index: an interned vocabulary with document frequencies, one compact profile per
 * story, and postings from each term / entity key to the stories carrying it. Stories are numbered in
 * creation order, so the tail of a posting list holds the newest stories.
 */
export function createCandidateIndex(options: CandidateIndexOptions = {}) {
  const maxTerms = options.maxTerms ?? 64;
  const maxEntities = options.maxEntities ?? 40;
  const postingsScan = options.postingsScan ?? 120;
  const commonShare = options.commonShare ?? 0.08;
  const maxCandidates = options.maxCandidates ?? 30;
  const windowMs = (options.windowDays ?? 60) * DAY;
  const idfPrior = options.idfPrior ?? 20;

  const vocab = new Map<string, number>();
  let df = new Int32Array(1024);
  /** log(df + 1) per key, kept with `df`: idf costs a subtraction, not a logarithm, per comparison. */
  let logDf = new Float64Array(1024);
  let docs = 0;
  let logDocs = Math.log(idfPrior + 1);
  /** Story profiles by story index: capped, id-sorted sparse vectors of summed article weights. */
  const arena = createProfileArena();
  let stories = 0;
  /** Each story's time span (ms, NaN if unknown), apart from the profiles so scans stay in one array. */
  let spanFirst = new Float64Array(1024);
  let spanLast = new Float64Array(1024);
  let live = 0;
  /** Evictions since the postings were last swept of dead entries. */
  let evictedSinceSweep = 0;
  /** While the index is rebuilt, postings wait: built once at the end, each list at its final size. */
  let postingsHeld = false;
  const postings = new Map<number, number[]>();
  /** Postings entries visited by lookups so far: the work that must stay flat as the store grows. */
  let scanned = 0;

  const intern = (key: string): number => {
    let id = vocab.get(key);
    if (id === undefined) {
      id = vocab.size;
      vocab.set(key, id);
      if (id >= df.length) {
        df = grow(df, new Int32Array(df.length * 2));
        logDf = grow(logDf, new Float64Array(logDf.length * 2));
      }
    }
    return id;
  };
  const idf = (id: number): number => logDocs - logDf[id]! + 1;

  /** An article's keys as interned ids, built once per features object. */
  type Interned = {
    terms: Map<number, number>;
    entities: Map<number, number>;
    docs: number;
    norms: number[];
  };
  const interned = new WeakMap<ArticleFeatures, Interned>();
  const internOf = (f: ArticleFeatures): Interned => {
    let found = interned.get(f);
    if (!found) {
      const terms = new Map<number, number>();
      for (const [t, w] of f.terms) terms.set(intern(`t:${t}`), w);
      const entities = new Map<number, number>();
      for (const e of f.entities) entities.set(intern(e.key), e.weight);
      found = { terms, entities, docs: -1, norms: [0, 0] };
      interned.set(f, found);
    }
    return found;
  };
  const weightedTerms = (f: ArticleFeatures) => internOf(f).terms;
  const weightedEntities = (f: ArticleFeatures) => internOf(f).entities;
  /** The article's tf-idf norms (terms, entities), recomputed only when the document count moved. */
  const normsOf = (f: ArticleFeatures): number[] => {
    const a = internOf(f);
    if (a.docs !== docs) {
      a.norms = [a.terms, a.entities].map((m) => {
        let n = 0;
        for (const [id, w] of m) n += (w * idf(id)) ** 2;
        return Math.sqrt(n);
      });
      a.docs = docs;
    }
    return a.norms;
  };
  const leadPlaces = (f: ArticleFeatures): number[] =>
    f.entities.filter((e) => e.kind === 'place' && !e.background && e.inLead).map((e) => intern(e.key));

  const partIds = (story: number, part: typeof TERMS): number[] => {
    const off = arena.offset(story, part);
    return Array.from(arena.ids().subarray(off, off + arena.length(story, part)));
  };
  const partMap = (story: number, part: typeof TERMS): Map<number, number> => {
    const off = arena.offset(story, part);
    const [ids, weights] = [arena.ids(), arena.weights()];
    const m = new Map<number, number>();
    for (let i = off; i < off + arena.length(story, part); i++) m.set(ids[i]!, weights[i]!);
    return m;
  };

  function cosine(article: Map<number, number>, normA: number, story: number, part: typeof TERMS): number {
    const ids = arena.ids();
    const weights = arena.weights();
    const off = arena.offset(story, part);
    const end = off + arena.length(story, part);
    let dot = 0;
    let normS = 0;
    for (let i = off; i < end; i++) {
      const id = ids[i]!;
      const g = idf(id);
      const ws = weights[i]! * g;
      normS += ws * ws;
      const wa = article.get(id);
      if (wa !== undefined) dot += wa * g * ws;
    }
    return dot === 0 ? 0 : dot / (normA * Math.sqrt(normS));
  }

  function gapDays(story: number, time: number): number {
    const first = spanFirst[story]!;
    if (Number.isNaN(time) || Number.isNaN(first)) return Number.NaN;
    if (time < first) return (first - time) / DAY;
    const last = spanLast[story]!;
    if (time > last) return (time - last) / DAY;
    return 0;
  }

  /** Drops evicted stories from every posting list, and lists left empty. */
  function sweepPostings() {
    for (const [id, list] of postings) {
      // In place: a new array per list would leave the old ones as garbage all over the heap.
      let kept = 0;
      for (const story of list) if (arena.has(story)) list[kept++] = story;
      if (kept === 0) postings.delete(id);
      else list.length = kept;
    }
    evictedSinceSweep = 0;
  }

  function postTo(story: number, ids: Iterable<number>) {
    if (postingsHeld) return;
    for (const id of ids) {
      const list = postings.get(id);
      if (!list) postings.set(id, [story]);
      else if (list[list.length - 1] !== story) {
        list.push(story);
        // Lookups read only the newest `postingsScan` entries: older ones are dead weight.
        if (list.length >= 2 * postingsScan) list.splice(0, list.length - postingsScan);
      }
    }
  }

  /** Postings of every live story's current keys, in story order, the newest `postingsScan` per key. */
  function buildPostings() {
    postings.clear();
    const counts = new Map<number, number>();
    const keysOf = (story: number): number[] => [...partIds(story, TERMS), ...partIds(story, ENTITIES)];
    for (let story = 0; story < stories; story++)
      if (arena.has(story)) for (const id of keysOf(story)) counts.set(id, (counts.get(id) ?? 0) + 1);
    const filled = new Map<number, number>();
    for (let story = 0; story < stories; story++) {
      if (!arena.has(story)) continue;
      for (const id of keysOf(story)) {
        const n = counts.get(id)!;
        const seen = filled.get(id) ?? 0;
        filled.set(id, seen + 1);
        const skip = n - Math.min(n, postingsScan);
        if (seen < skip) continue;
        let list = postings.get(id);
        if (!list) {
          list = new Array<number>(n - skip);
          postings.set(id, list);
        }
        list[seen - skip] = story;
      }
    }
    postingsHeld = false;
    evictedSinceSweep = 0;
  }

  return {
    /** Holds postings back while many stories are added at once (a rebuild); `buildPostings` ends it. */
    holdPostings() {
      postingsHeld = true;
      postings.clear();
    },
    buildPostings,

    /** Stories ever added, evicted ones included. */
    get size() {
      return stories;
    },
    /** Stories held (not evicted). */
    get liveSize() {
      return live;
    },
    get articleCount() {
      return docs;
    },
    get vocabularySize() {
      return vocab.size;
    },
    get postingsScanned() {
      return scanned;
    },

    /** Counts an article's keys into the document frequencies (once per article, not per revision). */
    countDocument(f: ArticleFeatures) {
      docs++;
      logDocs = Math.log(docs + idfPrior + 1);
      const seen = new Set<number>();
      for (const t of f.terms.keys()) seen.add(intern(`t:${t}`));
      for (const e of f.entities) seen.add(intern(e.key));
      for (const id of seen) logDf[id] = Math.log(++df[id]! + 1);
    },

    /** Adds a new story holding one article; returns its index. */
    addStory(f: ArticleFeatures): number {
      const index = arena.add();
      stories++;
      const terms = topEntries(weightedTerms(f), maxTerms);
      const entities = topEntries(weightedEntities(f), maxEntities);
      arena.write(index, TERMS, terms);
      arena.write(index, ENTITIES, entities);
      arena.write(
        index,
        LEAD_PLACES,
        [...new Set(leadPlaces(f))].map((id) => [id, 0] as const),
      );
      arena.countArticle(index);
      if (index >= spanFirst.length) {
        spanFirst = grow(spanFirst, new Float64Array(spanFirst.length * 2));
        spanLast = grow(spanLast, new Float64Array(spanLast.length * 2));
      }
      spanFirst[index] = f.time;
      spanLast[index] = f.time;
      live++;
      postTo(
        index,
        terms.map((e) => e[0]),
      );
      postTo(
        index,
        entities.map((e) => e[0]),
      );
      return index;
    },

    /** Merges an article into a story's profile. */
    joinStory(index: number, f: ArticleFeatures) {
      if (!arena.has(index)) throw new Error(`story ${index} was evicted from the candidate index`);
      const before = new Set([...partIds(index, TERMS), ...partIds(index, ENTITIES)]);
      const terms = partMap(index, TERMS);
      for (const [id, w] of weightedTerms(f)) terms.set(id, (terms.get(id) ?? 0) + w);
      const entities = partMap(index, ENTITIES);
      for (const [id, w] of weightedEntities(f)) entities.set(id, (entities.get(id) ?? 0) + w);
      const places = new Set([...partIds(index, LEAD_PLACES), ...leadPlaces(f)].slice(0, 16));
      const topTerms = topEntries(terms, maxTerms);
      const topEntities = topEntries(entities, maxEntities);
      arena.write(index, TERMS, topTerms);
      arena.write(index, ENTITIES, topEntities);
      arena.write(
        index,
        LEAD_PLACES,
        [...places].map((id) => [id, 0] as const),
      );
      if (!Number.isNaN(f.time)) {
        const first = spanFirst[index]!;
        spanFirst[index] = Number.isNaN(first) ? f.time : Math.min(first, f.time);
        const last = spanLast[index]!;
        spanLast[index] = Number.isNaN(last) ? f.time : Math.max(last, f.time);
      }
      arena.countArticle(index);
      postTo(
        index,
        [...topTerms, ...topEntities].map((e) => e[0]).filter((id) => !before.has(id)),
      );
    },

    /** The story's time span [first, last] in ms (NaN when unknown). */
    spanOf(index: number): [number, number] {
      return [spanFirst[index]!, spanLast[index]!];
    },

    /** Forgets a story (its profile and postings): it can no longer be a candidate nor be joined. */
    evict(index: number) {
      if (!arena.has(index)) return;
      arena.evict(index);
      live--;
      // Dead entries are skipped by lookups; sweeping once they are many keeps the lists short.
      if (++evictedSinceSweep > Math.max(1000, live) && !postingsHeld) sweepPostings();
    },

    /** Stories sharing the article's most telling keys, within the time window; bounded work per call. */
    findCandidates(f: ArticleFeatures): number[] {
      const keys: [number, number][] = [];
      const common = docs >= 200 ? docs * commonShare : Number.POSITIVE_INFINITY;
      for (const [t, w] of f.terms) {
        const id = vocab.get(`t:${t}`);
        if (id !== undefined && df[id]! <= common) keys.push([id, w * idf(id)]);
      }
      const termKeys = keys.sort((a, b) => b[1] - a[1]).slice(0, 16);
      const entityKeys: [number, number][] = [];
      for (const e of f.entities) {
        const id = vocab.get(e.key);
        if (id !== undefined && !e.background && df[id]! <= common) entityKeys.push([id, e.weight * idf(id)]);
      }
      entityKeys.sort((a, b) => b[1] - a[1]);
      const hits = new Map<number, number>();
      for (const [id, w] of [...termKeys, ...entityKeys.slice(0, 12)]) {
        const list = postings.get(id);
        if (!list) continue;
        for (let i = list.length - 1, n = 0; i >= 0 && n < postingsScan; i--, n++) {
          scanned++;
          const story = list[i]!;
          if (!arena.has(story)) continue;
          const gap = gapDays(story, f.time);
          if (gap * DAY > windowMs) continue;
          hits.set(story, (hits.get(story) ?? 0) + w);
        }
      }
      return [...hits]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, maxCandidates)
        .map((h) => h[0]);
    },

    similarity(index: number, f: ArticleFeatures): Similarity {
      if (!arena.has(index)) throw new Error(`story ${index} was evicted from the candidate index`);
      const [normT, normE] = normsOf(f);
      const termSim = cosine(weightedTerms(f), normT!, index, TERMS);
      const entities = weightedEntities(f);
      const entitySim = entities.size ? cosine(entities, normE!, index, ENTITIES) : 0;
      const storyKeys = new Set(partIds(index, ENTITIES));
      const articlePlaces = leadPlaces(f);
      const newPlace =
        articlePlaces.some((id) => !storyKeys.has(id)) &&
        partIds(index, LEAD_PLACES).every((id) => !entities.has(id));
      const score = f.entities.length ? 0.55 * termSim + 0.45 * entitySim : termSim;
      const ageDays = (f.time - spanFirst[index]!) / DAY;
      return { score, termSim, entitySim, gapDays: gapDays(index, f.time), ageDays, newPlace };
    },
  };
}

export type CandidateIndex = ReturnType<typeof createCandidateIndex>;
