import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';

export type BodyOutcome = { ok: true; bytes: Uint8Array } | { ok: false; reason: string; permanent: boolean };

class BodyTooLarge extends Error {}

/** Drops a body we will not read; destroying it raises an abort error nobody needs to hear. */
export function discardBody(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}

function capBytes(max: number, what: string) {
  return async function* cap(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    let total = 0;
    for await (const chunk of source) {
      total += chunk.length;
      if (total > max) throw new BodyTooLarge(`${what} is larger than the ${max}-byte limit`);
      yield chunk;
    }
  };
}

/** "deflate" is meant to be zlib-wrapped but servers often send raw deflate; the first byte tells. */
async function* inflateEither(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  const [cmf = 0, flg = 0] = first.value;
  const zlibHeader = (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
  const decoder = zlibHeader ? createInflate() : createInflateRaw();
  const input = Readable.from(
    (async function* () {
      yield first.value;
      for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
    })(),
  );
  input.on('error', (err) => decoder.destroy(err));
  input.pipe(decoder);
  for await (const part of decoder) yield part as Buffer;
}

type Stage = ((source: AsyncIterable<Buffer>) => AsyncGenerator<Buffer>) | NodeJS.ReadWriteStream;

function decoderFor(coding: string): Stage | null {
  if (coding === 'gzip' || coding === 'x-gzip') return createGunzip();
  if (coding === 'br') return createBrotliDecompress();
  if (coding === 'deflate') return inflateEither;
  return null;
}

/**
 * Reads a response body, undoing its `Content-Encoding` (gzip, deflate, br), and aborts as soon as either
 * the bytes received or the decoded bytes pass `maxBytes`.
 */
export async function readBody(
  body: Readable,
  contentEncoding: string | null,
  maxBytes: number,
): Promise<BodyOutcome> {
  const codings = (contentEncoding ?? '')
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c && c !== 'identity')
    .reverse();
  const stages: Stage[] = [];
  for (const coding of codings) {
    const stage = decoderFor(coding);
    if (!stage) {
      discardBody(body);
      return { ok: false, reason: `unsupported Content-Encoding "${coding}"`, permanent: true };
    }
    stages.push(stage);
  }
  const chunks: Buffer[] = [];
  try {
    await (pipeline as (...stages: unknown[]) => Promise<void>)(
      body,
      capBytes(maxBytes, 'the response body'),
      ...stages,
      capBytes(maxBytes, 'the decoded response body'),
      async (source: AsyncIterable<Buffer>) => {
        for await (const chunk of source) chunks.push(chunk);
      },
    );
  } catch (err) {
    if (err instanceof BodyTooLarge) return { ok: false, reason: err.message, permanent: true };
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(String((err as Error).message)))
      return {
        ok: false,
        reason: `the ${codings.join('+')} body is truncated (unexpected end of data)`,
        permanent: false,
      };
    if (code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code.startsWith('ERR__'))
      return {
        ok: false,
        reason: `the ${codings.join('+')} body cannot be decoded: ${(err as Error).message}`,
        permanent: true,
      };
    throw err;
  }
  const joined = Buffer.concat(chunks);
  return { ok: true, bytes: new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength) };
}
