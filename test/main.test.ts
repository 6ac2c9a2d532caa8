import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

let child: ChildProcess | null = null;
afterEach(() => {
  child?.kill('SIGKILL');
  child = null;
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

describe('npm start (newsbot start)', () => {
  it('ingests the samples, prints digests, serves /healthz, answers a command, and stops on SIGINT', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'newsbot-main-'));
    child = spawn(process.execPath, ['bin/newsbot.mjs', 'start'], {
      env: {
        PATH: process.env.PATH,
        DATA_DIR: dataDir,
        PORT: '0',
        LOG_LEVEL: 'info',
        INGEST_PATHS: 'samples',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString('utf8');
    });
    child.stderr?.on('data', (c: Buffer) => {
      err += c.toString('utf8');
    });
    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    await waitFor(() => /http server listening/.test(err), 'the HTTP server');
    const url = /"url":"(http:\/\/[^"]+)"/.exec(err)?.[1];
    expect(url).toBeTruthy();
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { articles: number }).articles).toBe(11);
    expect(out).toMatch(/Rotterdam/);
    expect(out).toMatch(/Valparaíso/);
    child.stdin?.write('/news help\n');
    await waitFor(() => /\/news story/.test(out), 'the help reply');
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(err).toMatch(/stopped/);
  }, 60_000);
});
