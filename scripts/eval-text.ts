/**
 * Scores the plain-text page parser and the cite finder on ../shared/seeds (never used by tests):
 * writes a digest export of the seed articles and runs the shared scorer on it.
 * Usage: npx tsx scripts/eval-text.ts [--show]   (--show prints each cleaned body)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { extractCites } from '../src/ingest/cites.ts';
import { parseScrapedText } from '../src/ingest/text/index.ts';

const shared = resolve(import.meta.dirname, '../../shared');
const seeds = join(shared, 'seeds');
const show = process.argv.includes('--show');

const articles = readdirSync(seeds)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => {
    const path = join(seeds, file);
    const raw = readFileSync(path, 'utf8');
    const parsed = parseScrapedText(raw, { source: path });
    const cites = extractCites(raw, { outlet: parsed.outlet });
    if (show) {
      console.log(
        `\n===== ${file}  outlet=${parsed.outlet} title=${JSON.stringify(parsed.title)} published=${parsed.published}`,
      );
      console.log(`cites: ${JSON.stringify(cites)}`);
      console.log(parsed.text);
      console.log(`----- removed (${parsed.removed.length}):`);
      for (const r of parsed.removed) console.log(`  - ${r.slice(0, 100)}`);
    }
    const bodyLines = parsed.text.split('\n\n').length;
    return {
      id: basename(file),
      source: path,
      outlet: parsed.outlet,
      title: parsed.title,
      published: parsed.published,
      text: parsed.text,
      cites,
      bodyLines,
    };
  });

const out = join(mkdtempSync(join(tmpdir(), 'eval-text-')), 'digest.json');
writeFileSync(out, JSON.stringify({ articles, stories: [] }, null, 2));
const report = execFileSync('node', [join(shared, 'tools/score-digest.mjs'), join(seeds, 'gold.json'), out], {
  encoding: 'utf8',
});
for (const line of report.split('\n')) if (line.startsWith('boilerplate kept')) console.log(line);
const score = report.split('\n').find((l) => l.startsWith('digest-score:')) ?? '';
const leak = /leak (\S+)/.exec(score)?.[1];
const cites = /citesR (\S+)/.exec(score)?.[1];
for (const a of articles)
  console.log(
    `${a.id}: outlet=${a.outlet ?? 'null'} paragraphs=${a.bodyLines} cites=${JSON.stringify(a.cites)}`,
  );
console.log(`boilerplate leak ${leak}  cites recall ${cites}  (export: ${out})`);
