import { afterEach, describe, expect, it } from 'vitest';
import { quarantineCapBytes } from '../../src/store/index.ts';
import { createStoreOpener, listDialectCases } from './store-dialects.ts';

describe.each(listDialectCases())('quarantine on $name', ({ newLocation }) => {
  const open = createStoreOpener(afterEach);

  it('keeps text as text and bytes or NUL-bearing text as base64, newest first', async () => {
    const store = await open({ ...newLocation(), now: () => '2026-04-02T00:00:00.000Z' });
    const bytes = new Uint8Array([0x00, 0xff, 0xfe, 0x41, 0x0a, 0x80, 0x00]);
    await store.quarantine({ source: 'inbox/a.html', reason: 'no article body', raw: '<p>é ✓</p>' });
    await store.quarantine({ source: 'inbox/b.bin', reason: 'undecodable', raw: bytes });
    await store.quarantine({ source: 'hook\u0000', reason: 'bad\u0000 record', raw: 'x\u0000y' });

    const [nul, binary, text] = await store.listQuarantine();
    expect(text).toStrictEqual({
      id: text!.id,
      source: 'inbox/a.html',
      reason: 'no article body',
      raw: '<p>é ✓</p>',
      rawEncoding: 'utf8',
      rawBytes: 13,
      truncated: false,
      at: '2026-04-02T00:00:00.000Z',
    });
    expect(binary!.rawEncoding).toBe('base64');
    expect([...Buffer.from(binary!.raw, 'base64')]).toEqual([...bytes]);
    expect(nul!.rawEncoding).toBe('base64');
    expect(Buffer.from(nul!.raw, 'base64').toString('utf8')).toBe('x\u0000y');
    expect(nul!.source).not.toContain('\u0000');
    expect(text!.id).toBeLessThan(binary!.id);
    expect(await store.listQuarantine({ limit: 1 })).toEqual([nul]);
  });

  it('caps a huge raw input and says so in the reason', async () => {
    const store = await open(newLocation());
    const huge = 'ä'.repeat(quarantineCapBytes); // two bytes each in UTF-8
    await store.quarantine({ source: 'feed', reason: 'too large', raw: huge });
    await store.quarantine({
      source: 'feed',
      reason: 'too large',
      raw: new Uint8Array(quarantineCapBytes + 5),
    });
    const [bytes, text] = await store.listQuarantine();
    expect(text!.truncated).toBe(true);
    expect(text!.rawBytes).toBe(2 * quarantineCapBytes);
    expect(text!.raw).toBe('ä'.repeat(quarantineCapBytes / 2));
    expect(text!.reason).toMatch(/^too large \[raw input of \d+ bytes cut/);
    expect(bytes!.truncated).toBe(true);
    expect(Buffer.from(bytes!.raw, 'base64').length).toBe(quarantineCapBytes);
  });
});
