import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';

export type Machine = { cores: number; cpu: string; node: string; loadAverage: number[] };

/** One line of the table: a measurement, its goal and whether the goal was met. */
export type Row = {
  section: string;
  metric: string;
  value: string;
  goal: string;
  /** 'info' for a figure without a goal, 'n/a' for a section that could not run. */
  result: 'pass' | 'fail' | 'info' | 'n/a';
};

export function readMachine(): Machine {
  return {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export const info = (section: string, metric: string, value: string): Row => ({
  section,
  metric,
  value,
  goal: '',
  result: 'info',
});

export const gated = (section: string, metric: string, value: string, goal: string, pass: boolean): Row => ({
  section,
  metric,
  value,
  goal,
  result: pass ? 'pass' : 'fail',
});

export const unavailable = (section: string, metric: string, reason: string): Row => ({
  section,
  metric,
  value: reason,
  goal: '',
  result: 'n/a',
});

/** Fixed-width text table; every line names the cores and the Node version it ran on. */
export function formatTable(rows: Row[], machine: Machine): string {
  const header = ['section', 'metric', 'value', 'goal', 'result', 'cores', 'node'];
  const lines = rows.map((r) => [
    r.section,
    r.metric,
    r.value,
    r.goal,
    r.result,
    String(machine.cores),
    machine.node,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [format(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(format)].join(
    '\n',
  );
}

export const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

const BEGIN = '<!-- bench:begin -->';
const END = '<!-- bench:end -->';

/**
 * Rewrites the table between the bench markers of the README's "## Benchmarks" section (added at
 * the end of the README the first time).
 */
export function updateReadme(readmePath: string, table: string, header: string): void {
  const readme = readFileSync(readmePath, 'utf8');
  const block = `${BEGIN}\n${header}\n\n${table}\n${END}`;
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start >= 0 && end > start) {
    writeFileSync(readmePath, readme.slice(0, start) + block + readme.slice(end + END.length));
    return;
  }
  throw new Error(`${readmePath} has no ${BEGIN} … ${END} block under "## Benchmarks" to update`);
}
