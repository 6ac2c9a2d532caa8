import { createHash } from 'node:crypto';
import { InputError, NewsbotError } from '../errors.ts';
import type { Article, ArticleInput } from '../types.ts';
import type { ArticlesTable, Db } from './schema.ts';
import type { Store, UpsertResult } from './store.ts';
import { type StoreContext, toLimit, toStoredTime } from './store-context.ts';

type ArticleMethods = Pick<
  Store,
  'upsertArticle' | 'getArticle' | 'getArticles' | 'listArticles' | 'countArticles'
>;

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The body as compared for wire copies: lowercased, whitespace collapsed. */
export function normaliseBody(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

export function hashContent(text: string): string {
  return sha256(normaliseBody(text));
}

/** What makes an article the same article: canonical URL, else feed + guid, else source + own id. */
export function identifyArticle(
  input: Pick<ArticleInput, 'url' | 'feedId' | 'guid' | 'source' | 'externalId'>,
) {
  if (input.url) return input.url;
  if (input.feedId && input.guid) return `guid:${input.feedId}\n${input.guid}`;
  return `ext:${input.source}\n${input.externalId}`;
}

/** The stable id an input gets: `a` + 16 hex digits of sha256(identity). */
export function computeArticleId(
  input: Pick<ArticleInput, 'url' | 'feedId' | 'guid' | 'source' | 'externalId'>,
): string {
  return `a${sha256(identifyArticle(input)).slice(0, 16)}`;
}

// PostgreSQL text cannot hold NUL; dropping it on both dialects keeps their values the same.
const stripNul = (s: string): string => (s.includes('\u0000') ? s.replaceAll('\u0000', '') : s);
const stripNulOrNull = (s: string | null | undefined): string | null => (s == null ? null : stripNul(s));

const stringFields = ['externalId', 'source', 'text'] as const;
const nullableFields = ['feedId', 'guid', 'url', 'outlet', 'title', 'published'] as const;

/** Checks the shape (a caller's bug otherwise surfaces as a confusing database error) and drops NULs. */
function cleanInput(input: ArticleInput): ArticleInput {
  const where = typeof input?.source === 'string' ? input.source : 'article input';
  if (typeof input !== 'object' || input === null)
    throw new InputError('article input is not an object', where);
  for (const key of stringFields)
    if (typeof input[key] !== 'string') throw new InputError(`article ${key} must be a string`, where);
  for (const key of nullableFields)
    if (input[key] != null && typeof input[key] !== 'string')
      throw new InputError(`article ${key} must be a string or null`, where);
  if (input.cites != null && !(Array.isArray(input.cites) && input.cites.every((c) => typeof c === 'string')))
    throw new InputError('article cites must be an array of strings', where);
  return {
    externalId: stripNul(input.externalId),
    source: stripNul(input.source),
    feedId: stripNulOrNull(input.feedId) || null,
    guid: stripNulOrNull(input.guid) || null,
    url: stripNulOrNull(input.url) || null,
    outlet: stripNulOrNull(input.outlet),
    title: stripNulOrNull(input.title),
    published: stripNulOrNull(input.published),
    text: stripNul(input.text),
    cites: (input.cites ?? []).map(stripNul),
  };
}

export function toArticle(row: ArticlesTable): Article {
  return {
    id: row.id,
    externalId: row.external_id,
    source: row.source,
    feedId: row.feed_id,
    guid: row.guid,
    url: row.url,
    outlet: row.outlet,
    title: row.title,
    published: row.published,
    text: row.text,
    cites: parseStringArray(row.cites, `articles.cites of ${row.id}`),
    contentHash: row.content_hash,
    copyOf: row.copy_of,
    revision: Number(row.revision),
    firstSeen: row.first_seen,
    updated: row.updated,
  };
}

export function parseStringArray(json: string, what: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  } catch (cause) {
    throw new NewsbotError(`stored ${what} is not JSON`, 'store_corrupt', { cause });
  }
  throw new NewsbotError(`stored ${what} is not an array of strings`, 'store_corrupt');
}

async function findExisting(db: Db, ctx: StoreContext, input: ArticleInput, id: string) {
  const lock = ctx.dialect === 'postgres';
  const base = () => db.selectFrom('articles').selectAll();
  if (input.url) {
    const row = await base()
      .where('url', '=', input.url)
      .$if(lock, (q) => q.forUpdate())
      .executeTakeFirst();
    if (row) return row;
  }
  if (input.feedId && input.guid) {
    const row = await base()
      .where('feed_id', '=', input.feedId)
      .where('guid', '=', input.guid)
      .$if(lock, (q) => q.forUpdate())
      .executeTakeFirst();
    if (row) return row;
  }
  return base()
    .where('id', '=', id)
    .$if(lock, (q) => q.forUpdate())
    .executeTakeFirst();
}

/** The earliest article with this body that is not itself a copy, else the earliest copy. */
async function findOriginal(db: Db, hash: string, exceptId: string, before?: string): Promise<string | null> {
  const row = await db
    .selectFrom('articles')
    .select(['id', 'copy_of'])
    .where('content_hash', '=', hash)
    .where('id', '!=', exceptId)
    .$if(before !== undefined, (q) => q.where('first_seen', '<', before!))
    .orderBy('first_seen')
    .orderBy('id')
    .limit(50)
    .execute();
  const first = row.find((r) => r.copy_of === null) ?? row[0];
  return first ? (first.copy_of ?? first.id) : null;
}

// What counts as the publisher's edit: not a re-extraction's spacing, case or date spelling.
const collapse = (s: string | null) => (s == null ? null : s.replace(/\s+/g, ' ').trim());
const sameTitle = (a: string | null, b: string | null) => collapse(a) === collapse(b);
function sameTime(a: string | null, b: string | null): boolean {
  if (a === b) return true;
  if (a == null || b == null) return false;
  const [x, y] = [Date.parse(a), Date.parse(b)];
  return !Number.isNaN(x) && x === y;
}

async function upsertIn(db: Db, ctx: StoreContext, raw: ArticleInput): Promise<UpsertResult> {
  const input = cleanInput(raw);
  const id = computeArticleId(input);
  const contentHash = hashContent(input.text);
  const hasBody = normaliseBody(input.text) !== '';
  const now = ctx.now();
  const existing = await findExisting(db, ctx, input, id);

  if (existing) {
    // A field the new input lacks is unknown, not removed: the stored value stays.
    const title = input.title ?? existing.title;
    const published = input.published ?? existing.published;
    const changed =
      existing.content_hash !== contentHash ||
      !sameTitle(existing.title, title) ||
      !sameTime(existing.published, published);
    if (!changed) return { status: 'unchanged', article: toArticle(existing) };
    const copyOf =
      existing.content_hash === contentHash
        ? existing.copy_of
        : hasBody
          ? await findOriginal(db, contentHash, existing.id, existing.first_seen)
          : null;
    const patch = {
      outlet: input.outlet ?? existing.outlet,
      title,
      published,
      text: input.text,
      cites: JSON.stringify(input.cites),
      content_hash: contentHash,
      copy_of: copyOf,
      revision: Number(existing.revision) + 1,
      updated: now,
    };
    await db.updateTable('articles').set(patch).where('id', '=', existing.id).execute();
    return { status: 'updated', article: toArticle({ ...existing, ...patch }) };
  }

  const row: ArticlesTable = {
    id,
    external_id: input.externalId,
    source: input.source,
    feed_id: input.feedId,
    guid: input.guid,
    url: input.url,
    outlet: input.outlet,
    title: input.title,
    published: input.published,
    text: input.text,
    cites: JSON.stringify(input.cites),
    content_hash: contentHash,
    copy_of: hasBody ? await findOriginal(db, contentHash, id) : null,
    revision: 1,
    first_seen: now,
    updated: now,
  };
  await db.insertInto('articles').values(row).execute();
  return { status: 'new', article: toArticle(row) };
}

const chunkSize = 500;

export function createArticleMethods(ctx: StoreContext): ArticleMethods {
  const { db } = ctx;
  return {
    upsertArticle: (input) => ctx.write((trx) => upsertIn(trx, ctx, input)),

    async getArticle(id) {
      const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toArticle(row) : null;
    },

    async getArticles(ids) {
      const found = new Map<string, Article>();
      const unique = [...new Set(ids)];
      for (let i = 0; i < unique.length; i += chunkSize) {
        const rows = await db
          .selectFrom('articles')
          .selectAll()
          .where('id', 'in', unique.slice(i, i + chunkSize))
          .execute();
        for (const row of rows) found.set(row.id, toArticle(row));
      }
      return unique.flatMap((id) => found.get(id) ?? []);
    },

    async listArticles(opts = {}) {
      const rows = await db
        .selectFrom('articles')
        .selectAll()
        .$if(opts.since !== undefined, (q) => q.where('first_seen', '>=', toStoredTime(opts.since!, 'since')))
        .orderBy('first_seen', 'desc')
        .orderBy('id', 'desc')
        .$if(opts.limit !== undefined, (q) => q.limit(toLimit(opts.limit!)))
        .execute();
      return rows.map(toArticle);
    },

    async countArticles() {
      const row = await db
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
