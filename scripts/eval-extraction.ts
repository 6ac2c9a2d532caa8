/**
 * Scores extractHtml on the article-extraction benchmark in /work/shared (not part of the test suite).
 * Usage: npx tsx scripts/eval-extraction.ts [--worst N] [--only HASH] [--compare SCORES.json]
 * --compare prints the pages whose F1 changed since the run that wrote SCORES.json, then rewrites it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import { describeError } from '../src/errors.ts';
import { decodeText } from '../src/ingest/decode-text.ts';
import { extractHtml } from '../src/ingest/html/index.ts';

const shared = process.env.NEWSBOT_SHARED ?? '/work/shared';
const bench = join(shared, 'article-extraction-benchmark');
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const worst = Number(flag('--worst') ?? 0);
const only = flag('--only');
const compare = flag('--compare');

if (!existsSync(join(bench, 'ground-truth.json'))) {
  console.error(
    `no benchmark at ${bench} (set NEWSBOT_SHARED to the folder holding article-extraction-benchmark/)`,
  );
  process.exit(2);
}

type Gold = Record<string, { articleBody: string; url?: string }>;
const gold = JSON.parse(readFileSync(join(bench, 'ground-truth.json'), 'utf8')) as Gold;

const tokens = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
function scorePage(pred: string, truth: string): { p: number; r: number; f: number } {
  const gc = new Map<string, number>();
  for (const t of tokens(truth)) gc.set(t, (gc.get(t) ?? 0) + 1);
  const pt = tokens(pred);
  let inter = 0;
  for (const t of pt) {
    const c = gc.get(t) ?? 0;
    if (c > 0) {
      inter++;
      gc.set(t, c - 1);
    }
  }
  const gl = tokens(truth).length;
  const p = pt.length ? inter / pt.length : 0;
  const r = gl ? inter / gl : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

const files = readdirSync(join(bench, 'html')).filter((f) => f.endsWith('.html.gz'));
const out: Record<string, { articleBody: string }> = {};
const perPage: { key: string; p: number; r: number; f: number }[] = [];
let extractMs = 0;
let extractCpuUs = 0;
let failures = 0;
for (const file of files) {
  const key = file.replace(/\.html\.gz$/, '');
  if (only && key !== only) continue;
  const bytes = gunzipSync(readFileSync(join(bench, 'html', file)));
  const { text: html } = decodeText(bytes, { kind: 'html' });
  let body = '';
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  try {
    body = extractHtml(html, { url: gold[key]?.url ?? null }).text;
  } catch (err) {
    failures++;
    console.error(`${key}: ${describeError(err)}`);
  }
  extractMs += performance.now() - t0;
  const c1 = process.cpuUsage(c0);
  extractCpuUs += c1.user + c1.system;
  out[key] = { articleBody: body };
  if (gold[key]) perPage.push({ key, ...scorePage(body, gold[key].articleBody) });
  if (only) console.log(body);
}

const outFile = join(mkdtempSync(join(tmpdir(), 'newsbot-eval-')), 'extraction.json');
writeFileSync(outFile, JSON.stringify(out));
if (!only)
  console.log(
    execFileSync('node', [join(shared, 'tools', 'score-extraction.mjs'), outFile], { encoding: 'utf8' }),
  );
const n = Object.keys(out).length;
// CPU time is the steadier figure on a shared machine; wall time includes waiting for a core.
console.log(
  `pages: ${n}, failures: ${failures}, extractHtml: ${(n / (extractMs / 1000)).toFixed(1)} pages/s wall ` +
    `(${(extractMs / n).toFixed(1)} ms/page), ${(n / (extractCpuUs / 1e6)).toFixed(1)} pages/s of CPU time`,
);
if (worst > 0) {
  perPage.sort((a, b) => a.f - b.f);
  for (const w of perPage.slice(0, worst))
    console.log(
      `${w.key}  P ${w.p.toFixed(3)}  R ${w.r.toFixed(3)}  F1 ${w.f.toFixed(3)}  ${gold[w.key]?.url ?? ''}`,
    );
}
if (compare) {
  const before: Record<string, number> = existsSync(compare) ? JSON.parse(readFileSync(compare, 'utf8')) : {};
  const now = Object.fromEntries(perPage.map((p) => [p.key, Number(p.f.toFixed(4))]));
  const changed = Object.entries(now)
    .filter(([k, f]) => before[k] !== undefined && Math.abs(f - before[k]!) > 1e-4)
    .sort((a, b) => a[1] - before[a[0]]! - (b[1] - before[b[0]]!));
  for (const [k, f] of changed)
    console.log(`${k.slice(0, 12)}  ${before[k]!.toFixed(3)} -> ${f.toFixed(3)}  ${gold[k]?.url ?? ''}`);
  writeFileSync(compare, JSON.stringify(now));
}
