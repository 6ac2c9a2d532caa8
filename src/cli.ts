import { parseArgs } from 'node:util';
import { toDigestExport } from '../digests/export-digest.ts';
import { renderDigestMarkdown, renderDigestText } from '../digests/render-text.ts';
import { type Config, loadConfig } from './config/index.ts';
import { ConfigError, describeError } from './errors.ts';
import { formatSummary } from './ingest/create-ingestor.ts';
import { ingestUrls } from './ingest/ingest-urls.ts';
import { createLogger } from './log.ts';
import { openStore } from './open-store.ts';
import { createPipeline } from './pipeline/create-pipeline.ts';
import type { Store } from './store/store.ts';
import type { Article } from './types.ts';

const USAGE = `usage: newsbot <command>

  start                              run the bot (HTTP server, feeds, scheduler, adapters) until Ctrl-C
  ingest PATH|URL...                 ingest files, folders or article URLs into the store
  digest --input PATH... [--json | --format text|markdown|json]
                                     run the whole pipeline on the inputs (in memory) and print digests
  feeds add URL [--interval SECONDS] add a feed to poll
  feeds list                         list feeds and their fetch state
  feeds remove ID                    stop polling a feed
  feeds import FILE.opml             add every feed of an OPML subscription list
  feeds export                       print the feeds as OPML
  help                               this text`;

type Io = { out: NodeJS.WritableStream; err: NodeJS.WritableStream };

function progress(io: Io): ((done: number, total: number, source: string) => void) | undefined {
  if (!(io.err as NodeJS.WriteStream).isTTY) return undefined;
  return (done, total, source) => {
    const name = source.length > 60 ? `…${source.slice(-59)}` : source;
    io.err.write(`\r\x1b[K[${done}/${total}] ${name}`);
    if (done === total) io.err.write('\r\x1b[K');
  };
}

async function runDigest(args: string[], config: Config, io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      input: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      format: { type: 'string' },
    },
    allowPositionals: false,
  });
  const inputs = values.input ?? [];
  if (inputs.length === 0) throw new UsageError('digest needs at least one --input PATH');
  const format = values.json ? 'json' : (values.format ?? 'text');
  if (!['json', 'text', 'markdown'].includes(format))
    throw new UsageError(`unknown --format "${format}" (json, text or markdown)`);
  const store = await openStore({ sqlitePath: ':memory:' });
  try {
    const pipeline = createPipeline({ store, maxBytes: config.MAX_BODY_BYTES });
    await pipeline.load();
    const summary = await pipeline.batch(() =>
      pipeline.ingestor.ingestPaths(inputs, { onProgress: progress(io) }),
    );
    const stories = (await store.listStories()).reverse();
    const digests = await pipeline.digestsOf(stories);
    if (format === 'json') {
      const articles = (await store.getArticles(summary.articleIds)).filter((a): a is Article => Boolean(a));
      io.out.write(`${JSON.stringify(toDigestExport(articles, stories, digests), null, 2)}\n`);
    } else {
      const render = format === 'markdown' ? renderDigestMarkdown : renderDigestText;
      io.out.write(`${digests.map(render).join('\n\n')}\n`);
    }
    io.err.write(`${formatSummary(summary)}; ${stories.length} stories\n`);
    return 0;
  } finally {
    await store.close();
  }
}

async function runIngest(args: string[], config: Config, io: Io): Promise<number> {
  if (args.length === 0) throw new UsageError('ingest needs at least one PATH or URL');
  const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    const pipeline = createPipeline({
      store,
      maxBytes: config.MAX_BODY_BYTES,
      log: createLogger(config.LOG_LEVEL),
    });
    await pipeline.load();
    const urls = args.filter((a) => /^https?:\/\//i.test(a));
    const paths = args.filter((a) => !/^https?:\/\//i.test(a));
    const summary = await pipeline.batch(() =>
      pipeline.ingestor.ingestPaths(paths, { onProgress: progress(io) }),
    );
    if (urls.length) {
      const fromUrls = await ingestUrls(urls, pipeline.ingestor, config);
      summary.ingested += fromUrls.ingested;
      summary.updated += fromUrls.updated;
      summary.unchanged += fromUrls.unchanged;
      summary.skipped.push(...fromUrls.skipped);
    }
    for (const s of summary.skipped) io.err.write(`skipped ${s.source}: ${s.reason}\n`);
    io.err.write(`${formatSummary(summary)}; ${pipeline.takeChanges().length} stories changed\n`);
    return summary.ingested + summary.updated + summary.unchanged > 0 || summary.skipped.length === 0 ? 0 : 1;
  } finally {
    await store.close();
  }
}

async function runFeeds(args: string[], config: Config, io: Io): Promise<number> {
  const [sub, ...rest] = args;
  const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    if (sub === 'list') {
      const feeds = await store.listFeeds();
      if (feeds.length === 0) io.out.write('no feeds\n');
      for (const f of feeds)
        io.out.write(
          `${f.id}  ${f.enabled ? 'on ' : 'off'}  every ${f.intervalSec}s  ${f.url}${f.lastError ? `  (last error: ${f.lastError})` : ''}${f.disabledReason ? `  (disabled: ${f.disabledReason})` : ''}\n`,
        );
      return 0;
    }
    if (sub === 'add') {
      const { values, positionals } = parseArgs({
        args: rest,
        options: { interval: { type: 'string' } },
        allowPositionals: true,
      });
      const url = positionals[0];
      if (!url || positionals.length > 1) throw new UsageError('feeds add takes one URL');
      const interval = values.interval === undefined ? config.FEED_INTERVAL_SEC : Number(values.interval);
      if (!Number.isInteger(interval) || interval < 30)
        throw new UsageError('--interval must be a whole number of seconds, at least 30');
      const { validateFeedUrl } = await import('./ingest/feed/index.ts');
      const checked = await validateFeedUrl(url, { allowPrivateAddresses: config.ALLOW_PRIVATE_ADDRESSES });
      if (!checked.ok) {
        io.err.write(`feed not added: ${checked.reason}\n`);
        return 1;
      }
      const feed = await store.addFeed({ url: checked.url, intervalSec: interval });
      io.out.write(`added feed ${feed.id}: ${feed.url} (every ${feed.intervalSec}s)\n`);
      return 0;
    }
    if (sub === 'remove') {
      const id = rest[0];
      if (!id) throw new UsageError('feeds remove takes a feed id (see feeds list)');
      const removed = await store.removeFeed(id);
      io.out.write(removed ? `removed feed ${id}\n` : `no feed with id ${id}\n`);
      return removed ? 0 : 1;
    }
    if (sub === 'import') return await importFeeds(rest, config, store, io);
    if (sub === 'export') {
      if (rest.length > 0) throw new UsageError('feeds export takes no arguments (it prints to stdout)');
      const { exportOpml } = await import('./cli-opml.ts');
      io.out.write(exportOpml(await store.listFeeds()));
      return 0;
    }
    throw new UsageError(`unknown feeds command "${sub ?? ''}" (add, list, remove, import, export)`);
  } finally {
    await store.close();
  }
}

/** `feeds import FILE.opml`: each feed checked like `feeds add`; exit 1 when any was refused. */
async function importFeeds(args: string[], config: Config, store: Store, io: Io): Promise<number> {
  const file = args[0];
  if (!file || args.length > 1) throw new UsageError('feeds import takes one OPML file');
  const { readFile } = await import('node:fs/promises');
  const { importOpml } = await import('./cli-opml.ts');
  const { validateFeedUrl } = await import('./ingest/feed/index.ts');
  let xml: string;
  try {
    xml = await readFile(file, 'utf8');
  } catch (err) {
    io.err.write(`${file}: cannot read (${describeError(err)})\n`);
    return 1;
  }
  const { urls, errors } = importOpml(xml);
  for (const e of errors) io.err.write(`${file}: ${e}\n`);
  let added = 0;
  let refused = errors.length;
  for (const url of urls) {
    const checked = await validateFeedUrl(url, { allowPrivateAddresses: config.ALLOW_PRIVATE_ADDRESSES });
    if (!checked.ok) {
      io.err.write(`feed not added: ${checked.reason}\n`);
      refused++;
      continue;
    }
    const feed = await store.addFeed({ url: checked.url, intervalSec: config.FEED_INTERVAL_SEC });
    io.out.write(`added feed ${feed.id}: ${feed.url}\n`);
    added++;
  }
  io.out.write(`${added} feed(s) added, ${refused} refused\n`);
  return refused > 0 ? 1 : 0;
}

class UsageError extends Error {}

/** Runs one CLI command; returns the exit code. Never throws for a user's mistake. */
export async function runCli(
  argv: string[],
  io: Io = { out: process.stdout, err: process.stderr },
): Promise<number> {
  const [command, ...args] = argv;
  try {
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      io.out.write(`${USAGE}\n`);
      return command ? 0 : 2;
    }
    const config = loadConfig();
    switch (command) {
      case 'start': {
        const { runBot } = await import('./main.ts');
        await runBot(config);
        return 0;
      }
      case 'digest':
        return await runDigest(args, config, io);
      case 'ingest':
        return await runIngest(args, config, io);
      case 'feeds':
        return await runFeeds(args, config, io);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    if (
      err instanceof UsageError ||
      (err instanceof TypeError && (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS'))
    ) {
      io.err.write(`newsbot: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (err instanceof ConfigError) {
      io.err.write(`newsbot: ${err.message}\n`);
      return 78;
    }
    io.err.write(`newsbot: ${describeError(err)}\n`);
    if (err instanceof Error && err.cause) io.err.write(`  cause: ${describeError(err.cause)}\n`);
    return 1;
  }
}
