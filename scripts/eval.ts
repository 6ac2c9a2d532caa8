// `npm run eval`: the quality figures, scored by ../shared/tools on ../shared data (never part of `npm test`).
// 1. body extraction on the 181 pages of the article-extraction benchmark, through our whole pipeline;
// 2. the digest export of the five seed pages against seeds/gold.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../src/cli.ts';

const shared = resolve(process.env.NEWSBOT_SHARED ?? '../shared');
if (!existsSync(join(shared, 'tools'))) {
  console.error(`eval needs the shared folder at ${shared} (set NEWSBOT_SHARED to its path)`);
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'newsbot-eval-'));

async function exportDigest(
  inputs: string[],
  name: string,
): Promise<{ file: string; seconds: number; log: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks: Buffer[] = [];
  const errChunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  err.on('data', (c: Buffer) => errChunks.push(c));
  const started = performance.now();
  const code = await runCli(['digest', ...inputs.flatMap((i) => ['--input', i]), '--json'], { out, err });
  const seconds = (performance.now() - started) / 1000;
  const log = Buffer.concat(errChunks).toString('utf8').trim();
  if (code !== 0) throw new Error(`newsbot digest failed (${code}): ${log}`);
  const file = join(work, `${name}.json`);
  writeFileSync(file, Buffer.concat(chunks));
  return { file, seconds, log };
}

function score(tool: string, args: string[]): string {
  return execFileSync(process.execPath, [join(shared, 'tools', tool), ...args], { encoding: 'utf8' });
}

const benchHtml = join(shared, 'article-extraction-benchmark', 'html');
const pages = readdirSync(benchHtml).filter((f) => f.endsWith('.html.gz')).length;
const bench = await exportDigest([benchHtml], 'benchmark');
console.log(`== extraction: ${pages} benchmark pages through extract + cites + entities + grouping`);
console.log(`   ${bench.log}`);
console.log(
  `   ${(pages / bench.seconds).toFixed(1)} articles/s (${bench.seconds.toFixed(1)} s, one process)`,
);
console.log(score('score-extraction.mjs', [bench.file]));

const seedsDir = join(shared, 'seeds');
const seedFiles = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join(seedsDir, f));
const seeds = await exportDigest(seedFiles, 'seeds');
console.log(`== digest: ${seedFiles.length} seed pages`);
console.log(`   ${seeds.log}`);
console.log(score('score-digest.mjs', [join(seedsDir, 'gold.json'), seeds.file]));
console.log(`exports kept in ${work}`);
