import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../../adapters/discord/index.ts';
import { NewsbotError } from '../../../src/errors.ts';
import { createFakeDiscordGateway, type FakeDiscordGateway } from '../../fakes/discord-gateway.ts';
import { createFakeDiscordRest, type FakeDiscordRest } from '../../fakes/discord-rest.ts';
import { applicationId, botUserId, channelId } from './discord-harness.ts';

const noCommands = async () => ({ visibility: 'private' as const, text: '' });

describe('discord adapter start-up failures', () => {
  let rest: FakeDiscordRest;
  let gateway: FakeDiscordGateway;
  afterEach(async () => {
    await gateway?.close();
    await rest?.close();
  });

  async function fakes(restToken: string | undefined, gatewayToken: string) {
    rest = await createFakeDiscordRest({ applicationId, token: restToken });
    gateway = await createFakeDiscordGateway({ applicationId, botUserId, guildIds: [], token: gatewayToken });
    rest.setGatewayUrl(gateway.url);
  }

  it('a token the REST API refuses fails start() with a typed error, and posts with invalid_auth', async () => {
    await fakes('right-token', 'right-token');
    const adapter = createDiscordAdapter({
      token: 'wrong-token',
      applicationId,
      apiUrl: `${rest.apiUrl}/v10/`,
    });
    const err = await adapter.start(noCommands).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NewsbotError);
    expect((err as NewsbotError).code).toBe('discord_register');
    expect((err as NewsbotError).cause).toBeDefined();
    const res = await adapter.postText({ platform: 'discord', channelId }, 'hello');
    expect(res).toMatchObject({ ok: false, permanent: true, reason: expect.stringMatching(/^invalid_auth/) });
    await adapter.stop();
    expect(gateway.identifies).toHaveLength(0);
    const after = await adapter.postText({ platform: 'discord', channelId }, 'hello');
    expect(after).toMatchObject({ ok: false, reason: 'discord adapter stopped' });
  });

  it('a gateway that closes with 4004 fails start() with a typed error', async () => {
    await fakes(undefined, 'right-token');
    const adapter = createDiscordAdapter({ token: 'wrong-token', applicationId, apiUrl: rest.apiUrl });
    const err = await adapter.start(noCommands).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NewsbotError);
    expect((err as NewsbotError).code).toBe('discord_login');
    expect(gateway.identifies).toHaveLength(1);
    await adapter.stop();
  });
});
