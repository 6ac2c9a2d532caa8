import { DiscordAPIError, HTTPError, RateLimitError, RESTJSONErrorCodes } from 'discord.js';
import type { PostResult } from '../../src/adapter.ts';
import { NewsbotError } from '../../src/errors.ts';

type Refusal = Extract<PostResult, { ok: false }>;

/** Discord's JSON error codes we expect on posts and edits, with a stable reason for the core. */
const knownCodes = new Map<number, string>([
  [RESTJSONErrorCodes.MissingAccess, 'missing_access'],
  [RESTJSONErrorCodes.UnknownChannel, 'channel_not_found'],
  [RESTJSONErrorCodes.MissingPermissions, 'missing_permissions'],
  [RESTJSONErrorCodes.UnknownMessage, 'message_not_found'],
  [RESTJSONErrorCodes.InvalidFormBodyOrContentType, 'invalid_form_body'],
  [RESTJSONErrorCodes.CannotSendMessagesToThisUser, 'cannot_message_user'],
  [RESTJSONErrorCodes.ThreadLocked, 'thread_locked'],
  [RESTJSONErrorCodes.CannotEditMessageAuthoredByAnotherUser, 'not_own_message'],
  [RESTJSONErrorCodes.UnknownWebhook, 'interaction_expired'],
  [RESTJSONErrorCodes.UnknownInteraction, 'interaction_expired'],
]);

const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

function networkCode(err: unknown): string | null {
  for (let e = err, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && networkCodes.has(code)) return code;
    if (e.name === 'AbortError' || e.name === 'TimeoutError') return 'timeout';
  }
  return null;
}

/**
 * A failed Discord REST call as a PostResult: Discord's refusals (missing access, unknown channel,
 * invalid body …) are permanent, server errors, rate limits and network trouble are not.
 * Anything else is a bug and is thrown as a NewsbotError with the original as `cause`.
 */
export function mapDiscordError(err: unknown, action: string): Refusal {
  if (err instanceof DiscordAPIError) {
    const code = typeof err.code === 'number' ? err.code : Number(err.code);
    const known = knownCodes.get(code);
    if (known) return { ok: false, reason: `${known}: ${action}`, permanent: true };
    if (err.status === 401) return { ok: false, reason: `invalid_auth: ${action}`, permanent: true };
    if (err.status === 429) return { ok: false, reason: `ratelimited: ${action}`, permanent: false };
    return {
      ok: false,
      reason: `discord_error_${err.code}: ${action}: ${err.message}`,
      permanent: err.status >= 400 && err.status < 500,
    };
  }
  if (err instanceof RateLimitError) {
    const retryAfterMs = Math.max(err.retryAfter, err.timeToReset, 0);
    return { ok: false, reason: `ratelimited: ${action}`, retryAfterMs, permanent: false };
  }
  if (err instanceof HTTPError) {
    const permanent = err.status >= 400 && err.status < 500 && err.status !== 408;
    const reason = err.status === 401 ? 'invalid_auth' : `http_${err.status}`;
    return { ok: false, reason: `${reason}: ${action}`, permanent };
  }
  // discord.js drops the token after a 401 and then refuses every authenticated call locally.
  if (err instanceof Error && err.message.startsWith('Expected token to be set'))
    return { ok: false, reason: `invalid_auth: no valid token: ${action}`, permanent: true };
  const net = networkCode(err);
  if (net) return { ok: false, reason: `network_error (${net}): ${action}`, permanent: false };
  throw new NewsbotError(`unexpected failure while trying to ${action}`, 'discord_unexpected', {
    cause: err,
  });
}
