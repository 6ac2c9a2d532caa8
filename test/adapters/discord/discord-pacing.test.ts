import { afterEach, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../../adapters/discord/create-discord-adapter.ts';
import type { Adapter } from '../../../src/adapter.ts';
import { createFakeDiscordRest, type FakeDiscordRest } from '../../fakes/discord-rest.ts';

let rest: FakeDiscordRest | null = null;
let adapter: Adapter | null = null;
afterEach(async () => {
  await adapter?.stop();
  await rest?.close();
});

it('sends REST requests no faster than requestsPerSecond, even when posted all at once', async () => {
  rest = await createFakeDiscordRest({ applicationId: '1100000000000000002' });
  adapter = createDiscordAdapter({
    token: 'fake-bot-token',
    applicationId: '1100000000000000002',
    apiUrl: rest.apiUrl,
    requestsPerSecond: 10,
  });
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      adapter!.postText(
        { platform: 'discord', channelId: String(1_000_000_000_000_000_200n + BigInt(i)) },
        `n${i}`,
      ),
    ),
  );
  const elapsed = performance.now() - started;
  expect(results.every((r) => r.ok)).toBe(true);
  expect(rest.messages).toHaveLength(6);
  // Six requests at 10 a second: the last leaves five intervals (500 ms) after the first.
  expect(elapsed).toBeGreaterThanOrEqual(480);
});
