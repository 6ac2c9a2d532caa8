import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import { Agent, request } from 'undici';
import { describeError } from '../../errors.ts';
import { classifyAddress } from './classify-address.ts';
import {
  type AddressPolicy,
  BlockedAddressError,
  createGuardedLookup,
  type ResolveHost,
  resolveWithSystem,
} from './guard-lookup.ts';
import { parseRetryAfter } from './parse-retry-after.ts';
import { discardBody, readBody } from './read-body.ts';

export type FetchResult =
  | {
      kind: 'ok';
      status: number;
      /** The final URL, after redirects. */
      url: string;
      headers: Record<string, string>;
      bytes: Uint8Array;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
    }
  | { kind: 'not-modified' }
  | { kind: 'gone' }
  | { kind: 'retry-later'; status: number; retryAfterMs: number | null; reason: string }
  | { kind: 'failed'; reason: string; permanent: boolean };

export type FetchInit = { etag?: string | null; lastModified?: string | null; accept?: string };

export type FetcherOptions = {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  allowPrivateAddresses: boolean;
  userAgent?: string;
  /** Replaces the system resolver (tests map invented host names to 127.0.0.1 with it). */
  resolveHost?: ResolveHost;
  /** Replaces the public-address rule when private addresses are not allowed. */
  addressPolicy?: AddressPolicy;
};

export type Fetcher = {
  /** GETs `url`, following redirects; never throws for network or HTTP problems. */
  fetch(url: string, init?: FetchInit): Promise<FetchResult>;
  close(): Promise<void>;
};

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const retryStatuses = new Set([408, 425, 429, 500, 502, 503, 504]);
const transientCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

class FetchTimeout extends Error {}

function failed(reason: string, permanent: boolean): FetchResult {
  return { kind: 'failed', reason, permanent };
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** The error, or one in its `cause` chain, that says what went wrong. */
function rootCause(err: unknown): unknown {
  let e = err;
  for (let i = 0; i < 5 && e instanceof Error; i++) {
    if (e instanceof BlockedAddressError || (e as NodeJS.ErrnoException).code) return e;
    e = e.cause;
  }
  return err;
}

function describeNetworkError(err: unknown, url: string): FetchResult {
  const cause = rootCause(err);
  if (cause instanceof BlockedAddressError) return failed(cause.message, true);
  const code = (cause as NodeJS.ErrnoException).code ?? '';
  const message = describeError(cause);
  if (code === 'ENOTFOUND') return failed(`${new URL(url).hostname}: no such host`, true);
  if (transientCodes.has(code))
    return { kind: 'retry-later', status: 0, retryAfterMs: null, reason: `${code}: ${message}` };
  if (/CERT|TLS|SSL/.test(code)) return failed(`TLS error (${code}): ${message}`, true);
  return failed(`request to ${url} failed: ${code ? `${code}: ` : ''}${message}`, false);
}

/** A checked URL, or why it may not be fetched. */
function checkUrl(raw: string, base: string | undefined, guard: AddressPolicy | null): URL | string {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return `"${raw}" is not a valid URL`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `${url.protocol} URLs are not fetched (only http and https): ${url.href}`;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (guard && isIP(host)) {
    const reason = guard(host);
    if (reason) return `${url.host} is ${reason}; refused`;
  }
  return url;
}

/**
 * An HTTP client for untrusted URLs: only http(s), only public addresses (checked at connect time and
 * after every redirect) unless `allowPrivateAddresses`, a total time limit, a body-size cap enforced while
 * streaming, and gzip/deflate/brotli decoding.
 */
export function createFetcher(opts: FetcherOptions): Fetcher {
  const guard = opts.allowPrivateAddresses ? null : (opts.addressPolicy ?? classifyAddress);
  const agent = new Agent({
    connect: { lookup: createGuardedLookup(opts.resolveHost ?? resolveWithSystem, guard) },
    headersTimeout: opts.timeoutMs,
    bodyTimeout: opts.timeoutMs,
  });
  const userAgent = opts.userAgent ?? 'newsbot/0.1 (+news digest bot)';

  async function fetchOnce(url: string, init: FetchInit, signal: AbortSignal): Promise<FetchResult> {
    const seen = new Set<string>();
    let current = url;
    let base: string | undefined;
    for (let hop = 0; ; hop++) {
      const checked = checkUrl(current, base, guard);
      if (typeof checked === 'string')
        return failed(hop > 0 ? `redirect refused: ${checked}` : checked, true);
      const href = checked.href;
      if (seen.has(href)) return failed(`redirect loop: ${href} was already visited`, true);
      seen.add(href);
      const headers: Record<string, string> = {
        'user-agent': userAgent,
        accept: init.accept ?? '*/*',
        'accept-encoding': 'gzip, deflate, br',
      };
      if (init.etag) headers['if-none-match'] = init.etag;
      if (init.lastModified) headers['if-modified-since'] = init.lastModified;
      let res: Awaited<ReturnType<typeof request>>;
      try {
        res = await request(href, { method: 'GET', headers, dispatcher: agent, signal });
      } catch (err) {
        if (signal.aborted) throw err;
        return describeNetworkError(err, href);
      }
      const status = res.statusCode;
      const resHeaders = flattenHeaders(res.headers);
      if (status < 200 || status >= 300 || redirectStatuses.has(status))
        await res.body.dump().catch(() => {});
      if (redirectStatuses.has(status)) {
        const location = resHeaders.location;
        if (!location) return failed(`HTTP ${status} redirect from ${href} without a Location header`, true);
        if (hop >= opts.maxRedirects)
          return failed(`too many redirects (more than ${opts.maxRedirects}) from ${url}`, true);
        current = location;
        base = href;
        continue;
      }
      if (status === 304) return { kind: 'not-modified' };
      if (status === 410) return { kind: 'gone' };
      if (retryStatuses.has(status) || status >= 500)
        return {
          kind: 'retry-later',
          status,
          retryAfterMs: parseRetryAfter(resHeaders['retry-after']),
          reason: `HTTP ${status} from ${href}`,
        };
      if (status < 200 || status >= 300) return failed(`HTTP ${status} from ${href}`, status !== 408);
      const declared = Number(resHeaders['content-length']);
      if (!resHeaders['content-encoding'] && declared > opts.maxBytes) {
        discardBody(res.body as Readable);
        return failed(
          `the response body (${declared} bytes) is larger than the ${opts.maxBytes}-byte limit`,
          true,
        );
      }
      const body = await readBody(
        res.body as Readable,
        resHeaders['content-encoding'] ?? null,
        opts.maxBytes,
      );
      if (!body.ok) return failed(`${href}: ${body.reason}`, body.permanent);
      return {
        kind: 'ok',
        status,
        url: href,
        headers: resHeaders,
        bytes: body.bytes,
        contentType: resHeaders['content-type'] ?? null,
        etag: resHeaders.etag ?? null,
        lastModified: resHeaders['last-modified'] ?? null,
      };
    }
  }

  return {
    async fetch(url, init = {}) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(new FetchTimeout()), opts.timeoutMs);
      try {
        return await fetchOnce(url, init, controller.signal);
      } catch (err) {
        if (controller.signal.aborted)
          return {
            kind: 'retry-later',
            status: 0,
            retryAfterMs: null,
            reason: `timed out after ${opts.timeoutMs} ms: ${url}`,
          };
        return describeNetworkError(err, url);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => agent.close(),
  };
}
