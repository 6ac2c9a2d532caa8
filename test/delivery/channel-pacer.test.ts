import { expect, it } from 'vitest';
import type { Adapter } from '../../src/adapter.ts';
import { createChannelPacer } from '../../src/delivery/send-entry.ts';

it('spaces posts to one channel from when the previous one was answered, and leaves other channels alone', async () => {
  let now = 0;
  const sleep = async (ms: number) => {
    now += ms;
  };
  const pace = createChannelPacer(sleep, () => now);
  const adapter = {
    capabilities: { threads: false, edits: false, ephemeral: false, maxChars: 1000, postIntervalMs: 1000 },
  } as Adapter;
  const a = { platform: 'p', channelId: 'a' };
  const b = { platform: 'p', channelId: 'b' };

  const first = await pace(adapter, a);
  expect(now).toBe(0);
  now += 700; // the first post is slow to be answered
  first();
  const other = await pace(adapter, b);
  expect(now).toBe(700); // another channel does not wait
  other();
  const second = await pace(adapter, a);
  expect(now).toBe(1700); // one full gap after the first post was answered, not after it was sent
  second();
});
