import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../src/cli.ts';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  const o: Buffer[] = [];
  const e: Buffer[] = [];
  out.on('data', (c: Buffer) => o.push(c));
  err.on('data', (c: Buffer) => e.push(c));
  const code = await runCli(args, { out, err });
  return { code, out: Buffer.concat(o).toString('utf8'), err: Buffer.concat(e).toString('utf8') };
}

type Export = {
  articles: {
    id: string;
    source: string;
    outlet: string | null;
    title: string | null;
    published: string | null;
    text: string;
    cites: string[];
  }[];
  stories: {
    id: string;
    headline: string;
    what: string;
    who: { name: string; role: string | null; sources: string[] }[];
    where: { name: string; country: string | null; sources: string[] }[];
    sources: { outlet: string | null; articleId: string; url: string | null; cites: string[] }[];
    articleIds: string[];
    related: string[];
  }[];
};

beforeEach(() => {
  vi.stubEnv('DATA_DIR', mkdtempSync(join(tmpdir(), 'newsbot-cli-')));
  vi.stubEnv('LOG_LEVEL', 'silent');
});
afterEach(() => vi.unstubAllEnvs());

describe('newsbot digest --json', () => {
  it('writes the export format for the samples, grouped into stories', async () => {
    const { code, out, err } = await run(['digest', '--input', 'samples', '--json']);
    expect(code).toBe(0);
    expect(err).toMatch(/ingested 11, updated 0, unchanged 0, skipped 1 \(.*text/);
    const doc = JSON.parse(out) as Export;
    expect(doc.articles).toHaveLength(11);
    for (const a of doc.articles) {
      expect(Object.keys(a)).toEqual(
        expect.arrayContaining(['id', 'source', 'outlet', 'title', 'published', 'text', 'cites']),
      );
      expect(a.text.length).toBeGreaterThan(100);
    }
    const storyOf = (id: string) => doc.stories.find((s) => s.articleIds.includes(id));
    const strike = storyOf('01-harbour-times-port-strike.txt');
    expect(strike?.articleIds.sort()).toEqual(
      [
        '01-harbour-times-port-strike.txt',
        '02-lowlands-daily-port-strike.html',
        '03-coastal-courier-port-wire.html',
        'evening-ledger-rotterdam-strike',
      ].sort(),
    );
    const deal = storyOf('05-harbour-times-strike-deal.txt');
    expect(deal?.id).not.toBe(strike?.id);
    expect(deal?.related).toContain(strike?.id);
    const quake = storyOf('andes-herald-valparaiso-quake');
    expect(quake?.articleIds.sort()).toEqual(
      [
        'andes-herald-valparaiso-quake',
        'global-desk-chile-quake',
        '07-pacific-observer-chile-quake.html',
        '08-santiago-times-chile-quake.txt',
      ].sort(),
    );
    expect(storyOf('culture-weekly-kyoto-wing')?.articleIds).toEqual(['culture-weekly-kyoto-wing']);
    for (const s of doc.stories) {
      expect(s.what.length).toBeGreaterThan(0);
      expect(s.what.length).toBeLessThanOrEqual(300);
    }
    expect(strike?.who.map((w) => w.name)).toEqual(
      expect.arrayContaining(['Marieke van Dijk', 'Jonas de Vries']),
    );
    expect(quake?.where.map((w) => w.name.normalize('NFD').replace(/\p{M}/gu, ''))).toContain('Valparaiso');
    expect(quake?.sources.flatMap((s) => s.cites)).toContain('Reuters');
  });

  it('gives the same stories and ids on every run, whatever the input order', async () => {
    const files = readdirSync('samples')
      .sort()
      .map((f) => join('samples', f));
    const stories = async (inputs: string[]) => {
      const doc = JSON.parse(
        (await run(['digest', ...inputs.flatMap((i) => ['--input', i]), '--json'])).out,
      ) as Export;
      return doc.stories.map((s) => `${s.id}:${[...s.articleIds].sort().join(',')}`).sort();
    };
    const forward = await stories(files);
    expect(forward.length).toBeGreaterThanOrEqual(5);
    expect(await stories([...files].reverse())).toEqual(forward);
    expect(await stories(['samples'])).toEqual(forward);
  });

  it('prints readable text by default', async () => {
    const { code, out } = await run(['digest', '--input', 'samples/06-chile-quake.jsonl']);
    expect(code).toBe(0);
    expect(out).toMatch(/Chile/);
  });

  it('explains usage mistakes', async () => {
    expect((await run(['digest'])).code).toBe(2);
    expect((await run(['digest', '--input', 'samples', '--format', 'pdf'])).err).toMatch(
      /unknown --format "pdf"/,
    );
    expect((await run(['frobnicate'])).err).toMatch(/unknown command "frobnicate"/);
  });
});

describe('newsbot ingest and feeds', () => {
  it('ingests into the SQLite file, once', async () => {
    const first = await run(['ingest', 'samples']);
    expect(first.code).toBe(0);
    expect(first.err).toMatch(/ingested 11, .*skipped 1/);
    const second = await run(['ingest', 'samples']);
    expect(second.err).toMatch(/ingested 0, updated 0, unchanged 11, skipped 1/);
  });

  it('adds, lists and removes a feed, refusing private addresses', async () => {
    const refused = await run(['feeds', 'add', 'http://127.0.0.1:9/feed.xml']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/feed not added/);
    vi.stubEnv('ALLOW_PRIVATE_ADDRESSES', 'true');
    const added = await run(['feeds', 'add', 'http://127.0.0.1:9/feed.xml', '--interval', '600']);
    expect(added.code).toBe(0);
    const id = /added feed (\S+):/.exec(added.out)?.[1] ?? '';
    expect((await run(['feeds', 'list'])).out).toContain('http://127.0.0.1:9/feed.xml');
    expect((await run(['feeds', 'remove', id])).code).toBe(0);
    expect((await run(['feeds', 'list'])).out).toMatch(/no feeds/);
  });
});
