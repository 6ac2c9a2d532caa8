// `npx tsx scripts/eval-entities.ts`: who/where quality of src/nlp on ../shared/seeds (articles grouped by
// the gold stories — scaffolding for measurement only), gazetteer load time, extraction speed, and a
// look at who/where on the extraction benchmark's article bodies (news in general).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Article, Mention } from '../src/types.ts';

const shared = resolve(process.env.NEWSBOT_SHARED ?? '../shared');
const seedsDir = join(shared, 'seeds');

type Parsed = { title: string | null; outlet: string | null; text: string; cites: string[] };

/** The ingest cleaner when present; else a crude stand-in keeping sentence-like paragraphs. */
async function loadCleaner(): Promise<(raw: string, source: string) => Parsed> {
  try {
    const { parseScrapedText } = await import('../src/ingest/text/index.ts');
    const { extractCites } = await import('../src/ingest/cites.ts');
    return (raw, source) => {
      const p = parseScrapedText(raw, { source });
      return { title: p.title, outlet: p.outlet, text: p.text, cites: extractCites(p.text, {}) };
    };
  } catch (err) {
    console.log(
      `(ingest cleaner unavailable: ${(err as Error).message.split('\n')[0]}; crude stand-in used)`,
    );
    return (raw) => {
      const lines = raw.split(/\n+/).map((l) => l.trim());
      const text = lines.filter((l) => l.split(/\s+/).length >= 12 && /[.!?"”]$/.test(l)).join('\n\n');
      return { title: lines.find((l) => l.length > 20) ?? null, outlet: null, text, cites: [] };
    };
  }
}

async function loadGrouping(): Promise<(articles: Article[]) => Map<string, string>> {
  try {
    const { independentGroups } = await import('../src/grouping/independent-groups.ts');
    return independentGroups;
  } catch {
    return (articles) => new Map(articles.map((a) => [a.id, a.id]));
  }
}

function asArticle(id: string, p: Parsed): Article {
  const now = new Date(0).toISOString();
  return {
    ...p,
    id,
    externalId: id,
    source: id,
    feedId: null,
    guid: null,
    url: null,
    published: null,
    contentHash: id,
    copyOf: null,
    revision: 1,
    firstSeen: now,
    updated: now,
  };
}

async function main() {
  // Cold load first, before anything else touches the gazetteer.
  const { createGazetteer } = await import('../src/nlp/gazetteer.ts');
  let t0 = performance.now();
  const gaz = createGazetteer();
  const coldMs = performance.now() - t0;
  t0 = performance.now();
  createGazetteer();
  const warmMs = performance.now() - t0;
  console.log(
    `gazetteer: ${gaz.size} names, load ${coldMs.toFixed(1)} ms cold, ${warmMs.toFixed(1)} ms rebuilt`,
  );

  const { extractMentions, selectWho, selectWhere } = await import('../src/nlp/index.ts');
  const clean = await loadCleaner();
  const groupsOf = await loadGrouping();

  if (!existsSync(seedsDir)) {
    console.error(`no seeds at ${seedsDir} (set NEWSBOT_SHARED)`);
    process.exit(2);
  }
  const gold = JSON.parse(readFileSync(join(seedsDir, 'gold.json'), 'utf8')) as {
    articles: { file: string; story: string }[];
    stories: { id: string }[];
  };
  const files = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const articles: Article[] = [];
  const mentions = new Map<string, Mention[]>();
  let extractMs = 0;
  for (const f of files) {
    const article = asArticle(f, clean(readFileSync(join(seedsDir, f), 'utf8'), join(seedsDir, f)));
    t0 = performance.now();
    mentions.set(f, extractMentions(article));
    extractMs += performance.now() - t0;
    articles.push(article);
  }
  t0 = performance.now();
  for (const a of articles) extractMentions(a);
  const seedWarmMs = performance.now() - t0;
  console.log(
    `seeds: ${files.length} articles, extraction ${extractMs.toFixed(0)} ms cold (first call warms compromise), ${seedWarmMs.toFixed(0)} ms warm = ${((files.length / seedWarmMs) * 1000).toFixed(1)} articles/s`,
  );

  const stories = gold.stories.map((s) => {
    const own = articles.filter((a) => gold.articles.find((g) => g.file === a.id)?.story === s.id);
    const groups = groupsOf(own);
    const items = own.map((a) => ({
      sourceName: a.outlet ?? a.cites[0] ?? a.id,
      independentGroup: groups.get(a.id) ?? a.id,
      mentions: mentions.get(a.id) ?? [],
    }));
    const who = selectWho(items);
    const where = selectWhere(items);
    console.log(`\n${s.id}: ${own.length} articles, ${new Set(groups.values()).size} independent groups`);
    for (const w of who)
      console.log(`  who   ${w.name}${w.role ? ` — ${w.role}` : ''}  [${w.sources.join(', ')}]`);
    for (const w of where)
      console.log(`  where ${w.name}${w.country ? ` (${w.country})` : ''}  [${w.sources.join(', ')}]`);
    return {
      id: s.id,
      headline: '',
      what: '',
      who,
      where,
      sources: [],
      articleIds: own.map((a) => a.id),
      related: [],
    };
  });
  const out = {
    articles: articles.map((a) => ({
      id: a.id,
      source: a.id,
      outlet: a.outlet,
      title: a.title,
      published: null,
      text: a.text,
      cites: a.cites,
    })),
    stories,
  };
  const file = join(mkdtempSync(join(tmpdir(), 'newsbot-entities-')), 'entities.json');
  writeFileSync(file, JSON.stringify(out, null, 2));
  const score = execFileSync(
    process.execPath,
    [join(shared, 'tools', 'score-digest.mjs'), join(seedsDir, 'gold.json'), file, '--json'],
    { encoding: 'utf8' },
  );
  const { summary, perStory } = JSON.parse(score) as {
    summary: Record<string, number>;
    perStory: {
      id: string;
      who?: { precision: number; recall: number };
      where?: { precision: number; recall: number };
    }[];
  };
  console.log('');
  for (const r of perStory)
    console.log(
      `${r.id.padEnd(40)} who P ${r.who?.precision.toFixed(3)} R ${r.who?.recall.toFixed(3)}   where P ${r.where?.precision.toFixed(3)} R ${r.where?.recall.toFixed(3)}`,
    );
  const f = (k: string) => summary[k]?.toFixed(3);
  console.log(
    `who P ${f('whoPrecision')} R ${f('whoRecall')} F1 ${f('whoF1')} | where P ${f('wherePrecision')} R ${f('whereRecall')} F1 ${f('whereF1')}`,
  );

  const benchFile = join(shared, 'article-extraction-benchmark', 'ground-truth.json');
  if (!existsSync(benchFile)) return;
  const bench = JSON.parse(readFileSync(benchFile, 'utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >;
  const bodies = Object.entries(bench);
  const chars = bodies.reduce((n, [, b]) => n + b.articleBody.length, 0);
  let results: Mention[][] = [];
  // Two passes: the first still warms the JIT; CPU time is what the machine's other load leaves alone.
  for (const pass of ['first', 'second']) {
    t0 = performance.now();
    const cpu0 = process.cpuUsage();
    results = bodies.map(([, b]) =>
      extractMentions({ title: null, text: b.articleBody, outlet: null, cites: [] }),
    );
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    console.log(
      `${pass === 'first' ? '\n' : ''}benchmark bodies, ${pass} pass: ${bodies.length} articles (${(chars / 1024).toFixed(0)} KiB) in ${ms.toFixed(0)} ms = ${((bodies.length / ms) * 1000).toFixed(1)} articles/s (CPU ${cpuMs.toFixed(0)} ms = ${((bodies.length / cpuMs) * 1000).toFixed(1)} articles/s)`,
    );
  }
  for (const i of [3, 40, 77, 120, 160]) {
    const [, b] = bodies[i] ?? [];
    const ms1 = results[i];
    if (!b || !ms1) continue;
    const item = [{ sourceName: 'x', independentGroup: 'x', mentions: ms1 }];
    console.log(`\n${b.url}`);
    console.log(
      `  who:   ${selectWho(item)
        .map((w) => `${w.name}${w.role ? ` (${w.role})` : ''}`)
        .join('; ')}`,
    );
    console.log(
      `  where: ${selectWhere(item)
        .map((w) => `${w.name}${w.country ? ` (${w.country})` : ''}`)
        .join('; ')}`,
    );
  }
}

await main();
