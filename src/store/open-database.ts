import { mkdirSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { InputError, NewsbotError } from '../errors.ts';
import { cacheStatements } from './cache-statements.ts';
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
  let database: BetterSqlite3.Database | null = null;
  try {
    database = new BetterSqlite3(path);
    // busy_timeout first: switching to WAL waits for other processes' locks too.
    database.pragma('busy_timeout = 5000');
    if (path !== ':memory:') database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma('synchronous = NORMAL');
  } catch (cause) {
    database?.close();
    throw new NewsbotError(`cannot open the SQLite database ${path}`, 'store_open', { cause });
  }
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: cacheStatements(database) }) }),
    key: path === ':memory:' ? null : realpathSync(path),
  };
}

function createPostgresDb(url: string, schema: string | undefined, log?: StoreLog): Db {
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

/** Runs the migrations; gives the names of those applied now. */
async function migrate(db: Db, dialect: Dialect, schema: string | undefined): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: createMigrationProvider(dialect),
    // Else Kysely may find its bookkeeping tables in another schema and never create them in ours.
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'run';
    throw new NewsbotError(`database migration ${failed} failed`, 'store_migrate', { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Where unqualified tables go for this connection (its search_path), e.g. public. */
async function currentSchema(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ name: string | null }>('select current_schema() as name');
  const name = rows[0]?.name;
  if (!name) throw new NewsbotError('the PostgreSQL search_path names no existing schema', 'store_open');
  return name;
}

/**
 * Stores starting at once (several processes, or tests) take turns through an advisory lock, since
 * neither `create schema if not exists` nor Kysely's first table creation is safe against a race.
 */
async function openPostgres(opts: OpenDatabaseOptions & { databaseUrl: string }): Promise<OpenedDatabase> {
  const { databaseUrl: url, schema, log } = opts;
  if (schema !== undefined && !schemaName.test(schema))
    throw new InputError(`schema "${schema}" is not a plain SQL identifier`, 'store options');
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (cause) {
    await client.end().catch(() => {});
    throw new NewsbotError('cannot connect to the postgres database', 'store_open', { cause });
  }
  let db: Db | null = null;
  try {
    await client.query(`select pg_advisory_lock(hashtext('newsbot store migrations'))`);
    if (schema !== undefined) await client.query(`create schema if not exists "${schema}"`);
    const target = schema ?? (await currentSchema(client));
    db = createPostgresDb(url, schema, log);
    const applied = await migrate(db, 'postgres', target);
    if (applied.length > 0)
      log?.info({ dialect: 'postgres', schema, migrations: applied }, 'database migrated');
    return { db, dialect: 'postgres', sqliteKey: null };
  } catch (cause) {
    await db?.destroy().catch(() => {});
    if (cause instanceof NewsbotError) throw cause;
    throw new NewsbotError(
      `cannot prepare the postgres database${schema ? ` schema ${schema}` : ''}`,
      'store_open',
      {
        cause,
      },
    );
  } finally {
    // Ending the session releases the advisory lock.
    await client.end().catch(() => {});
  }
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
  if (opts.databaseUrl) return openPostgres({ ...opts, databaseUrl: opts.databaseUrl });
  const { db, key } = openSqlite(opts.sqlitePath ?? defaultSqlitePath);
  try {
    const run = () => migrate(db, 'sqlite', undefined);
    const applied = key === null ? await run() : await queueSqliteWrite(key, run);
    if (applied.length > 0) opts.log?.info({ dialect: 'sqlite', migrations: applied }, 'database migrated');
  } catch (cause) {
    await db.destroy().catch(() => {});
    if (cause instanceof NewsbotError) throw cause;
    throw new NewsbotError('cannot prepare the sqlite database', 'store_open', { cause });
  }
  return { db, dialect: 'sqlite', sqliteKey: key };
}
