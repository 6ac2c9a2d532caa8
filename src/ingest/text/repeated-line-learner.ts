import { createHash } from 'node:crypto';
import { z } from 'zod';
import { InputError } from '../../errors.ts';

/** What a learner knows, as plain JSON: per outlet, per normalised line, the articles it was seen in. */
export type RepeatedLinesState = {
  version: 1;
  outlets: Record<string, Record<string, string[]>>;
};

export type RepeatedLineLearner = {
  /**
   * Records the lines of one article of an outlet. Observing the same article again changes nothing: it is
   * known by `articleId` (its URL or source) when given, else by its lines, so pass an id when revisions recur.
   */
  observe(outlet: string, lines: string[], articleId?: string): void;
  /** True when the line is furniture the outlet repeats across its articles. */
  isRepeated(outlet: string, line: string): boolean;
  export(): RepeatedLinesState;
  /** Merges a state exported earlier; throws an InputError naming the problem when it is not one. */
  import(state: unknown): void;
};

export type RepeatedLineLearnerOptions = {
  /** Distinct articles a short line must appear in (default 2). */
  minArticles?: number;
  /** Distinct articles a line of quoted speech or a full sentence must appear in (default 5): follow-ups repeat those. */
  minArticlesForProse?: number;
  /** Lines remembered per outlet, oldest dropped first. */
  maxLinesPerOutlet?: number;
};

const stateSchema = z.object({
  version: z.literal(1),
  outlets: z.record(z.string(), z.record(z.string(), z.array(z.string().max(64)).max(16))),
});

const FINGERPRINTS_KEPT = 8;

/** Lower case, digits as #, whitespace collapsed: "294Yesterday, 22:40" and "206Yesterday, 21:12" match. */
export function normalizeLine(line: string): string {
  return line
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\d+/g, '#')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Quoted speech or a full sentence: follow-ups of a story repeat such lines, so they need more evidence. */
function isProseLike(line: string): boolean {
  const words = line.split(/\s+/).length;
  return /["“”«»]/u.test(line) || words > 30 || (words >= 12 && /[.!?]["”’)]?$/u.test(line));
}

/** Learns the lines an outlet repeats across its articles (promos, appeals, footers): those are furniture. */
export function createRepeatedLineLearner(options: RepeatedLineLearnerOptions = {}): RepeatedLineLearner {
  const minArticles = Math.max(2, options.minArticles ?? 2);
  const minProse = Math.max(minArticles, options.minArticlesForProse ?? 5);
  const maxLines = options.maxLinesPerOutlet ?? 5000;
  const outlets = new Map<string, Map<string, string[]>>();
  const outletKey = (o: string) => o.trim().toLowerCase();
  const linesOf = (outlet: string) => {
    const key = outletKey(outlet);
    const found = outlets.get(key);
    if (found) return found;
    const created = new Map<string, string[]>();
    outlets.set(key, created);
    return created;
  };

  const observe = (outlet: string, lines: string[], articleId?: string) => {
    if (typeof outlet !== 'string' || !outlet.trim() || !Array.isArray(lines)) return;
    const keys = [...new Set(lines.filter((l) => typeof l === 'string').map(normalizeLine))].filter(
      (k) => k.replace(/[^\p{L}\p{N}]/gu, '').length >= 3,
    );
    if (keys.length === 0) return;
    const identity = typeof articleId === 'string' && articleId ? `id:${articleId}` : keys.join('\n');
    const fingerprint = createHash('sha256').update(identity).digest('base64url').slice(0, 16);
    const seen = linesOf(outlet);
    for (const key of keys) {
      const prints = seen.get(key) ?? [];
      if (prints.includes(fingerprint)) continue;
      if (prints.length < FINGERPRINTS_KEPT) prints.push(fingerprint);
      seen.delete(key);
      seen.set(key, prints);
    }
    while (seen.size > maxLines) seen.delete(seen.keys().next().value as string);
  };

  const isRepeated = (outlet: string, line: string) => {
    if (typeof outlet !== 'string' || typeof line !== 'string') return false;
    const prints = outlets.get(outletKey(outlet))?.get(normalizeLine(line));
    if (!prints) return false;
    return prints.length >= (isProseLike(line) ? minProse : minArticles);
  };

  return {
    observe,
    isRepeated,
    export: () => ({
      version: 1,
      outlets: Object.fromEntries(
        [...outlets].map(([o, lines]) => [o, Object.fromEntries([...lines].map(([k, v]) => [k, [...v]]))]),
      ),
    }),
    import: (state: unknown) => {
      const parsed = stateSchema.safeParse(state);
      if (!parsed.success)
        throw new InputError(
          `repeated-line state: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
          'repeated-line state',
        );
      for (const [o, lines] of Object.entries(parsed.data.outlets)) {
        const seen = linesOf(o);
        for (const [k, prints] of Object.entries(lines)) {
          const merged = [...new Set([...(seen.get(k) ?? []), ...prints])].slice(0, FINGERPRINTS_KEPT);
          seen.set(k, merged);
        }
      }
    },
  };
}
