import { describe, expect, it } from 'vitest';
import { validateFeedUrl } from '../../../src/ingest/feed/index.ts';

const publicHost = async () => [{ address: '93.184.216.34', family: 4 }];

describe('validateFeedUrl', () => {
  it('accepts an http(s) URL whose host has only public addresses, without the fragment', async () => {
    expect(
      await validateFeedUrl('https://news.example/feed.xml#top', {
        allowPrivateAddresses: false,
        resolveHost: publicHost,
      }),
    ).toEqual({
      ok: true,
      url: 'https://news.example/feed.xml',
    });
  });

  it('refuses bad URLs and other schemes', async () => {
    expect(await validateFeedUrl('news.example/feed', { allowPrivateAddresses: false })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not a valid URL/),
    });
    expect(await validateFeedUrl('file:///etc/passwd', { allowPrivateAddresses: false })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/file: URLs are not supported/),
    });
  });

  it('refuses private and metadata addresses unless allowed', async () => {
    for (const url of [
      'http://127.0.0.1/feed',
      'http://10.0.0.1/feed',
      'http://169.254.169.254/',
      'http://[::1]/feed',
    ])
      expect(await validateFeedUrl(url, { allowPrivateAddresses: false })).toMatchObject({ ok: false });
    expect(await validateFeedUrl('http://127.0.0.1:8080/feed', { allowPrivateAddresses: true })).toEqual({
      ok: true,
      url: 'http://127.0.0.1:8080/feed',
    });
  });

  it('refuses a host name with a private address among its addresses', async () => {
    const mixed = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '192.168.0.10', family: 4 },
    ];
    expect(
      await validateFeedUrl('https://intranet.example/feed', {
        allowPrivateAddresses: false,
        resolveHost: mixed,
      }),
    ).toEqual({
      ok: false,
      reason: 'intranet.example resolves to 192.168.0.10, a private address (192.168.0.0/16); refused',
    });
  });

  it('refuses localhost through the system resolver', async () => {
    expect(
      await validateFeedUrl('http://localhost:8080/feed', { allowPrivateAddresses: false }),
    ).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^localhost resolves to .*a loopback address; refused$/),
    });
  });

  it('refuses a host that does not resolve', async () => {
    const missing = async () =>
      Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
    expect(
      await validateFeedUrl('https://nowhere.example/feed', {
        allowPrivateAddresses: false,
        resolveHost: missing,
      }),
    ).toEqual({
      ok: false,
      reason: 'nowhere.example: no such host',
    });
  });
});
