import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIngestor } from '../../src/ingest/create-ingestor.ts';
import { createHttpServer, type HttpServer } from '../../src/server/create-http-server.ts';
import { createStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/store.ts';

const TOKEN = 'test-token-0123456789';
let store: Store;
let http: HttpServer;

beforeEach(async () => {
  store = await createStore({ sqlitePath: ':memory:' });
  const ingestor = createIngestor({ store, maxBytes: 20_000 });
  http = await createHttpServer({ store, ingestor, ingestToken: TOKEN, maxBodyBytes: 20_000 }).listen(
    0,
    '127.0.0.1',
  );
});
afterEach(async () => {
  await http.close();
  await store.close();
});

function post(body: string, headers: Record<string, string> = {}) {
  return fetch(`${http.url}/ingest`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body,
  });
}

const record = (id: string) => ({
  id,
  url: `https://news.example/${id}`,
  title: `Story ${id}`,
  text: 'The regional parliament approved a new budget on Wednesday after a night of negotiations between the coalition parties.',
});

describe('HTTP server', () => {
  it('answers /healthz', async () => {
    const res = await fetch(`${http.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, articles: 0 });
  });

  it('ingests one record or an array and answers 202 with the ids', async () => {
    const one = await post(JSON.stringify(record('a')));
    expect(one.status).toBe(202);
    const oneBody = (await one.json()) as { ids: string[] };
    expect(oneBody.ids).toHaveLength(1);
    const many = await post(JSON.stringify([record('b'), record('c')]));
    expect(many.status).toBe(202);
    expect(((await many.json()) as { ids: string[] }).ids).toHaveLength(2);
    expect(await store.countArticles()).toBe(3);
  });

  it('refuses a missing or wrong token with 401', async () => {
    const none = await fetch(`${http.url}/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(none.status).toBe(401);
    expect((await post('{}', { authorization: 'Bearer wrong-token-0123456789' })).status).toBe(401);
    expect(await store.countArticles()).toBe(0);
  });

  it('answers 400 naming each bad field, and ingests nothing from that request', async () => {
    const res = await post(
      JSON.stringify([record('ok'), { id: 'bad', url: 'not a url', published: 'soon' }]),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { records: { index: number; error: string }[] };
    expect(body.records).toHaveLength(1);
    expect(body.records[0]?.index).toBe(1);
    expect(body.records[0]?.error).toMatch(/url/);
    expect(body.records[0]?.error).toMatch(/published/);
    expect(body.records[0]?.error).toMatch(/text/);
    expect(await store.countArticles()).toBe(0);
    expect((await post('{ not json')).status).toBe(400);
    expect((await store.listQuarantine()).length).toBe(2);
  });

  it('answers 413 over the size cap', async () => {
    const big = JSON.stringify({ ...record('big'), text: 'x '.repeat(20_000) });
    expect((await post(big)).status).toBe(413);
    expect(await store.countArticles()).toBe(0);
  });
});
