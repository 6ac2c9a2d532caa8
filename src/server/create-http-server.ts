import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Ingestor } from '../ingest/create-ingestor.ts';
import { parseRecords } from '../ingest/parse-input.ts';
import { validateRecord } from '../ingest/parse-record.ts';
import type { Logger } from '../log.ts';
import { silentLogger } from '../log.ts';
import type { Store } from '../store/store.ts';

export type HttpServerDeps = {
  store: Store;
  ingestor: Ingestor;
  ingestToken: string | undefined;
  maxBodyBytes: number;
  log?: Logger;
};

export type HttpServer = { url: string; server: Server; close(): Promise<void> };

class BodyTooLarge extends Error {}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function hasToken(req: IncomingMessage, token: string | undefined): boolean {
  if (!token) return false;
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header);
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1].trim());
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

/** `GET /healthz` and the ingest webhook `POST /ingest` (bearer token, one record or an array). */
export function createHttpServer(deps: HttpServerDeps): {
  listen(port: number, host: string): Promise<HttpServer>;
} {
  const log = deps.log ?? silentLogger;

  async function handleIngest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hasToken(req, deps.ingestToken)) {
      res.setHeader('www-authenticate', 'Bearer');
      send(res, 401, {
        error: deps.ingestToken
          ? 'missing or wrong bearer token'
          : 'webhook disabled: INGEST_TOKEN is not set',
      });
      return;
    }
    const type = String(req.headers['content-type'] ?? '');
    if (!/^application\/(json|x-ndjson)\b/i.test(type)) {
      send(res, 415, { error: 'expected content-type application/json' });
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req, deps.maxBodyBytes);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        send(res, 413, { error: `body over the ${deps.maxBodyBytes}-byte limit` });
        return;
      }
      throw err;
    }
    let value: unknown;
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch (err) {
      await deps.store.quarantine({
        source: 'webhook',
        reason: `not valid JSON: ${(err as Error).message}`,
        raw: body,
      });
      send(res, 400, { error: 'body is not valid JSON', detail: (err as Error).message });
      return;
    }
    const records = Array.isArray(value) ? value : [value];
    if (records.length === 0) {
      send(res, 400, { error: 'empty array: nothing to ingest' });
      return;
    }
    const errors = records.flatMap((r, index) => {
      const checked = validateRecord(r);
      return checked.ok ? [] : [{ index, error: checked.reason }];
    });
    if (errors.length > 0) {
      await deps.store.quarantine({
        source: 'webhook',
        reason: errors.map((e) => `[${e.index}] ${e.error}`).join('; '),
        raw: body,
      });
      send(res, 400, { error: 'invalid records; nothing was ingested', records: errors });
      return;
    }
    const items = parseRecords(value, 'webhook', `webhook-${Date.now()}`);
    const summary = await deps.ingestor.ingestItems(items);
    log.info(
      { ingested: summary.ingested, updated: summary.updated, skipped: summary.skipped.length },
      'webhook ingest',
    );
    send(res, 202, { ids: summary.articleIds, ...summary });
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      send(res, 200, { ok: true, articles: await deps.store.countArticles() });
      return;
    }
    if (path === '/ingest') {
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        send(res, 405, { error: 'use POST' });
        return;
      }
      await handleIngest(req, res);
      return;
    }
    send(res, 404, { error: 'not found' });
  }

  return {
    listen(port, host) {
      const server = createServer((req, res) => {
        route(req, res).catch((err) => {
          log.error({ err }, 'http handler failed');
          if (!res.headersSent) send(res, 500, { error: 'internal error' });
          else res.destroy();
        });
      });
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const addr = server.address() as AddressInfo;
          resolve({
            url: `http://${host.includes(':') ? `[${host}]` : host}:${addr.port}`,
            server,
            close: () =>
              new Promise<void>((done) => {
                server.close(() => done());
                server.closeAllConnections();
              }),
          });
        });
      });
    },
  };
}
