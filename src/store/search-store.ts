import { type Generated, type Kysely, sql } from 'kysely';
import { InputError } from '../errors.ts';
import type { Digest } from '../types.ts';
import type { Database } from './schema.ts';
import { type StoreContext, toLimit, toStoredTime } from './store-context.ts';

/** What a story is found by: its current digest's text. */
export type SearchDoc = {
  storyId: string;
  headline: string;
  what: string;
  who: string[];
  where: string[];
  outlets: string[];
  independentSources: number;
  updated: string;
};

/** The search entry of a story's digest: headline, what, names, places and outlets. */
export function toSearchDoc(digest: Digest): SearchDoc {
  return {
    storyId: digest.storyId,
    headline: digest.headline,
    what: digest.what,
    who: digest.who.map((p) => p.name),
    where: digest.where.map((p) => (p.country && p.country !== p.name ? `${p.name} ${p.country}` : p.name)),
    outlets: [...new Set(digest.sources.flatMap((s) => [s.outlet ?? '', ...s.cites]).filter(Boolean))],
    independentSources: digest.independentSources,
    updated: digest.updated,
  };
}

export type SearchHit = {
  storyId: string;
  headline: string;
  independentSources: number;
  updated: string;
  /** Text relevance, higher is better; only comparable within one search. */
  rank: number;
};

export type SearchMethods = {
  /** Creates or replaces the story's entry in the full-text index. */
  indexStory(doc: SearchDoc): Promise<void>;
  /**
   * Stories holding every word (as a word prefix) and quoted phrase of `query`, accents and case
   * ignored. Newest day first, then best-sourced, then most relevant. Any text is a valid query.
   */
  searchStories(query: string, opts?: { limit?: number }): Promise<SearchHit[]>;
  /** Ids of stories with no search entry yet (e.g. stored before search existed), oldest first. */
  listUnindexedStories(opts?: { limit?: number }): Promise<string[]>;
};

/** The side table both dialects keep; SQLite adds an FTS5 table keyed by `id`, PostgreSQL a tsvector. */
type StorySearchTable = {
  id: Generated<number>;
  story_id: string;
  headline: string;
  independent_sources: number;
  updated: string;
};
type SearchDatabase = Database & { story_search: StorySearchTable };

export const SEARCH_LIMITS = { maxTerms: 16, maxQueryChars: 500, defaultLimit: 10, maxLimit: 100 } as const;

/** Letters that carry their accent as a stroke or ligature, which NFKD does not take apart. */
const FOLDS: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l', þ: 'th', ı: 'i' };

/** Lower case, accents and punctuation removed: the form both indexes hold and queries are written in. */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæœßđłþı]/g, (c) => FOLDS[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words a search drops (unless they are all it has): operators typed out of habit, and glue words. */
const STOPWORDS = new Set([
  'and',
  'or',
  'not',
  'the',
  'a',
  'an',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'with',
]);

/** Query terms: quoted phrases as word lists, other words alone. Only letters and digits survive. */
export function splitSearchQuery(query: string): string[][] {
  const terms: string[][] = [];
  const text = query.slice(0, SEARCH_LIMITS.maxQueryChars).replace(/[“”]/g, '"');
  const parts = text.split('"');
  parts.forEach((part, i) => {
    const words = normalizeSearchText(part).split(' ').filter(Boolean);
    if (words.length === 0) return;
    if (i % 2 === 1) terms.push(words);
    else for (const w of words) terms.push([w]);
  });
  const meaningful = terms.filter((t) => t.length > 1 || !STOPWORDS.has(t[0] as string));
  return (meaningful.length > 0 ? meaningful : terms).slice(0, SEARCH_LIMITS.maxTerms);
}

/** FTS5: every word a quoted string (so no user text is syntax), single words as prefixes. */
export function toFts5Query(terms: string[][]): string {
  return terms.map((t) => (t.length === 1 ? `"${t[0]}"*` : `"${t.join(' ')}"`)).join(' AND ');
}

/** PostgreSQL to_tsquery text: lexemes quoted, single words as prefixes, phrases with <->. */
export function toTsQuery(terms: string[][]): string {
  const quote = (w: string) => `'${w.replace(/'/g, "''")}'`;
  return terms
    .map((t) => (t.length === 1 ? `${quote(t[0] as string)}:*` : t.map(quote).join(' <-> ')))
    .join(' & ');
}

function checkDoc(doc: SearchDoc): void {
  if (!doc || typeof doc.storyId !== 'string' || doc.storyId === '')
    throw new InputError('indexStory: storyId must be a non-empty string', 'indexStory');
  if (!Number.isInteger(doc.independentSources) || doc.independentSources < 0)
    throw new InputError(
      `indexStory ${doc.storyId}: independentSources ${doc.independentSources} is not a whole number ≥ 0`,
      doc.storyId,
    );
}

const dayOf = (iso: string) => iso.slice(0, 10);

export function createSearchMethods(ctx: StoreContext): SearchMethods {
  const db = (ctx.db as Kysely<Database>).withTables<{
    story_search: StorySearchTable;
  }>() as Kysely<SearchDatabase>;
  const asSearch = (trx: Kysely<Database>) => trx as unknown as Kysely<SearchDatabase>;

  return {
    async indexStory(doc) {
      checkDoc(doc);
      const updated = toStoredTime(doc.updated, 'updated');
      const fields = {
        headline: normalizeSearchText(doc.headline),
        what: normalizeSearchText(doc.what),
        who: normalizeSearchText(doc.who.join(' | ')),
        place: normalizeSearchText(doc.where.join(' | ')),
        outlets: normalizeSearchText(doc.outlets.join(' | ')),
      };
      const row = {
        story_id: doc.storyId,
        headline: doc.headline,
        independent_sources: doc.independentSources,
        updated,
      };
      await ctx.write(async (raw) => {
        const trx = asSearch(raw);
        const saved = await trx
          .insertInto('story_search')
          .values(row)
          .onConflict((oc) =>
            oc.column('story_id').doUpdateSet({
              headline: row.headline,
              independent_sources: row.independent_sources,
              updated: row.updated,
            }),
          )
          .returning('id')
          .executeTakeFirstOrThrow();
        const id = Number(saved.id);
        if (ctx.dialect === 'sqlite') {
          await sql`delete from story_fts where rowid = ${id}`.execute(trx);
          await sql`insert into story_fts (rowid, headline, who, place, what, outlets)
            values (${id}, ${fields.headline}, ${fields.who}, ${fields.place}, ${fields.what}, ${fields.outlets})`.execute(
            trx,
          );
        } else {
          await sql`update story_search set document =
              setweight(to_tsvector('simple', ${fields.headline}), 'A') ||
              setweight(to_tsvector('simple', ${`${fields.who} ${fields.place}`}), 'B') ||
              setweight(to_tsvector('simple', ${fields.what}), 'C') ||
              setweight(to_tsvector('simple', ${fields.outlets}), 'D')
            where id = ${id}`.execute(trx);
        }
      });
    },

    async listUnindexedStories(opts = {}) {
      const rows = await db
        .selectFrom('stories')
        .leftJoin('story_search', 'story_search.story_id', 'stories.id')
        .select('stories.id')
        .where('story_search.story_id', 'is', null)
        .orderBy('stories.updated')
        .orderBy('stories.id')
        .limit(toLimit(opts.limit ?? 500))
        .execute();
      return rows.map((r) => r.id);
    },

    async searchStories(query, opts = {}) {
      if (typeof query !== 'string') throw new InputError('searchStories: query must be text', 'query');
      const limit = Math.min(toLimit(opts.limit ?? SEARCH_LIMITS.defaultLimit), SEARCH_LIMITS.maxLimit);
      const terms = splitSearchQuery(query);
      if (terms.length === 0 || limit === 0) return [];
      // Fetch more than asked, then order by day, sources and relevance here.
      const pool = Math.max(limit * 5, 50);
      type Row = {
        story_id: string;
        headline: string;
        independent_sources: number;
        updated: string;
        rank: number;
      };
      let rows: Row[];
      if (ctx.dialect === 'sqlite') {
        const match = toFts5Query(terms);
        const result = await sql<Row>`select s.story_id, s.headline, s.independent_sources, s.updated,
            -bm25(story_fts, 4.0, 2.0, 2.0, 1.0, 0.5) as rank
          from story_fts join story_search s on s.id = story_fts.rowid
          where story_fts match ${match}
          order by s.updated desc limit ${pool}`.execute(db);
        rows = result.rows;
      } else {
        const tsquery = toTsQuery(terms);
        const result = await sql<Row>`select story_id, headline, independent_sources, updated,
            ts_rank_cd(document, q) as rank
          from story_search, to_tsquery('simple', ${tsquery}) q
          where document @@ q
          order by updated desc limit ${pool}`.execute(db);
        rows = result.rows;
      }
      return rows
        .map((r) => ({
          storyId: r.story_id,
          headline: r.headline,
          independentSources: Number(r.independent_sources),
          updated: r.updated,
          rank: Number(r.rank),
        }))
        .sort(
          (a, b) =>
            dayOf(b.updated).localeCompare(dayOf(a.updated)) ||
            b.independentSources - a.independentSources ||
            b.rank - a.rank ||
            b.updated.localeCompare(a.updated) ||
            a.storyId.localeCompare(b.storyId),
        )
        .slice(0, limit);
    },
  };
}

/** Migration 0003: the search side table and its index (FTS5 on SQLite, tsvector + GIN on PostgreSQL). */
export async function migrateSearch(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const time = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  await db.schema
    .createTable('story_search')
    .ifNotExists()
    .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('story_id', 'text', (c) => c.notNull().unique())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('independent_sources', 'integer', (c) => c.notNull())
    .addColumn('updated', time, (c) => c.notNull())
    .$call((b) => (dialect === 'postgres' ? b.addColumn('document', sql`tsvector`) : b))
    .execute();
  await db.schema
    .createIndex('story_search_updated')
    .ifNotExists()
    .on('story_search')
    .column('updated')
    .execute();
  if (dialect === 'sqlite') {
    await sql`create virtual table if not exists story_fts using fts5(
      headline, who, place, what, outlets, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  } else {
    await sql`create index if not exists story_search_document on story_search using gin (document)`.execute(
      db,
    );
  }
}
