export { classifyAddress, isPublicAddress } from './classify-address.ts';
export {
  createFetcher,
  type Fetcher,
  type FetcherOptions,
  type FetchInit,
  type FetchResult,
} from './create-fetcher.ts';
export { createHostLimiter, type HostLimiter } from './create-host-limiter.ts';
export { describeFetchFailure } from './describe-fetch-failure.ts';
export {
  type AddressPolicy,
  BlockedAddressError,
  type ResolvedAddress,
  type ResolveHost,
  resolveWithSystem,
} from './guard-lookup.ts';
export { parseRetryAfter } from './parse-retry-after.ts';
