import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll } from 'vitest';
import { type CreateStoreOptions, createStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/store.ts';

export type DialectCase = {
  name: 'sqlite' | 'postgres';
  /** A new, empty database (a temp file, or a fresh PostgreSQL schema), as options for createStore. */
  newLocation(): CreateStoreOptions;
};

const pgUrl = process.env.TEST_DATABASE_URL?.trim() || null;

/**
 * SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (unreachable then means failing tests).
 * Everything created is removed after the file's tests.
 */
export function listDialectCases(): DialectCase[] {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-store-'));
  const schemas: string[] = [];
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (!pgUrl || schemas.length === 0) return;
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      for (const schema of schemas) await client.query(`drop schema if exists "${schema}" cascade`);
    } finally {
      await client.end();
    }
  });
  let n = 0;
  const cases: DialectCase[] = [
    { name: 'sqlite', newLocation: () => ({ sqlitePath: join(dir, `db${++n}`, 'newsbot.db') }) },
  ];
  if (pgUrl)
    cases.push({
      name: 'postgres',
      newLocation: () => {
        const schema = `t_${randomBytes(6).toString('hex')}`;
        schemas.push(schema);
        return { databaseUrl: pgUrl, schema };
      },
    });
  return cases;
}

/** Opens stores and closes them all after each test. */
export function createStoreOpener(afterEachHook: (fn: () => Promise<void>) => void) {
  const open: Store[] = [];
  afterEachHook(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  return async (opts: CreateStoreOptions): Promise<Store> => {
    const store = await createStore(opts);
    open.push(store);
    return store;
  };
}

/** A clock for createStore's `now` that moves `stepMs` forward on every reading. */
export function createTickingClock(startIso: string, stepMs: number): () => string {
  let ms = Date.parse(startIso);
  return () => {
    ms += stepMs;
    return new Date(ms).toISOString();
  };
}
