import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, NewsbotError } from '../../src/errors.ts';
import { createStore } from '../../src/store/index.ts';

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

  it('rejects a schema name that is not a plain identifier', async () => {
    await expect(
      createStore({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none', schema: 'x"; drop table y; --' }),
    ).rejects.toThrow(InputError);
  });
});
