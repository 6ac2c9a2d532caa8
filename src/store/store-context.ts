import { InputError } from '../errors.ts';
import type { WriteRunner } from './run-write.ts';
import type { Db, Dialect } from './schema.ts';

/** What every part of the store shares. */
export type StoreContext = {
  db: Db;
  dialect: Dialect;
  write: WriteRunner;
  /** The current time as an ISO string. */
  now: () => string;
};

/**
 * A time argument as stored: ISO 8601 in UTC with milliseconds, so that text comparison is time order.
 * `what` names the argument in the error.
 */
export function toStoredTime(value: string, what: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new InputError(`${what}: "${value}" is not a date`, what);
  return new Date(ms).toISOString();
}

export function toStoredTimeOrNull(value: string | null | undefined, what: string): string | null {
  return value == null ? null : toStoredTime(value, what);
}

export function toLimit(value: number, what = 'limit'): number {
  if (!Number.isInteger(value) || value < 0)
    throw new InputError(`${what}: ${value} is not a whole number ≥ 0`, what);
  return value;
}
