import { createArticleMethods } from './article-store.ts';
import { createDeliveryMethods } from './delivery-store.ts';
import { createFeedMethods } from './feed-store.ts';
import { defaultSqlitePath, type OpenDatabaseOptions, openDatabase, type StoreLog } from './open-database.ts';
import { createQuarantineMethods } from './quarantine-store.ts';
import { createWriteRunner } from './run-write.ts';
import { createSearchMethods } from './search-store.ts';
import type { Store } from './store.ts';
import type { StoreContext } from './store-context.ts';
import { createStoryMethods } from './story-store.ts';

export type { StoreLog };

export type CreateStoreOptions = OpenDatabaseOptions & {
  /** The clock, as an ISO string; tests may fix it. */
  now?: () => string;
};

/**
 * Opens the store: PostgreSQL when `databaseUrl` is set, else SQLite at `sqlitePath`
 * (default data/newsbot.db; ':memory:' for a throwaway one). Migrations run before it returns.
 */
export async function createStore(opts: CreateStoreOptions = {}): Promise<Store> {
  const { db, dialect, sqliteKey } = await openDatabase(opts);
  opts.log?.info(
    {
      dialect,
      ...(dialect === 'sqlite' ? { path: opts.sqlitePath ?? defaultSqlitePath } : { schema: opts.schema }),
    },
    'store ready',
  );
  const ctx: StoreContext = {
    db,
    dialect,
    write: createWriteRunner(db, dialect, sqliteKey),
    now: opts.now ?? (() => new Date().toISOString()),
  };
  let closed: Promise<void> | null = null;
  return {
    dialect,
    ...createArticleMethods(ctx),
    ...createQuarantineMethods(ctx),
    ...createFeedMethods(ctx),
    ...createStoryMethods(ctx),
    ...createDeliveryMethods(ctx),
    ...createSearchMethods(ctx),
    close() {
      closed ??= ctx.write.drain().then(() => db.destroy());
      return closed;
    },
  };
}
