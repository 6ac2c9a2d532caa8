import { createHash } from 'node:crypto';
import { describeError } from '../../errors.ts';
import type { Store } from '../../store/store.ts';
import type { ArticleInput, FeedState } from '../../types.ts';
import type { Fetcher } from '../fetch/create-fetcher.ts';
import { createHostLimiter } from '../fetch/create-host-limiter.ts';
import { describeFetchFailure } from '../fetch/describe-fetch-failure.ts';
import { buildFeedArticle, type FeedContext } from './build-feed-article.ts';
import type { ExpandPage } from './expand-page.ts';
import type { FeedItem, ParsedFeed } from './parse-feed.ts';
import { readFeedBody } from './read-feed-body.ts';
import { computeBackoffMs } from './schedule-next-poll.ts';

type LogFn = (obj: object, msg?: string) => void;
/** pino-compatible. */
export type PollerLog = { info: LogFn; warn: LogFn; error: LogFn; debug?: LogFn };

export type FeedPollerDeps = {
  store: Store;
  fetcher: Pick<Fetcher, 'fetch'>;
  now?: () => Date;
  expandPage: ExpandPage;
  onArticle: (input: ArticleInput) => Promise<void>;
  onReject: (r: { source: string; reason: string; raw: string | Uint8Array }) => Promise<void>;
  log?: PollerLog;
  /** The outlet publishing at a URL, when known (e.g. `outletFromUrl`). */
  outletOf?: (url: string) => string | null;
  random?: () => number;
  /** Consecutive permanent failures (404, refused address, not a feed) before a feed is disabled. */
  maxFailures?: number;
  maxBackoffSec?: number;
  tickMs?: number;
  /** Article pages fetched at once per host, across all feeds. */
  pagesPerHost?: number;
  /** Feeds polled at once by `pollDue`. */
  concurrency?: number;
};

export type PollOutcome = {
  feedId: string;
  url: string;
  status: 'ok' | 'not-modified' | 'gone' | 'retry-later' | 'failed' | 'rejected';
  /** Items handed to onArticle. */
  articles: number;
  /** Items left out (unusable, or onArticle failed). */
  rejectedItems: number;
  /** Items skipped because they were unchanged since this poller's last poll of the feed. */
  skippedItems: number;
  expanded: number;
  /** Summary-only items whose page could not be used; their summary was kept. */
  expandFailures: { url: string; reason: string }[];
  error: string | null;
  nextFetch: string | null;
  disabled: boolean;
};

export type FeedPoller = {
  pollFeed(feed: FeedState): Promise<PollOutcome>;
  pollDue(): Promise<PollOutcome[]>;
  start(): void;
  stop(): Promise<void>;
};

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
const STOPPING = 'the poller is stopping';
const silentLog: PollerLog = { info: () => {}, warn: () => {}, error: () => {} };

function hashOf(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 20);
}

/** Same key ⇒ nothing worth re-reading: summary-only items by identity, full items by content too. */
function itemKey(item: FeedItem): string {
  const id = `${item.guid ?? ''}|${item.url ?? ''}|${item.title ?? ''}|${item.published ?? ''}`;
  return hashOf(item.summaryOnly ? id : `${id}|${item.html ?? ''}|${item.text ?? ''}`);
}

export function createFeedPoller(deps: FeedPollerDeps): FeedPoller {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? silentLog;
  const random = deps.random ?? Math.random;
  const maxFailures = deps.maxFailures ?? 5;
  const maxBackoffSec = deps.maxBackoffSec ?? 24 * 3600;
  const limiter = createHostLimiter(deps.pagesPerHost ?? 2);
  const outletOf = deps.outletOf ?? (() => null);
  const inFlight = new Map<string, Promise<PollOutcome>>();
  const seenItems = new Map<string, Set<string>>();
  let timer: NodeJS.Timeout | null = null;
  let stopping = false;
  let ticking: Promise<unknown> | null = null;

  const at = (offsetMs: number) => new Date(now().getTime() + offsetMs).toISOString();

  function outcomeOf(
    feed: FeedState,
    status: PollOutcome['status'],
    extra: Partial<PollOutcome>,
  ): PollOutcome {
    return {
      feedId: feed.id,
      url: feed.url,
      status,
      articles: 0,
      rejectedItems: 0,
      skippedItems: 0,
      expanded: 0,
      expandFailures: [],
      error: null,
      nextFetch: null,
      disabled: false,
      ...extra,
    };
  }

  /** Records a failed poll: backoff, or disabling after too many permanent failures in a row. */
  async function recordFailure(
    feed: FeedState,
    status: PollOutcome['status'],
    reason: string,
    opts: { permanent: boolean; retryAfterMs?: number | null },
  ): Promise<PollOutcome> {
    const failures = feed.failures + 1;
    const lastFetched = now().toISOString();
    if (opts.permanent && failures >= maxFailures) {
      const disabledReason = `disabled after ${failures} consecutive failures; last: ${reason}`;
      await deps.store.updateFeed(feed.id, {
        failures,
        lastError: reason,
        lastFetched,
        enabled: false,
        disabledReason,
        nextFetch: null,
      });
      log.warn({ feedId: feed.id, url: feed.url, reason }, 'feed disabled');
      return outcomeOf(feed, status, { error: reason, disabled: true });
    }
    const delay = computeBackoffMs({
      intervalSec: feed.intervalSec,
      failures,
      retryAfterMs: opts.retryAfterMs ?? null,
      maxBackoffSec,
      random: random(),
    });
    const nextFetch = at(delay);
    await deps.store.updateFeed(feed.id, { failures, lastError: reason, lastFetched, nextFetch });
    log.warn({ feedId: feed.id, url: feed.url, reason, failures, nextFetch }, 'feed poll failed');
    return outcomeOf(feed, status, { error: reason, nextFetch });
  }

  async function rejectItem(source: string, reason: string, raw: string | Uint8Array): Promise<void> {
    try {
      await deps.onReject({ source, reason, raw });
    } catch (err) {
      log.error({ source, err: describeError(err) }, 'could not quarantine a rejected feed item');
    }
  }

  async function ingestItems(feed: FeedState, parsed: ParsedFeed, out: PollOutcome): Promise<void> {
    const previous = seenItems.get(feed.id) ?? new Set<string>();
    const current = new Set<string>();
    const ctx: FeedContext = {
      feedId: feed.id,
      feedUrl: feed.url,
      feedTitle: parsed.title ?? feed.title,
      // Pages not yet fetched when stop() is called are left for the next run.
      expandPage: (url) => (stopping ? Promise.resolve({ error: STOPPING }) : deps.expandPage(url)),
      limiter,
      outletOf,
    };
    for (const r of parsed.rejected) {
      const key = `rejected|${hashOf(r.raw)}`;
      current.add(key);
      if (previous.has(key)) continue;
      out.rejectedItems++;
      await rejectItem(`${feed.url} (item ${r.index + 1})`, r.reason, r.raw);
    }
    const fresh = parsed.items.filter((item) => {
      const key = itemKey(item);
      current.add(key);
      if (previous.has(key)) out.skippedItems++;
      return !previous.has(key);
    });
    // Pages are fetched concurrently (the limiter keeps each host to its share); articles go on in feed order.
    const built = await Promise.all(fresh.map((item) => buildFeedArticle(item, ctx)));
    for (const [i, b] of built.entries()) {
      const item = fresh[i]!;
      const source = item.url ?? `${feed.url} (${item.guid ?? item.title ?? 'item'})`;
      if (b.ok ? b.expandError === STOPPING : b.reason.includes(STOPPING)) {
        current.delete(itemKey(item));
        continue;
      }
      if (!b.ok) {
        out.rejectedItems++;
        await rejectItem(source, b.reason, JSON.stringify(item));
        continue;
      }
      if (b.expanded) out.expanded++;
      if (b.expandError) {
        out.expandFailures.push({ url: item.url ?? source, reason: b.expandError });
        log.info(
          { feedId: feed.id, url: item.url, reason: b.expandError },
          'kept the feed summary: page not used',
        );
      }
      try {
        await deps.onArticle(b.input);
        out.articles++;
      } catch (err) {
        out.rejectedItems++;
        current.delete(itemKey(item));
        log.error({ feedId: feed.id, source, err: describeError(err) }, 'feed item was not ingested');
      }
    }
    seenItems.set(feed.id, current);
  }

  async function pollOnce(feed: FeedState): Promise<PollOutcome> {
    const result = await deps.fetcher.fetch(feed.url, {
      etag: feed.etag,
      lastModified: feed.lastModified,
      accept: FEED_ACCEPT,
    });
    const lastFetched = now().toISOString();
    switch (result.kind) {
      case 'not-modified': {
        const nextFetch = at(feed.intervalSec * 1000);
        await deps.store.updateFeed(feed.id, { lastFetched, nextFetch, failures: 0, lastError: null });
        return outcomeOf(feed, 'not-modified', { nextFetch });
      }
      case 'gone': {
        const reason = 'the feed is gone (HTTP 410)';
        await deps.store.updateFeed(feed.id, {
          lastFetched,
          enabled: false,
          disabledReason: reason,
          lastError: reason,
          nextFetch: null,
        });
        log.warn({ feedId: feed.id, url: feed.url }, 'feed gone, disabled');
        return outcomeOf(feed, 'gone', { error: reason, disabled: true });
      }
      case 'retry-later':
        return recordFailure(feed, 'retry-later', describeFetchFailure(result), {
          permanent: false,
          retryAfterMs: result.retryAfterMs,
        });
      case 'failed':
        return recordFailure(feed, 'failed', result.reason, { permanent: result.permanent });
      case 'ok':
        break;
    }
    const parsed = readFeedBody(result, feed);
    if (typeof parsed === 'string') {
      await rejectItem(feed.url, parsed, result.bytes);
      return recordFailure(feed, 'rejected', parsed, { permanent: true });
    }
    const out = outcomeOf(feed, 'ok', {});
    await ingestItems(feed, parsed, out);
    out.nextFetch = at(feed.intervalSec * 1000);
    await deps.store.updateFeed(feed.id, {
      etag: result.etag,
      lastModified: result.lastModified,
      lastFetched,
      nextFetch: out.nextFetch,
      failures: 0,
      lastError: null,
      ...(parsed.title && parsed.title !== feed.title ? { title: parsed.title } : {}),
    });
    log.info(
      {
        feedId: feed.id,
        url: feed.url,
        articles: out.articles,
        expanded: out.expanded,
        rejected: out.rejectedItems,
      },
      'feed polled',
    );
    return out;
  }

  async function pollSafely(feed: FeedState): Promise<PollOutcome> {
    try {
      return await pollOnce(feed);
    } catch (err) {
      const reason = `poll failed unexpectedly: ${describeError(err)}`;
      log.error({ feedId: feed.id, url: feed.url, err }, 'feed poll failed unexpectedly');
      try {
        return await recordFailure(feed, 'failed', reason, { permanent: false });
      } catch {
        return outcomeOf(feed, 'failed', { error: reason });
      }
    }
  }

  function pollFeed(feed: FeedState): Promise<PollOutcome> {
    const running = inFlight.get(feed.id);
    if (running) return running;
    const poll = pollSafely(feed).finally(() => inFlight.delete(feed.id));
    inFlight.set(feed.id, poll);
    return poll;
  }

  async function pollDue(): Promise<PollOutcome[]> {
    let due: FeedState[];
    try {
      due = await deps.store.dueFeeds(now().toISOString());
    } catch (err) {
      log.error({ err }, 'could not list due feeds');
      return [];
    }
    const outcomes: PollOutcome[] = new Array(due.length);
    let next = 0;
    const worker = async () => {
      while (next < due.length) {
        const i = next++;
        outcomes[i] = await pollFeed(due[i]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(deps.concurrency ?? 4, due.length) }, worker));
    return outcomes;
  }

  function tick(): void {
    if (ticking) return;
    ticking = pollDue().finally(() => {
      ticking = null;
    });
  }

  return {
    pollFeed,
    pollDue,
    start() {
      if (timer) return;
      stopping = false;
      timer = setInterval(tick, deps.tickMs ?? 15_000);
      timer.unref();
      tick();
    },
    async stop() {
      stopping = true;
      if (timer) clearInterval(timer);
      timer = null;
      await ticking;
      await Promise.all(inFlight.values());
      stopping = false;
    },
  };
}
