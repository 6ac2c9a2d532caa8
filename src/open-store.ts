import { join } from 'node:path';
import type { Logger } from './log.ts';
import { createStore } from './store/index.ts';
import type { Store } from './store/store.ts';

/** PostgreSQL when a URL is given, else the embedded SQLite file under the data folder (or in memory). */
export function openStore(opts: {
  databaseUrl?: string | null;
  dataDir?: string;
  sqlitePath?: string;
  log?: Logger;
}): Promise<Store> {
  const sqlitePath = opts.sqlitePath ?? join(opts.dataDir ?? 'data', 'newsbot.db');
  return createStore({ databaseUrl: opts.databaseUrl ?? null, sqlitePath, log: opts.log });
}
