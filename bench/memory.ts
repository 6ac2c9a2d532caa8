import { FULL_SCALE, scaleLabel } from './grouping.ts';
import { fixed, gated, info, type Row } from './report.ts';
import type { ScaleWorkerResult } from './scale-worker.ts';

const GOAL_MB = 300;

/** Resident memory of the process holding the store and the grouping index, after a full GC. */
export function memoryRows(r: ScaleWorkerResult): Row[] {
  const stored = r.points.at(-1)?.stored ?? 0;
  const value = `${fixed(r.rssMb, 0)} MB (heap ${fixed(r.heapUsedMb, 0)} MB; peak during fill ${fixed(r.peakRssMb, 0)} MB)`;
  const metric = `resident memory @${scaleLabel(stored)} stored`;
  return [
    stored >= FULL_SCALE
      ? gated('memory', metric, value, `≤ ${GOAL_MB} MB`, r.rssMb <= GOAL_MB)
      : info('memory', `${metric} (quick: no 100k)`, value),
  ];
}
