import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

function waitFor(predicate: () => boolean, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (predicate()) resolve();
      else if (Date.now() > deadline) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(tick, 50);
    };
    tick();
  });
}

/** `newsbot start` as `npm start` runs it, with no tokens: SQLite under dataDir, console adapter, samples. */
function startBot(dataDir: string) {
  const child = spawn(process.execPath, ['bin/newsbot.mjs', 'start'], {
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info', INGEST_PATHS: 'samples' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  const bot = {
    child,
    out: '',
    err: '',
    exited: new Promise<number | null>((r) => child.once('exit', (code) => r(code))),
  };
  child.stdout?.on('data', (c: Buffer) => {
    bot.out += c.toString('utf8');
  });
  child.stderr?.on('data', (c: Buffer) => {
    bot.err += c.toString('utf8');
  });
  return bot;
}

describe('npm start (newsbot start)', () => {
  it('ingests the samples, prints digests, serves /healthz, answers a command, and stops on SIGINT', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'newsbot-main-'));
    const bot = startBot(dataDir);
    await waitFor(() => /http server listening/.test(bot.err), 'the HTTP server');
    const url = /"url":"(http:\/\/[^"]+)"/.exec(bot.err)?.[1];
    expect(url).toBeTruthy();
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { articles: number }).articles).toBe(11);
    expect(bot.out).toMatch(/Rotterdam/);
    expect(bot.out).toMatch(/Valparaíso/);
    bot.child.stdin?.write('/news help\n');
    await waitFor(() => /\/news story/.test(bot.out), 'the help reply');
    bot.child.kill('SIGINT');
    expect(await bot.exited).toBe(0);
    expect(bot.err).toMatch(/stopped/);

    // A second start on the same store ingests nothing new and still shows the stories it holds.
    const again = startBot(dataDir);
    await waitFor(() => /http server listening/.test(again.err), 'the second start');
    expect(again.err).toMatch(/ingested 0, updated 0, unchanged 11/);
    expect(again.out).toMatch(/Rotterdam/);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 90_000);

  it('stops cleanly on a SIGTERM that arrives while it is still starting', async () => {
    const bot = startBot(mkdtempSync(join(tmpdir(), 'newsbot-main-')));
    await waitFor(() => /store ready/.test(bot.err), 'the store');
    expect(bot.err).not.toMatch(/http server listening/);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.err).toMatch(/"signal":"SIGTERM".*shutting down/);
    expect(bot.err).toMatch(/stopped/);
  }, 60_000);

  it('stops at start-up with every bad configuration key named', async () => {
    const child = spawn(process.execPath, ['bin/newsbot.mjs', 'start'], {
      env: {
        PATH: process.env.PATH,
        PORT: 'abc',
        DATABASE_URL: 'mysql://x',
        DIGEST_TIMEZONE: 'Nowhere/Town',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let err = '';
    child.stderr?.on('data', (c: Buffer) => {
      err += c.toString('utf8');
    });
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code).not.toBe(0);
    expect(err).toMatch(/PORT/);
    expect(err).toMatch(/DATABASE_URL/);
    expect(err).toMatch(/DIGEST_TIMEZONE/);
  }, 30_000);
});
