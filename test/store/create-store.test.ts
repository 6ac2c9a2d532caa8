import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, NewsbotError } from '../../src/errors.ts';
import { createStore } from '../../src/store/index.ts';

const pgUrl = process.env.TEST_DATABASE_URL?.trim() || null;

describe('createStore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-create-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the parent folders of a SQLite file and uses WAL', async () => {
    const path = join(dir, 'deep', 'er', 'bot.db');
    const store = await createStore({ sqlitePath: path });
    try {
      expect(store.dialect).toBe('sqlite');
      await store.addFeed({ url: 'https://a.example/feed' });
      expect(existsSync(path)).toBe(true);
      expect(existsSync(`${path}-wal`)).toBe(true);
    } finally {
      await store.close();
    }
    await store.close();
  });

  it('logs the migrations it applied through a pino logger, once', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const path = join(dir, 'logged.db');
    await (await createStore({ sqlitePath: path, log })).close();
    await (await createStore({ sqlitePath: path, log })).close();
    const migrated = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'database migrated');
    expect(migrated).toHaveLength(1);
    expect(migrated[0].migrations).toContain('0001_init');
  });

  it('fails with a store_open error on a file that is not a database', async () => {
    const path = join(dir, 'junk.db');
    writeFileSync(path, 'these bytes are not an SQLite database, not even close to one.'.repeat(20));
    const failure = createStore({ sqlitePath: path });
    await expect(failure).rejects.toThrow(/cannot open the SQLite database/);
    await expect(failure).rejects.toMatchObject({ code: 'store_open' });
  });

  it('works in memory', async () => {
    const store = await createStore({ sqlitePath: ':memory:' });
    expect(await store.countArticles()).toBe(0);
    await store.close();
  });

  it('fails with a store_open error when PostgreSQL cannot be reached', async () => {
    const failure = createStore({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none' });
    await expect(failure).rejects.toThrow(NewsbotError);
    await expect(failure).rejects.toMatchObject({ code: 'store_open' });
  });

  it.runIf(pgUrl)(
    'keeps its tables in the search_path schema even when another schema has them',
    async () => {
      const [other, own] = [`t_${randomBytes(6).toString('hex')}`, `t_${randomBytes(6).toString('hex')}`];
      const admin = new pg.Client({ connectionString: pgUrl! });
      await admin.connect();
      try {
        await (await createStore({ databaseUrl: pgUrl, schema: other })).close();
        await admin.query(`create schema "${own}"`);
        const url = new URL(pgUrl!);
        url.searchParams.set('options', `-c search_path=${own}`);
        const store = await createStore({ databaseUrl: url.href });
        await store.addFeed({ url: 'https://a.example/feed' });
        await store.close();
        const { rows } = await admin.query(
          `select table_schema from information_schema.tables where table_name = 'feeds' and table_schema in ($1, $2)`,
          [other, own],
        );
        expect(rows.map((r) => r.table_schema).sort()).toEqual([other, own].sort());
      } finally {
        await admin.query(`drop schema if exists "${other}" cascade`);
        await admin.query(`drop schema if exists "${own}" cascade`);
        await admin.end();
      }
    },
  );

  it('rejects a schema name that is not a plain identifier', async () => {
    await expect(
      createStore({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none', schema: 'x"; drop table y; --' }),
    ).rejects.toThrow(InputError);
  });
});
