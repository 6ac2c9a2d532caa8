import { createHash } from 'node:crypto';
import { InputError } from '../errors.ts';
import type { FeedState } from '../types.ts';
import type { FeedsTable } from './schema.ts';
import type { FeedPatch, Store } from './store.ts';
import { type StoreContext, toStoredTime, toStoredTimeOrNull } from './store-context.ts';

type FeedMethods = Pick<
  Store,
  'addFeed' | 'listFeeds' | 'getFeed' | 'removeFeed' | 'updateFeed' | 'dueFeeds'
>;

export const defaultFeedIntervalSec = 900;

function toFeed(row: FeedsTable): FeedState {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    intervalSec: Number(row.interval_sec),
    enabled: Boolean(Number(row.enabled)),
    etag: row.etag,
    lastModified: row.last_modified,
    lastFetched: row.last_fetched,
    nextFetch: row.next_fetch,
    failures: Number(row.failures),
    lastError: row.last_error,
    disabledReason: row.disabled_reason,
  };
}

/** The feed's address as stored: an absolute http(s) URL in WHATWG form. */
export function normaliseFeedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new InputError(`feed URL "${url}" is not a valid absolute URL`, url);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new InputError(`feed URL "${url}" must use http or https`, url);
  return parsed.href;
}

export function computeFeedId(url: string): string {
  return `f${createHash('sha256').update(url, 'utf8').digest('hex').slice(0, 16)}`;
}

function checkInterval(value: number, source: string): number {
  if (!Number.isInteger(value) || value < 1)
    throw new InputError(`feed interval ${value} is not a whole number of seconds ≥ 1`, source);
  return value;
}

function toRowPatch(id: string, patch: FeedPatch): Partial<FeedsTable> {
  const row: Partial<FeedsTable> = {};
  if (patch.title !== undefined) row.title = patch.title;
  if (patch.intervalSec !== undefined) row.interval_sec = checkInterval(patch.intervalSec, id);
  if (patch.enabled !== undefined) row.enabled = patch.enabled ? 1 : 0;
  if (patch.etag !== undefined) row.etag = patch.etag;
  if (patch.lastModified !== undefined) row.last_modified = patch.lastModified;
  if (patch.lastFetched !== undefined)
    row.last_fetched = toStoredTimeOrNull(patch.lastFetched, 'lastFetched');
  if (patch.nextFetch !== undefined) row.next_fetch = toStoredTimeOrNull(patch.nextFetch, 'nextFetch');
  if (patch.failures !== undefined) {
    if (!Number.isInteger(patch.failures) || patch.failures < 0)
      throw new InputError(`feed failures ${patch.failures} is not a whole number ≥ 0`, id);
    row.failures = patch.failures;
  }
  if (patch.lastError !== undefined) row.last_error = patch.lastError;
  if (patch.disabledReason !== undefined) row.disabled_reason = patch.disabledReason;
  return row;
}

export function createFeedMethods(ctx: StoreContext): FeedMethods {
  const { db } = ctx;
  const getFeed = async (id: string) => {
    const row = await db.selectFrom('feeds').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toFeed(row) : null;
  };
  return {
    /** Idempotent: adding a URL already subscribed gives back the stored feed unchanged. */
    async addFeed(feed) {
      const url = normaliseFeedUrl(feed.url);
      const id = computeFeedId(url);
      await ctx.write((trx) =>
        trx
          .insertInto('feeds')
          .values({
            id,
            url,
            title: feed.title ?? null,
            interval_sec: checkInterval(feed.intervalSec ?? defaultFeedIntervalSec, url),
            enabled: 1,
            etag: null,
            last_modified: null,
            last_fetched: null,
            next_fetch: null,
            failures: 0,
            last_error: null,
            disabled_reason: null,
            created: ctx.now(),
          })
          .onConflict((oc) => oc.doNothing())
          .execute(),
      );
      const row = await db.selectFrom('feeds').selectAll().where('url', '=', url).executeTakeFirstOrThrow();
      return toFeed(row);
    },

    async listFeeds() {
      const rows = await db.selectFrom('feeds').selectAll().orderBy('created').orderBy('id').execute();
      return rows.map(toFeed);
    },

    getFeed,

    async removeFeed(id) {
      const result = await ctx.write((trx) =>
        trx.deleteFrom('feeds').where('id', '=', id).executeTakeFirst(),
      );
      return Number(result.numDeletedRows) > 0;
    },

    /** A feed removed meanwhile is not an error: the patch is dropped. */
    async updateFeed(id, patch) {
      const row = toRowPatch(id, patch);
      if (Object.keys(row).length === 0) return;
      await ctx.write((trx) => trx.updateTable('feeds').set(row).where('id', '=', id).execute());
    },

    async dueFeeds(now) {
      const at = toStoredTime(now, 'now');
      const rows = await db
        .selectFrom('feeds')
        .selectAll()
        .where('enabled', '=', 1)
        .where((eb) => eb.or([eb('next_fetch', 'is', null), eb('next_fetch', '<=', at)]))
        .orderBy((eb) => eb.fn.coalesce('next_fetch', eb.val('')))
        .orderBy('id')
        .execute();
      return rows.map(toFeed);
    },
  };
}
