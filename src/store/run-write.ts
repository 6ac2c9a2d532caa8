import { sql } from 'kysely';
import { NewsbotError } from '../errors.ts';
import type { Db, Dialect } from './schema.ts';

/** Runs `fn` in one write transaction, retrying when a concurrent writer got there first. */
export type WriteRunner = <T>(fn: (db: Db) => Promise<T>) => Promise<T>;

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

export function createWriteRunner(db: Db, dialect: Dialect): WriteRunner {
  const once =
    dialect === 'sqlite'
      ? // `begin immediate` takes the write lock up front, so a read-then-write cannot deadlock
        // against another process; within this process Kysely's single connection serialises.
        <T>(fn: (db: Db) => Promise<T>) =>
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
          })
      : <T>(fn: (db: Db) => Promise<T>) => db.transaction().execute((trx) => fn(trx));

  return async (fn) => {
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
}
