import { describe, expect, it } from 'vitest';
import { createHostLimiter } from '../../../src/ingest/fetch/index.ts';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('createHostLimiter', () => {
  it('runs at most perHost tasks per host at once, other hosts unaffected', async () => {
    const limiter = createHostLimiter(2);
    const active = new Map<string, number>();
    const peak = new Map<string, number>();
    const gates = Array.from({ length: 6 }, deferred);
    const urls = [
      'http://a.test/1',
      'http://a.test/2',
      'http://a.test/3',
      'http://a.test/4',
      'http://b.test/1',
      'http://b.test/2',
    ];
    const started: string[] = [];
    const runs = urls.map((url, i) =>
      limiter.run(url, async () => {
        const host = new URL(url).host;
        active.set(host, (active.get(host) ?? 0) + 1);
        peak.set(host, Math.max(peak.get(host) ?? 0, active.get(host)!));
        started.push(url);
        await gates[i]!.promise;
        active.set(host, active.get(host)! - 1);
        return i;
      }),
    );
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['http://a.test/1', 'http://a.test/2', 'http://b.test/1', 'http://b.test/2']);
    gates.forEach((g) => {
      g.resolve();
    });
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak.get('a.test')).toBe(2);
    expect(peak.get('b.test')).toBe(2);
  });

  it('frees the slot when a task fails', async () => {
    const limiter = createHostLimiter(1);
    await expect(
      limiter.run('http://a.test/', async () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    expect(await limiter.run('http://a.test/', async () => 'next')).toBe('next');
  });

  it('rejects a limit below one', () => {
    expect(() => createHostLimiter(0)).toThrow(RangeError);
  });
});
