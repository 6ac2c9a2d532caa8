import { mkdirSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { InputError, NewsbotError } from '../errors.ts';
import { createMigrationProvider } from './migrations.ts';
import { queueSqliteWrite } from './run-write.ts';
import type { Database, Db, Dialect } from './schema.ts';

/** Any logger with pino's shape. */
export type StoreLog = {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
};

export type OpenDatabaseOptions = {
  databaseUrl?: string | null;
  sqlitePath?: string;
  /** PostgreSQL only: keep every table in this schema (created when missing). */
  schema?: string;
  log?: StoreLog;
};

const schemaName = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

function openSqlite(path: string): { db: Db; key: string | null } {
  if (path !== ':memory:') {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (cause) {
      throw new NewsbotError(`cannot create the folder for the SQLite database ${path}`, 'store_open', {
        cause,
      });
    }
  }
  let database: BetterSqlite3.Database;
  try {
    database = new BetterSqlite3(path);
  } catch (cause) {
    throw new NewsbotError(`cannot open the SQLite database ${path}`, 'store_open', { cause });
  }
  if (path !== ':memory:') database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  database.pragma('synchronous = NORMAL');
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }),
    key: path === ':memory:' ? null : realpathSync(path),
  };
}

async function openPostgres(url: string, schema: string | undefined, log?: StoreLog): Promise<Db> {
  if (schema !== undefined && !schemaName.test(schema))
    throw new InputError(`schema "${schema}" is not a plain SQL identifier`, 'store options');
  if (schema !== undefined) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query(`create schema if not exists "${schema}"`);
    } catch (cause) {
      throw new NewsbotError(`cannot prepare PostgreSQL schema ${schema}`, 'store_open', { cause });
    } finally {
      await client.end().catch(() => {});
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema === undefined ? {} : { options: `-c search_path="${schema}"` }),
  });
  // An idle client losing its connection (server restart) is reported here; unhandled, it would end
  // the process. The pool replaces the client and the next query reconnects.
  pool.on('error', (err) => log?.warn({ err }, 'PostgreSQL connection lost'));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

export const defaultSqlitePath = 'data/newsbot.db';

export type OpenedDatabase = {
  db: Db;
  dialect: Dialect;
  /** SQLite on a file: its real path, shared by every handle on that file. */
  sqliteKey: string | null;
};

/** Opens the database for the given options and brings its schema up to date. */
export async function openDatabase(opts: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const dialect: Dialect = opts.databaseUrl ? 'postgres' : 'sqlite';
  const { db, key } = opts.databaseUrl
    ? { db: await openPostgres(opts.databaseUrl, opts.schema, opts.log), key: null }
    : openSqlite(opts.sqlitePath ?? defaultSqlitePath);
  try {
    await sql`select 1`.execute(db);
  } catch (cause) {
    await db.destroy().catch(() => {});
    throw new NewsbotError(`cannot connect to the ${dialect} database`, 'store_open', { cause });
  }
  const migrator = new Migrator({
    db,
    provider: createMigrationProvider(dialect),
    // Else Kysely may find its bookkeeping tables in another schema and never create them in ours.
    ...(dialect === 'postgres' && opts.schema ? { migrationTableSchema: opts.schema } : {}),
  });
  const { error, results } =
    key === null
      ? await migrator.migrateToLatest()
      : await queueSqliteWrite(key, () => migrator.migrateToLatest());
  if (error) {
    await db.destroy().catch(() => {});
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new NewsbotError(`database migration ${failed ?? ''} failed`.replace('  ', ' '), 'store_migrate', {
      cause: error,
    });
  }
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (applied.length > 0) opts.log?.info({ dialect, migrations: applied }, 'database migrated');
  return { db, dialect, sqliteKey: key };
}
