import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { ExtractWorkerResult, PassTiming } from './extract-worker.ts';
import type { StageTimes, ToolName } from './extractors.ts';
import { fixed, gated, info, type Row } from './report.ts';
import { type InteractiveChild, startInteractiveChild } from './run-child.ts';
import { median } from './stats.ts';

export type ThroughputOptions = {
  htmlDir: string;
  /** ../shared/tools/score-extraction.mjs */
  scoreTool: string;
  /** Folder for each tool's extracted bodies. */
  workDir: string;
  passes: number;
  warmupPages: number;
  /** Pages of the instrumented pass that splits our time into stages. */
  stagePages: number;
  /** Time only the first this many pages (0: all); extraction is scored only over all pages. */
  pageLimit: number;
  log: (line: string) => void;
};

export type ToolResult = ExtractWorkerResult & {
  tool: ToolName;
  passes: PassTiming[];
  pagesPerSecond: number;
  cpuPagesPerSecond: number;
  f1: number | null;
};

export type ThroughputResult = {
  tools: ToolResult[];
  /** Ours / Readability-over-linkedom, median over rounds of back-to-back passes. */
  ratio: number;
  cpuRatio: number;
  stageShares: Record<string, number> | null;
};

const TOOLS: ToolName[] = ['ours', 'readability-linkedom', 'readability-jsdom', 'article-extractor'];
const LABELS: Record<ToolName, string> = {
  ours: 'ours (whole pipeline)',
  'readability-linkedom': 'Readability + linkedom',
  'readability-jsdom': 'Readability + jsdom',
  'article-extractor': '@extractus/article-extractor',
};

function scoreF1(scoreTool: string, output: string): number | null {
  const text = execFileSync(process.execPath, [scoreTool, output], { encoding: 'utf8' });
  const m = /extraction-score: F1 ([\d.]+)/.exec(text);
  return m ? Number(m[1]) : null;
}

/**
 * Each tool in its own process over the same pages; their passes interleaved round by round so that
 * whatever else loads the machine falls on all of them alike.
 */
export async function runThroughput(opts: ThroughputOptions): Promise<ThroughputResult> {
  const children = new Map<ToolName, InteractiveChild>();
  const outputs = new Map<ToolName, string>();
  for (const tool of TOOLS) {
    const out = join(opts.workDir, `${tool}.json`);
    outputs.set(tool, out);
    children.set(
      tool,
      await startInteractiveChild('./extract-worker.ts', [tool, opts.htmlDir, String(opts.stagePages), out]),
    );
  }
  for (const [tool, child] of children) {
    await child.send(`warmup ${opts.warmupPages}`);
    opts.log(`throughput: ${tool} warmed up`);
  }
  const passes = new Map<ToolName, PassTiming[]>(TOOLS.map((t) => [t, []]));
  for (let round = 0; round < opts.passes; round++) {
    // Rotate who goes first, so no tool always follows the same one.
    const order = TOOLS.map((_, i) => TOOLS[(i + round) % TOOLS.length]!);
    for (const tool of order) {
      const timing = await children.get(tool)!.send<PassTiming>(`pass ${opts.pageLimit}`);
      passes.get(tool)!.push(timing);
      opts.log(`throughput: round ${round + 1}/${opts.passes} ${tool} ${fixed(timing.wallSeconds, 1)} s`);
    }
  }
  const tools: ToolResult[] = [];
  for (const tool of TOOLS) {
    const done = await children.get(tool)!.finish<ExtractWorkerResult>('finish');
    const mine = passes.get(tool)!;
    const timed = opts.pageLimit > 0 ? Math.min(opts.pageLimit, done.pages) : done.pages;
    tools.push({
      ...done,
      tool,
      passes: mine,
      pages: timed,
      pagesPerSecond: timed / median(mine.map((p) => p.wallSeconds)),
      cpuPagesPerSecond: timed / median(mine.map((p) => p.cpuSeconds)),
      f1: timed === done.pages ? scoreF1(opts.scoreTool, outputs.get(tool)!) : null,
    });
  }
  const ours = passes.get('ours')!;
  const base = passes.get('readability-linkedom')!;
  const ratio = median(ours.map((p, i) => base[i]!.wallSeconds / p.wallSeconds));
  const cpuRatio = median(ours.map((p, i) => base[i]!.cpuSeconds / p.cpuSeconds));
  const stages = tools.find((t) => t.tool === 'ours')?.stages ?? null;
  return { tools, ratio, cpuRatio, stageShares: stages ? shareOf(stages) : null };
}

function shareOf(stages: StageTimes): Record<string, number> {
  const total = Object.values(stages).reduce((s, v) => s + v, 0) || 1;
  return Object.fromEntries(
    Object.entries(stages)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => [k, v / total]),
  );
}

export function throughputRows(r: ThroughputResult): Row[] {
  const rows: Row[] = r.tools.map((t) =>
    info(
      'throughput',
      LABELS[t.tool],
      `${fixed(t.pagesPerSecond, 1)} pages/s (cpu ${fixed(t.cpuPagesPerSecond, 1)}/s), F1 ${t.f1 === null ? `n/a (${t.pages} pages timed)` : fixed(t.f1, 3)}, peak RSS ${fixed(t.peakRssMb, 0)} MB`,
    ),
  );
  rows.push(
    gated('throughput', 'ours / Readability+linkedom (wall)', `${fixed(r.ratio)}×`, '≥ 1.0', r.ratio >= 1),
    info('throughput', 'ours / Readability+linkedom (cpu time)', `${fixed(r.cpuRatio)}×`),
  );
  if (r.stageShares) {
    const ours = r.tools.find((t) => t.tool === 'ours');
    const parts = Object.entries(r.stageShares).map(([k, v]) => `${k} ${fixed(v * 100, 0)}%`);
    rows.push(info('throughput', `our time by stage (${ours?.stagePages ?? '?'} pages)`, parts.join(', ')));
  }
  return rows;
}
