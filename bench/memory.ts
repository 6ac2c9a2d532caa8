import { join } from 'node:path';
import { FULL_SCALE, scaleLabel } from './grouping.ts';
import type { MemoryWorkerResult } from './memory-worker.ts';
import { fixed, gated, info, type Row } from './report.ts';
import { runChild } from './run-child.ts';
import type { ScaleWorkerResult } from './scale-worker.ts';

const GOAL_MB = 300;

/** A fresh process on the scale section's store (left in `dir`): what the bot holds after a restart. */
export function runMemoryProbe(dir: string): Promise<MemoryWorkerResult> {
  return runChild<MemoryWorkerResult>('./memory-worker.ts', [join(dir, 'bench.db')], {
    nodeArgs: ['--expose-gc'],
  });
}

/**
 * Resident memory with the store at its largest scale, after a full GC: in the process that filled it
 * (a bot that ingested all of it), and in a fresh process that only opened it and loaded the index.
 */
export function memoryRows(r: ScaleWorkerResult, restart: MemoryWorkerResult | null): Row[] {
  const stored = r.points.at(-1)?.stored ?? 0;
  const full = stored >= FULL_SCALE;
  const row = (metric: string, value: string, mb: number) =>
    full
      ? gated('memory', metric, value, `≤ ${GOAL_MB} MB`, mb <= GOAL_MB)
      : info('memory', `${metric} (quick: no 100k)`, value);
  const rows = [
    row(
      `resident memory @${scaleLabel(stored)}, process that ingested them`,
      `${fixed(r.rssMb, 0)} MB (heap ${fixed(r.heapUsedMb, 0)} MB, external ${fixed(r.externalMb ?? Number.NaN, 0)} MB; peak ${fixed(r.peakRssMb, 0)} MB)`,
      r.rssMb,
    ),
  ];
  if (restart)
    rows.push(
      row(
        `resident memory @${scaleLabel(restart.articles)}, fresh process after index load`,
        `${fixed(restart.rssMb, 0)} MB (heap ${fixed(restart.heapUsedMb, 0)} MB, external ${fixed(restart.externalMb, 0)} MB; load ${fixed(restart.loadSeconds, 1)} s)`,
        restart.rssMb,
      ),
    );
  return rows;
}
