// `npm run bench` (full) and `npm run bench -- --quick` (under 3 minutes): speed and scale as ratios
// taken in one run, printed as a table and written to bench/results.json. Never part of `npm test`.
// Options: --quick, --only=throughput,scale,fanout, --readme (rewrite the README's Benchmarks table).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fanoutRows, runFanout } from './fanout.ts';
import type { FanoutWorkerResult } from './fanout-worker.ts';
import { FULL_SCALE, groupingRows, runScale } from './grouping.ts';
import { lookupRows } from './lookup.ts';
import { memoryRows, runMemoryProbe } from './memory.ts';
import type { MemoryWorkerResult } from './memory-worker.ts';
import { formatTable, type Row, readMachine, unavailable, updateReadme } from './report.ts';
import type { ScaleWorkerResult } from './scale-worker.ts';
import { runThroughput, type ThroughputResult, throughputRows } from './throughput.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wants = (section: string) => !only || only.includes(section);
const root = fileURLToPath(new URL('..', import.meta.url));
const shared = resolve(process.env.NEWSBOT_SHARED ?? join(root, '..', 'shared'));
const htmlDir = join(shared, 'article-extraction-benchmark', 'html');
const scoreTool = join(shared, 'tools', 'score-extraction.mjs');
const started = performance.now();
const log = (line: string) =>
  console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

const machine = readMachine();
const rows: Row[] = [];
const raw: {
  throughput?: ThroughputResult;
  scale?: ScaleWorkerResult;
  restart?: MemoryWorkerResult;
  fanout?: FanoutWorkerResult;
} = {};
const work = mkdtempSync(join(tmpdir(), 'newsbot-bench-'));
log(
  `${quick ? 'quick' : 'full'} bench on ${machine.cores} cores, Node ${machine.node}, load ${machine.loadAverage.join(' ')}`,
);

/** A section that fails is reported in the table; the others still run. */
async function runSection(name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    log(`${name} failed: ${err instanceof Error ? err.stack : String(err)}`);
    rows.push(
      unavailable(name, 'section failed', err instanceof Error ? err.message.split('\n')[0]! : String(err)),
    );
  }
}

try {
  if (wants('throughput'))
    await runSection('throughput', async () => {
      if (!existsSync(htmlDir) || !existsSync(scoreTool)) {
        rows.push(unavailable('throughput', 'extraction benchmark', `needs ${htmlDir} (set NEWSBOT_SHARED)`));
      } else {
        raw.throughput = await runThroughput({
          htmlDir,
          scoreTool,
          workDir: work,
          passes: quick ? 1 : 3,
          warmupPages: quick ? 10 : 60,
          stagePages: quick ? 30 : 181,
          pageLimit: quick ? 40 : 0,
          log,
        });
        rows.push(...throughputRows(raw.throughput));
      }
    });

  if (wants('scale'))
    await runSection('scale', async () => {
      const scales = quick ? [1000, 5000] : [1000, 10_000, FULL_SCALE];
      const keepDir = join(work, 'scale');
      mkdirSync(keepDir);
      raw.scale = await runScale({
        samplesDir: join(root, 'samples'),
        scales,
        measured: quick ? 60 : 300,
        lookups: quick ? 200 : 1000,
        reload: !quick,
        keepDir,
        log,
      });
      raw.restart = await runMemoryProbe(keepDir).catch((err: unknown) => {
        log(`memory probe failed: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      });
      rows.push(...groupingRows(raw.scale), ...memoryRows(raw.scale, raw.restart ?? null));
      rows.push(...lookupRows(raw.scale.lookup, raw.scale.points.at(-1)?.stored ?? 0, FULL_SCALE));
    });

  if (wants('fanout'))
    await runSection('fanout', async () => {
      raw.fanout = await runFanout({
        samplesDir: join(root, 'samples'),
        channels: quick ? 20 : 1000,
        articles: quick ? 30 : 150,
        log,
      });
      rows.push(...fanoutRows(raw.fanout));
    });
} finally {
  rmSync(work, { recursive: true, force: true });
}

const seconds = (performance.now() - started) / 1000;
const header = `${quick ? 'Quick' : 'Full'} run ${new Date().toISOString().slice(0, 16)}Z, ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, load average at start ${machine.loadAverage.join(' ')}, ${seconds.toFixed(0)} s.`;
const table = formatTable(rows, machine);
console.log(header);
console.log(table);
writeFileSync(
  join(root, 'bench', 'results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), quick, seconds, machine, rows, raw }, null, 2)}\n`,
);
console.log('written bench/results.json');
if (args.includes('--readme')) {
  updateReadme(join(root, 'README.md'), table, header);
  console.log('README.md Benchmarks table updated');
}
