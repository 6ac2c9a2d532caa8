// Child process of the throughput section: one tool over the benchmark pages, one pass per "pass"
// line on stdin (see `serveCommands`), so the parent can interleave the tools' passes.
// Usage: extract-worker.ts TOOL HTML_DIR STAGE_PAGES OUTPUT.json
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createExtractRun,
  htmlToPlainText,
  type Page,
  type StageTimes,
  TOOL_NAMES,
  type ToolName,
  timeOurStages,
} from './extractors.ts';
import { readPeakRssMb, serveCommands } from './run-child.ts';

export type PassTiming = { wallSeconds: number; cpuSeconds: number };
export type ExtractWorkerResult = {
  pages: number;
  peakRssMb: number;
  /** Ours only: milliseconds per stage over one extra, instrumented pass over `stagePages` pages. */
  stages: StageTimes | null;
  stagePages: number;
};

const [toolArg, dir, stagePagesArg, outFile] = process.argv.slice(2);
if (!toolArg || !TOOL_NAMES.includes(toolArg as ToolName) || !dir || !outFile) {
  console.error('usage: extract-worker.ts TOOL HTML_DIR STAGE_PAGES OUTPUT.json');
  process.exit(2);
}
const tool = toolArg as ToolName;

const pages: Page[] = readdirSync(dir)
  .filter((f) => f.endsWith('.html.gz'))
  .sort()
  .map((f) => ({ key: f.replace(/\.html?\.gz$/, ''), source: join(dir, f), gz: readFileSync(join(dir, f)) }));
const run = await createExtractRun(tool);
let bodies = new Map<string, string>();

async function timePass(list: Page[]): Promise<PassTiming> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  bodies = await run(list);
  const wallSeconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { wallSeconds, cpuSeconds: (used.user + used.system) / 1e6 };
}

await serveCommands(async (command) => {
  const [verb, arg] = command.split(' ');
  if (verb === 'warmup') return timePass(pages.slice(0, Number(arg) || 10));
  if (verb === 'pass') return timePass(Number(arg) > 0 ? pages.slice(0, Number(arg)) : pages);
  if (verb !== 'finish') throw new Error(`unknown command ${command}`);
  const peakRssMb = readPeakRssMb();
  const stagePages = Math.min(pages.length, Number(stagePagesArg) || pages.length);
  const stages = tool === 'ours' ? await timeOurStages(pages.slice(0, stagePages)) : null;
  const output: Record<string, { articleBody: string }> = {};
  for (const [key, body] of bodies)
    output[key] = { articleBody: tool === 'article-extractor' ? htmlToPlainText(body) : body };
  writeFileSync(outFile, JSON.stringify(output));
  return { pages: pages.length, peakRssMb, stages, stagePages } satisfies ExtractWorkerResult;
});
