import type { EntityFeature } from './entity-keys.ts';

/** What the index knows of one article: lead terms, entity features and its time (ms, NaN if unknown). */
export type ArticleFeatures = {
  terms: Map<string, number>;
  entities: EntityFeature[];
  time: number;
};

/** A story's compact profile: capped, id-sorted sparse vectors of summed article weights. */
type StoryProfile = {
  termIds: Int32Array;
  termWeights: Float32Array;
  entityIds: Int32Array;
  entityWeights: Float32Array;
  /** Places (not countries) named in some article's title or lead. */
  leadPlaceIds: Int32Array;
  first: number;
  last: number;
  articles: number;
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
  /** Postings scanned per key, newest first. */
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

function topEntries(weights: Map<number, number>, cap: number): [Int32Array, Float32Array] {
  const entries = [...weights].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, cap);
  entries.sort((a, b) => a[0] - b[0]);
  return [Int32Array.from(entries.map((e) => e[0])), Float32Array.from(entries.map((e) => e[1]))];
}

function toMap(ids: Int32Array, weights: Float32Array): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i < ids.length; i++) m.set(ids[i]!, weights[i]!);
  return m;
}

/**
 * The in-memory candidate index: an interned vocabulary with document frequencies, one compact profile per
 * story, and postings from each term / entity key to the stories carrying it. Stories are numbered in
 * creation order, so the tail of a posting list holds the newest stories.
 */
export function createCandidateIndex(options: CandidateIndexOptions = {}) {
  const maxTerms = options.maxTerms ?? 64;
  const maxEntities = options.maxEntities ?? 40;
  const postingsScan = options.postingsScan ?? 400;
  const commonShare = options.commonShare ?? 0.08;
  const maxCandidates = options.maxCandidates ?? 40;
  const windowMs = (options.windowDays ?? 60) * DAY;
  const idfPrior = options.idfPrior ?? 20;

  const vocab = new Map<string, number>();
  let df = new Int32Array(1024);
  let docs = 0;
  const profiles: StoryProfile[] = [];
  const postings = new Map<number, number[]>();
  /** Postings entries visited by lookups so far: the work that must stay flat as the store grows. */
  let scanned = 0;

  const intern = (key: string): number => {
    let id = vocab.get(key);
    if (id === undefined) {
      id = vocab.size;
      vocab.set(key, id);
      if (id >= df.length) {
        const grown = new Int32Array(df.length * 2);
        grown.set(df);
        df = grown;
      }
    }
    return id;
  };
  const idf = (id: number): number => Math.log((docs + idfPrior + 1) / ((df[id] ?? 0) + 1)) + 1;

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

  function cosine(
    article: Map<number, number>,
    normA: number,
    ids: Int32Array,
    weights: Float32Array,
  ): number {
    let dot = 0;
    let normS = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const g = idf(id);
      const ws = weights[i]! * g;
      normS += ws * ws;
      const wa = article.get(id);
      if (wa !== undefined) dot += wa * g * ws;
    }
    return dot === 0 ? 0 : dot / (normA * Math.sqrt(normS));
  }

  function gapDays(p: StoryProfile, time: number): number {
    if (Number.isNaN(time) || Number.isNaN(p.first)) return Number.NaN;
    if (time < p.first) return (p.first - time) / DAY;
    if (time > p.last) return (time - p.last) / DAY;
    return 0;
  }

  function postTo(story: number, ids: Iterable<number>) {
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

  return {
    get size() {
      return profiles.length;
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
      const seen = new Set<number>();
      for (const t of f.terms.keys()) seen.add(intern(`t:${t}`));
      for (const e of f.entities) seen.add(intern(e.key));
      for (const id of seen) df[id]!++;
    },

    /** Adds a new story holding one article; returns its index. */
    addStory(f: ArticleFeatures): number {
      const index = profiles.length;
      const [termIds, termWeights] = topEntries(weightedTerms(f), maxTerms);
      const [entityIds, entityWeights] = topEntries(weightedEntities(f), maxEntities);
      profiles.push({
        termIds,
        termWeights,
        entityIds,
        entityWeights,
        leadPlaceIds: Int32Array.from(new Set(leadPlaces(f))),
        first: f.time,
        last: f.time,
        articles: 1,
      });
      postTo(index, termIds);
      postTo(index, entityIds);
      return index;
    },

    /** Merges an article into a story's profile. */
    joinStory(index: number, f: ArticleFeatures) {
      const p = profiles[index]!;
      const before = new Set([...p.termIds, ...p.entityIds]);
      const terms = toMap(p.termIds, p.termWeights);
      for (const [id, w] of weightedTerms(f)) terms.set(id, (terms.get(id) ?? 0) + w);
      const entities = toMap(p.entityIds, p.entityWeights);
      for (const [id, w] of weightedEntities(f)) entities.set(id, (entities.get(id) ?? 0) + w);
      [p.termIds, p.termWeights] = topEntries(terms, maxTerms);
      [p.entityIds, p.entityWeights] = topEntries(entities, maxEntities);
      p.leadPlaceIds = Int32Array.from(new Set([...p.leadPlaceIds, ...leadPlaces(f)].slice(0, 16)));
      if (!Number.isNaN(f.time)) {
        p.first = Number.isNaN(p.first) ? f.time : Math.min(p.first, f.time);
        p.last = Number.isNaN(p.last) ? f.time : Math.max(p.last, f.time);
      }
      p.articles++;
      postTo(
        index,
        [...p.termIds, ...p.entityIds].filter((id) => !before.has(id)),
      );
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
          const gap = gapDays(profiles[story]!, f.time);
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
      const p = profiles[index]!;
      const [normT, normE] = normsOf(f);
      const termSim = cosine(weightedTerms(f), normT!, p.termIds, p.termWeights);
      const entities = weightedEntities(f);
      const entitySim = entities.size ? cosine(entities, normE!, p.entityIds, p.entityWeights) : 0;
      const storyKeys = new Set(p.entityIds);
      const articlePlaces = leadPlaces(f);
      const newPlace =
        articlePlaces.some((id) => !storyKeys.has(id)) &&
        [...p.leadPlaceIds].every((id) => !entities.has(id));
      const score = f.entities.length ? 0.55 * termSim + 0.45 * entitySim : termSim;
      const ageDays = (f.time - p.first) / DAY;
      return { score, termSim, entitySim, gapDays: gapDays(p, f.time), ageDays, newPlace };
    },
  };
}

export type CandidateIndex = ReturnType<typeof createCandidateIndex>;
