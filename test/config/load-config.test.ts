import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { ConfigError } from '../../src/errors.ts';

describe('loadConfig', () => {
  it('gives the embedded defaults with an empty environment', () => {
    const c = loadConfig({});
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.DATA_DIR).toBe('data');
    expect(c.PORT).toBe(3000);
    expect(c.INGEST_PATHS).toEqual(['samples']);
    expect(c.ALLOW_PRIVATE_ADDRESSES).toBe(false);
    expect(c.SLACK_BOT_TOKEN).toBeUndefined();
  });

  it('names every bad key in one error', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://db/x',
        DIGEST_TIMEZONE: 'Mars/Olympus',
        ALLOW_PRIVATE_ADDRESSES: 'maybe',
        SLACK_BOT_TOKEN: 'xoxb-123',
        DISCORD_TOKEN: 'abc',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const keys = (error as ConfigError).problems.map((p) => p.split(':')[0]);
    expect(keys.sort()).toEqual(
      [
        'ALLOW_PRIVATE_ADDRESSES',
        'DATABASE_URL',
        'DIGEST_TIMEZONE',
        'DISCORD_APPLICATION_ID',
        'PORT',
        'SLACK_SIGNING_SECRET',
      ].sort(),
    );
    expect((error as Error).message).toContain('PORT');
  });

  it('parses lists, booleans and a PostgreSQL URL', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
      FEEDS: 'https://a.example/rss, https://b.example/atom',
      ALLOW_PRIVATE_ADDRESSES: 'true',
      SLACK_ADMIN_USER_IDS: 'U1,U2',
    });
    expect(c.DATABASE_URL).toBe('postgres://u@127.0.0.1:5432/db');
    expect(c.FEEDS).toEqual(['https://a.example/rss', 'https://b.example/atom']);
    expect(c.ALLOW_PRIVATE_ADDRESSES).toBe(true);
    expect(c.SLACK_ADMIN_USER_IDS).toEqual(['U1', 'U2']);
  });

  it('reads a .env file, and the environment wins over it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsbot-env-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'PORT=4100\nDATA_DIR=/tmp/from-env-file\n# a comment\n');
    const c = loadConfig({ PORT: '4200' }, { envFile: file });
    expect(c.PORT).toBe(4200);
    expect(c.DATA_DIR).toBe('/tmp/from-env-file');
  });
});
