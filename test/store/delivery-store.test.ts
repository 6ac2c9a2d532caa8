import { afterEach, describe, expect, it } from 'vitest';
import type { NewDeliveryEntry } from '../../src/store/delivery-store.ts';
import { createStoreOpener, createTickingClock, listDialectCases } from './store-dialects.ts';

const base = { platform: 'slack', channelId: 'C1', createdBy: 'U1', filter: null, timeZone: 'Europe/Berlin' };

function entry(key: string, pos: number, runId: string | null = 'r1'): NewDeliveryEntry {
  return {
    key,
    runId,
    platform: 'slack',
    channelId: 'C1',
    storyId: `s-${pos}`,
    storyVersion: 1,
    kind: 'scheduled',
    part: 'digest',
    pos,
    body: null,
  };
}

describe.each(listDialectCases())('delivery tables on $name', ({ newLocation }) => {
  const open = createStoreOpener(afterEach);

  it('adds, lists, pauses and removes subscriptions per channel', async () => {
    const store = await open({ ...newLocation(), now: createTickingClock('2026-03-01T00:00:00.000Z', 1000) });
    const a = await store.addSubscription({ ...base, schedule: { kind: 'daily', time: '08:00' } });
    const b = await store.addSubscription({
      ...base,
      schedule: { kind: 'cron', expression: '0 */6 * * 1-5' },
    });
    const c = await store.addSubscription({
      ...base,
      channelId: 'C2',
      schedule: { kind: 'daily', time: '18:30' },
    });
    expect((await store.listSubscriptions({ platform: 'slack', channelId: 'C1' })).map((s) => s.id)).toEqual([
      a.id,
      b.id,
    ]);
    expect((await store.getSubscription(b.id))?.schedule).toEqual({
      kind: 'cron',
      expression: '0 */6 * * 1-5',
    });
    await store.updateSubscription(a.id, {
      paused: true,
      pausedReason: 'channel_not_found',
      lastRunAt: '2026-03-02T07:00:00Z',
    });
    const paused = await store.getSubscription(a.id);
    expect(paused).toMatchObject({
      paused: true,
      pausedReason: 'channel_not_found',
      lastRunAt: '2026-03-02T07:00:00.000Z',
    });
    expect((await store.removeSubscriptions('slack', 'C1', b.id)).map((s) => s.id)).toEqual([b.id]);
    expect((await store.removeSubscriptions('slack', 'C1')).map((s) => s.id)).toEqual([a.id]);
    expect((await store.listSubscriptions()).map((s) => s.id)).toEqual([c.id]);
    await expect(
      store.addSubscription({ ...base, channelId: '', schedule: { kind: 'daily', time: '08:00' } }),
    ).rejects.toThrow(/channelId/);
  });

  it('claims a digest run once per scheduled instant and reports the last finished one', async () => {
    const store = await open(newLocation());
    const input = { subscriptionId: 'sub1', platform: 'slack', channelId: 'C1', since: null };
    const first = await store.claimDigestRun({ ...input, scheduledFor: '2026-03-02T07:00:00Z' });
    const again = await store.claimDigestRun({ ...input, scheduledFor: '2026-03-02T07:00:00.000Z' });
    expect(first.created).toBe(true);
    expect(again).toEqual({ run: first.run, created: false });
    expect(await store.lastDigestAt('slack', 'C1')).toBeNull();
    await store.finishDigestRun(first.run.id, 'done');
    const next = await store.claimDigestRun({ ...input, scheduledFor: '2026-03-03T07:00:00Z' });
    expect(await store.lastDigestAt('slack', 'C1')).toBe('2026-03-02T07:00:00.000Z');
    expect((await store.listDigestRuns({ status: 'pending' })).map((r) => r.id)).toEqual([next.run.id]);
  });

  it('records each delivery key once and keeps its status and message', async () => {
    const store = await open(newLocation());
    const got = await store.recordDeliveries([entry('k1', 0), entry('k2', 1)]);
    expect(got.map((e) => [e.key, e.status])).toEqual([
      ['k1', 'pending'],
      ['k2', 'pending'],
    ]);
    await store.updateDelivery('k1', {
      status: 'posted',
      messageChannelId: 'C1',
      messageId: '1.1',
      attempts: 1,
    });
    const again = await store.recordDeliveries([entry('k1', 0), entry('k2', 1), entry('k3', 2)]);
    expect(again.map((e) => [e.key, e.status, e.messageId])).toEqual([
      ['k1', 'posted', '1.1'],
      ['k2', 'pending', null],
      ['k3', 'pending', null],
    ]);
    expect((await store.listDeliveries({ status: 'pending' })).map((e) => e.key)).toEqual(['k2', 'k3']);
    expect((await store.listDeliveries({ storyId: 's-0' })).map((e) => e.key)).toEqual(['k1']);
    expect(await store.getDelivery('missing')).toBeNull();
  });
});
