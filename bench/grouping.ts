import { fixed, gated, info, type Row } from './report.ts';
import { runChild } from './run-child.ts';
import type { ScalePoint, ScaleWorkerResult } from './scale-worker.ts';

export type ScaleOptions = {
  samplesDir: string;
  scales: number[];
  /** New articles timed at each scale. */
  measured: number;
  lookups: number;
  /** Also time a restart (index rebuild) and the real pipeline at the largest scale. */
  reload: boolean;
  /** An existing folder to leave the store in (bench.db), for the memory section. */
  keepDir: string;
  log: (line: string) => void;
};

/** Fills one store with the synthetic corpus up to each scale, in a child process of its own. */
export function runScale(opts: ScaleOptions): Promise<ScaleWorkerResult> {
  return runChild<ScaleWorkerResult>(
    './scale-worker.ts',
    [
      opts.samplesDir,
      opts.scales.join(','),
      String(opts.measured),
      String(opts.lookups),
      opts.reload ? 'reload' : 'no-reload',
      opts.keepDir,
    ],
    { nodeArgs: ['--expose-gc'], onLine: (line) => opts.log(`scale: ${line}`) },
  );
}

export const FULL_SCALE = 100_000;

export const scaleLabel = (n: number) =>
  n < 1000 ? String(n) : n % 1000 === 0 ? `${n / 1000}k` : `${(n / 1000).toFixed(1)}k`;

function describePoint(p: ScalePoint): string {
  return (
    `${fixed(p.ingest.mean)} ms mean, p50 ${fixed(p.ingest.p50)}, cpu ${fixed(p.ingestCpu.mean)} (entities ${fixed(p.entities.mean)}, ` +
    `grouping ${fixed(p.grouping.mean)}, search index ${fixed(p.searchIndex.mean)}, store ${fixed(p.storeWrites.mean)}); ` +
    `${fixed(p.candidatesScoredPerArticle, 0)} candidates/article, ${p.stories} stories`
  );
}

export function groupingRows(r: ScaleWorkerResult): Row[] {
  const rows: Row[] = r.points.map((p) =>
    info('grouping', `per new article @${scaleLabel(p.stored)} stored`, describePoint(p)),
  );
  const first = r.points[0];
  const last = r.points.at(-1);
  if (!first || !last || first === last) return rows;
  const full = last.stored >= FULL_SCALE;
  const name = `${scaleLabel(last.stored)} / ${scaleLabel(first.stored)}`;
  const ratio = (pick: (p: ScalePoint) => number) => pick(last) / pick(first);
  const goalRow = (metric: string, value: number) =>
    full
      ? gated('grouping', metric, `${fixed(value)}×`, '≤ 1.5', value <= 1.5)
      : info('grouping', `${metric} (quick: no 100k)`, `${fixed(value)}×`);
  rows.push(
    goalRow(
      `whole ingest per article, ${name}`,
      ratio((p) => p.ingest.mean),
    ),
    goalRow(
      `grouping (assign) per article, ${name}`,
      ratio((p) => p.grouping.mean),
    ),
    info(
      'grouping',
      `whole ingest per article, cpu time, ${name}`,
      `${fixed(ratio((p) => p.ingestCpu.mean))}×`,
    ),
    info(
      'grouping',
      `grouping (assign) per article, cpu time, ${name}`,
      `${fixed(ratio((p) => p.groupingCpu.mean))}×`,
    ),
    info('grouping', `search index per article, ${name}`, `${fixed(ratio((p) => p.searchIndex.mean))}×`),
    info('grouping', `store writes per article, ${name}`, `${fixed(ratio((p) => p.storeWrites.mean))}×`),
    info(
      'grouping',
      'corpus',
      `synthetic from samples/ (seed ${r.seed}), ${r.perDay} articles/day; fill ${r.points.map((p) => `${scaleLabel(p.stored)} ${fixed(p.fillSeconds, 0)} s`).join(', ')}`,
    ),
  );
  if (r.reloadSeconds !== null)
    rows.push(
      info(
        'grouping',
        `restart: grouping index rebuilt from ${scaleLabel(last.stored)}`,
        `${fixed(r.reloadSeconds, 1)} s`,
      ),
    );
  if (r.pipelineIngest)
    rows.push(
      info(
        'grouping',
        `createPipeline ingest per article @${scaleLabel(last.stored)} (cross-check)`,
        `${fixed(r.pipelineIngest.mean)} ms mean, p50 ${fixed(r.pipelineIngest.p50)}`,
      ),
    );
  return rows;
}
