import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { NewsbotError } from '../../errors.ts';
import { classifyAddress } from './classify-address.ts';

export type ResolvedAddress = { address: string; family: number };
/** Resolves a host name to every address it has (the system resolver unless replaced, e.g. in tests). */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;
/** Why an address is refused, or null when it may be fetched from. */
export type AddressPolicy = (address: string) => string | null;

export const resolveWithSystem: ResolveHost = (hostname) =>
  dnsLookup(hostname, { all: true, verbatim: true });

/** Raised inside the connection attempt when a host resolves to a refused address. */
export class BlockedAddressError extends NewsbotError {
  override readonly name = 'BlockedAddressError';
  constructor(
    readonly host: string,
    readonly address: string,
    readonly reason: string,
  ) {
    super(`${host} resolves to ${address}, ${reason}; refused`, 'blocked_address');
  }
}

/** The refused address among `addresses`, if any: one bad address refuses the whole host. */
export function findBlockedAddress(
  host: string,
  addresses: ResolvedAddress[],
  policy: AddressPolicy,
): BlockedAddressError | null {
  for (const a of addresses) {
    const reason = policy(a.address);
    if (reason) return new BlockedAddressError(host, a.address, reason);
  }
  return null;
}

/**
 * A `lookup` for `net.connect` that resolves with `resolve` and refuses hosts with a non-public address,
 * so the check holds at connect time (no gap for DNS rebinding between a check and the connection).
 */
export function createGuardedLookup(resolve: ResolveHost, policy: AddressPolicy | null): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (all) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const addresses = family ? all.filter((a) => a.family === family) : all;
        const blocked = policy ? findBlockedAddress(hostname, addresses, policy) : null;
        if (blocked) return callback(blocked, '', 0);
        const first = addresses[0];
        if (!first) {
          const err = Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' });
          return callback(err, '', 0);
        }
        if (options.all) return (callback as (e: null, a: ResolvedAddress[]) => void)(null, addresses);
        callback(null, first.address, first.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };
}

export const defaultAddressPolicy: AddressPolicy = classifyAddress;
