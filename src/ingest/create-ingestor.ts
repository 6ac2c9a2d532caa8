import type { Logger } from '../log.ts';
import { silentLogger } from '../log.ts';
import type { Store, UpsertResult } from '../store/store.ts';
import type { ArticleInput, IngestSummary } from '../types.ts';
import { extractCites, isTextCited } from './cites.ts';
import { type ParsedItem, parseInput } from './parse-input.ts';
import { type RawInput, readInputs } from './read-inputs.ts';
import { createRepeatedLineLearner } from './text/index.ts';

export type StoredHook = (result: UpsertResult) => Promise<void>;

export type Ingestor = {
  /** Files and folders; every bad input is quarantined with its reason and the rest goes on. */
  ingestPaths(
    paths: string[],
    opts?: { onProgress?: (done: number, total: number, source: string) => void },
  ): Promise<IngestSummary>;
  /** Already parsed items (webhook records, feed items). */
  ingestItems(items: ParsedItem[]): Promise<IngestSummary>;
  ingestArticle(input: ArticleInput): Promise<UpsertResult>;
};

export function emptySummary(): IngestSummary {
  return { ingested: 0, updated: 0, unchanged: 0, skipped: [], articleIds: [] };
}

export function mergeCites(input: ArticleInput): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const found = isTextCited(input) ? [] : extractCites(input.text, { outlet: input.outlet });
  for (const c of [...input.cites, ...found]) {
    const key = c.toLowerCase();
    if (seen.has(key) || (input.outlet && key === input.outlet.toLowerCase())) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

export function createIngestor(deps: {
  store: Store;
  maxBytes: number;
  log?: Logger;
  onStored?: StoredHook;
}): Ingestor {
  const { store, maxBytes } = deps;
  const log = deps.log ?? silentLogger;
  const learner = createRepeatedLineLearner();

  async function ingestArticle(input: ArticleInput): Promise<UpsertResult> {
    const result = await store.upsertArticle({ ...input, cites: mergeCites(input) });
    if (deps.onStored && result.status !== 'unchanged') await deps.onStored(result);
    return result;
  }

  async function ingestItems(items: ParsedItem[], summary = emptySummary()): Promise<IngestSummary> {
    for (const item of items) {
      if (!item.ok) {
        summary.skipped.push({ source: item.source, reason: item.reason });
        log.warn({ source: item.source, reason: item.reason }, 'input rejected');
        await store.quarantine({ source: item.source, reason: item.reason, raw: item.raw });
        continue;
      }
      const { status, article } = await ingestArticle(item.input);
      if (status === 'new') summary.ingested++;
      else if (status === 'updated') summary.updated++;
      else summary.unchanged++;
      if (status !== 'unchanged') summary.articleIds.push(article.id);
    }
    return summary;
  }

  async function ingestPaths(
    paths: string[],
    opts: { onProgress?: (done: number, total: number, source: string) => void } = {},
  ): Promise<IngestSummary> {
    const files: RawInput[] = [];
    for await (const raw of readInputs(paths, { maxBytes })) files.push(raw);
    // Scraped text pages teach the learner which lines an outlet repeats before any of them is cleaned.
    for (const f of files) {
      if (!f.ok || f.kind !== 'txt') continue;
      const [first] = parseInput(f, { maxBytes });
      if (first?.ok && first.input.outlet)
        learner.observe(first.input.outlet, new TextDecoder().decode(f.bytes).split(/\r?\n/));
    }
    const summary = emptySummary();
    let done = 0;
    for (const f of files) {
      const items: ParsedItem[] = f.ok
        ? parseInput(f, { maxBytes, learner })
        : [{ ok: false, source: f.source, reason: f.reason, raw: f.raw }];
      await ingestItems(items, summary);
      opts.onProgress?.(++done, files.length, f.source);
    }
    return summary;
  }

  return { ingestPaths, ingestItems: (items) => ingestItems(items), ingestArticle };
}

export function formatSummary(s: IngestSummary): string {
  const reasons = new Map<string, number>();
  for (const r of s.skipped) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
  const why = [...reasons].map(([reason, n]) => (n > 1 ? `${reason} ×${n}` : reason)).join('; ');
  return `ingested ${s.ingested}, updated ${s.updated}, unchanged ${s.unchanged}, skipped ${s.skipped.length}${why ? ` (${why})` : ''}`;
}
