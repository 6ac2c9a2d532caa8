import { isIP } from 'node:net';
import { describeError } from '../../errors.ts';
import { classifyAddress } from '../fetch/classify-address.ts';
import { findBlockedAddress, type ResolveHost, resolveWithSystem } from '../fetch/guard-lookup.ts';

export type FeedUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

/**
 * Checks a feed URL before it is added: http(s) only, and (unless private addresses are allowed) a host
 * that resolves only to public addresses. The fetcher checks again at every connection.
 */
export async function validateFeedUrl(
  url: string,
  opts: { allowPrivateAddresses: boolean; resolveHost?: ResolveHost },
): Promise<FeedUrlCheck> {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return { ok: false, reason: `"${url}" is not a valid URL` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return { ok: false, reason: `${parsed.protocol} URLs are not supported (only http and https)` };
  if (!parsed.hostname) return { ok: false, reason: `"${url}" has no host` };
  parsed.hash = '';
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host)) {
    const reason = opts.allowPrivateAddresses ? null : classifyAddress(host);
    return reason ? { ok: false, reason: `${host} is ${reason}` } : { ok: true, url: parsed.href };
  }
  let addresses: { address: string; family: number }[];
  try {
    addresses = await (opts.resolveHost ?? resolveWithSystem)(host);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      ok: false,
      reason:
        code === 'ENOTFOUND'
          ? `${host}: no such host`
          : `${host} could not be resolved: ${describeError(err)}`,
    };
  }
  if (addresses.length === 0) return { ok: false, reason: `${host} has no address` };
  if (!opts.allowPrivateAddresses) {
    const blocked = findBlockedAddress(host, addresses, classifyAddress);
    if (blocked) return { ok: false, reason: blocked.message };
  }
  return { ok: true, url: parsed.href };
}
