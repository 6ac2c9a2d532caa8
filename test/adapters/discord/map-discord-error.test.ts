import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { mapDiscordError } from '../../../adapters/discord/map-discord-error.ts';
import { NewsbotError } from '../../../src/errors.ts';

const body = { files: undefined, body: undefined };
const apiError = (code: number, status: number, message = 'refused') =>
  new DiscordAPIError({ code, message }, code, status, 'POST', 'http://127.0.0.1/api/v10/x', body);

describe('mapDiscordError', () => {
  it('maps known refusals to permanent results with a stable reason', () => {
    expect(mapDiscordError(apiError(50001, 403), 'post')).toEqual({
      ok: false,
      reason: 'missing_access: post',
      permanent: true,
    });
    expect(mapDiscordError(apiError(10003, 404), 'post').reason).toMatch(/^channel_not_found/);
    expect(mapDiscordError(apiError(50013, 403), 'post').reason).toMatch(/^missing_permissions/);
    expect(mapDiscordError(apiError(10008, 404), 'edit').reason).toMatch(/^message_not_found/);
    expect(mapDiscordError(apiError(50035, 400), 'post').reason).toMatch(/^invalid_form_body/);
  });

  it('keeps unknown 4xx permanent and 5xx, rate limits and network trouble transient', () => {
    expect(mapDiscordError(apiError(99999, 400), 'post')).toMatchObject({ permanent: true });
    expect(mapDiscordError(apiError(0, 502), 'post')).toMatchObject({ permanent: false });
    expect(
      mapDiscordError(new HTTPError(503, 'Service Unavailable', 'POST', 'u', body), 'post'),
    ).toMatchObject({
      ok: false,
      permanent: false,
    });
    expect(mapDiscordError(new HTTPError(401, 'Unauthorized', 'POST', 'u', body), 'post')).toMatchObject({
      reason: 'invalid_auth: post',
      permanent: true,
    });
    const limited = new RateLimitError({
      timeToReset: 1500,
      limit: 5,
      method: 'POST',
      hash: 'h',
      url: 'u',
      route: '/channels/:id/messages',
      majorParameter: '1',
      global: false,
      retryAfter: 1500,
      sublimitTimeout: 0,
      scope: 'user',
    });
    expect(mapDiscordError(limited, 'post')).toMatchObject({
      ok: false,
      retryAfterMs: 1500,
      permanent: false,
    });
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    });
    expect(mapDiscordError(refused, 'post')).toMatchObject({ ok: false, permanent: false });
  });

  it('throws anything else as a NewsbotError with the cause', () => {
    const bug = new TypeError('cannot read properties of undefined');
    try {
      mapDiscordError(bug, 'post to channel 1');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(NewsbotError);
      expect((err as NewsbotError).cause).toBe(bug);
      expect((err as NewsbotError).message).toContain('post to channel 1');
    }
  });
});
