import type { PostResult } from '../../src/adapter.ts';
import { describeError } from '../../src/errors.ts';

export type PostFailure = Extract<PostResult, { ok: false }>;

/** Web API error codes (https://docs.slack.dev/reference/methods/chat.postMessage#errors) and what they mean for us. */
const PLATFORM_ERRORS: Record<string, { permanent: boolean; hint: string }> = {
  not_in_channel: {
    permanent: true,
    hint: 'the bot is not a member of this channel; invite it with /invite',
  },
  channel_not_found: { permanent: true, hint: 'no such channel, or the bot cannot see it' },
  is_archived: { permanent: true, hint: 'the channel is archived' },
  restricted_action: { permanent: true, hint: 'a workspace setting stops the bot from posting here' },
  invalid_auth: { permanent: true, hint: 'the bot token is not valid' },
  not_authed: { permanent: true, hint: 'no bot token was sent' },
  account_inactive: { permanent: true, hint: 'the bot user or workspace was deactivated' },
  token_revoked: { permanent: true, hint: 'the bot token was revoked' },
  token_expired: { permanent: true, hint: 'the bot token expired' },
  missing_scope: { permanent: true, hint: 'the app lacks a scope; reinstall it from the manifest' },
  msg_too_long: { permanent: true, hint: 'the message is too long' },
  invalid_blocks: { permanent: true, hint: 'Slack rejected the Block Kit layout' },
  no_text: { permanent: true, hint: 'the message had no text' },
  message_not_found: { permanent: true, hint: 'the message to edit or reply to no longer exists' },
  cant_update_message: { permanent: true, hint: 'the message cannot be edited by the bot' },
  edit_window_closed: { permanent: true, hint: 'the message is too old to edit' },
  thread_not_found: { permanent: true, hint: 'the thread to reply in no longer exists' },
  ratelimited: { permanent: false, hint: 'Slack rate limit' },
  internal_error: { permanent: false, hint: 'Slack had an internal error' },
  fatal_error: { permanent: false, hint: 'Slack had an internal error' },
  service_unavailable: { permanent: false, hint: 'Slack is unavailable' },
  request_timeout: { permanent: false, hint: 'Slack timed out' },
};

type WebApiErrorShape = {
  code?: unknown;
  retryAfter?: unknown;
  statusCode?: unknown;
  data?: { error?: unknown; response_metadata?: { retryAfter?: unknown } };
};

function asShape(err: unknown): WebApiErrorShape {
  return typeof err === 'object' && err !== null ? (err as WebApiErrorShape) : {};
}

/**
 * Turns a failed Web API call (as thrown by @slack/web-api's WebClient) into a PostResult.
 * Unknown platform errors count as permanent (Slack refused on purpose); network and 5xx errors do not.
 */
export function mapSlackError(err: unknown): PostFailure {
  const e = asShape(err);
  if (e.code === 'slack_webapi_rate_limited_error') {
    const sec = typeof e.retryAfter === 'number' ? e.retryAfter : 1;
    return { ok: false, reason: 'ratelimited: Slack rate limit', retryAfterMs: sec * 1000, permanent: false };
  }
  if (e.code === 'slack_webapi_platform_error') {
    const code = typeof e.data?.error === 'string' ? e.data.error : 'unknown_error';
    const known = PLATFORM_ERRORS[code];
    const retryAfter = e.data?.response_metadata?.retryAfter;
    return {
      ok: false,
      reason: `${code}: ${known?.hint ?? 'Slack refused the call'}`,
      permanent: known?.permanent ?? true,
      ...(code === 'ratelimited'
        ? { retryAfterMs: (typeof retryAfter === 'number' ? retryAfter : 1) * 1000 }
        : {}),
    };
  }
  if (e.code === 'slack_webapi_http_error') {
    const status = typeof e.statusCode === 'number' ? e.statusCode : 0;
    return {
      ok: false,
      reason: `http_${status}: Slack answered HTTP ${status}`,
      permanent: status >= 400 && status < 500,
    };
  }
  if (e.code === 'slack_webapi_request_error')
    return { ok: false, reason: `request_failed: ${describeError(err)}`, permanent: false };
  return { ok: false, reason: `unexpected: ${describeError(err)}`, permanent: false };
}
