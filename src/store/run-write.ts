import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { NewsbotError } from '../errors.ts';
import type { Db, Dialect } from './schema.ts';

/** Runs `fn` in one write transaction, retrying when a concurrent writer got there first. */
export type WriteRunner = {
  <T>(fn: (db: Db) => Promise<T>): Promise<T>;
  /** Settles once every write started so far has finished (before closing the database). */
  drain(): Promise<void>;
};

const retryableCodes = new Set([
  // PostgreSQL: unique violation, serialization failure, deadlock.
  '23505',
  '40001',
  '40P01',
  // SQLite: another process holds the write lock past busy_timeout, or won an insert race.
  'SQLITE_BUSY',
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
]);

export function isRetryableError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && retryableCodes.has(code);
}

const maxAttempts = 4;

/**
 * better-sqlite3 waits for a busy database synchronously, blocking the event loop, so two handles on
 * one file in one process would wait on each other until busy_timeout. Writers to the same file in
 * this process therefore queue here first; other processes are kept apart by SQLite's own lock.
 */
const sqliteWriteQueues = new Map<string, Promise<unknown>>();

export function queueSqliteWrite<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = sqliteWriteQueues.get(key) ?? Promise.resolve();
  const result = previous.then(fn, fn);
  const settled = result.catch(() => {});
  sqliteWriteQueues.set(key, settled);
  void settled.then(() => {
    if (sqliteWriteQueues.get(key) === settled) sqliteWriteQueues.delete(key);
  });
  return result;
}

/** `sqliteKey` names the database file (its real path) so that handles on it share one queue. */
export function createWriteRunner(db: Db, dialect: Dialect, sqliteKey: string | null): WriteRunner {
  const key = sqliteKey ?? `memory:${randomUUID()}`;
  const once =
    dialect === 'sqlite'
      ? // `begin immediate` takes the write lock up front, so a read-then-write cannot deadlock
        // against another process.
        <T>(fn: (db: Db) => Promise<T>) =>
          queueSqliteWrite(key, () =>
            db.connection().execute(async (conn) => {
              await sql`begin immediate`.execute(conn);
              try {
                const result = await fn(conn);
                await sql`commit`.execute(conn);
                return result;
              } catch (err) {
                await sql`rollback`.execute(conn).catch(() => {});
                throw err;
              }
            }),
          )
      : <T>(fn: (db: Db) => Promise<T>) => db.transaction().execute((trx) => fn(trx));

  const inFlight = new Set<Promise<unknown>>();
  const run = async <T>(fn: (db: Db) => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await once(fn);
      } catch (err) {
        if (attempt < maxAttempts && isRetryableError(err)) continue;
        if (err instanceof NewsbotError) throw err;
        throw new NewsbotError(`database write failed after ${attempt} attempt(s)`, 'store_write', {
          cause: err,
        });
      }
    }
  };
  const write = <T>(fn: (db: Db) => Promise<T>): Promise<T> => {
    const p = run(fn);
    const settled = p.then(
      () => {},
      () => {},
    );
    inFlight.add(settled);
    void settled.then(() => inFlight.delete(settled));
    return p;
  };
  return Object.assign(write, { drain: async () => void (await Promise.all([...inFlight])) });
}
