import type { Selectable } from 'kysely';
import type { QuarantineTable } from './schema.ts';
import type { QuarantineEntry, Store } from './store.ts';
import { type StoreContext, toLimit } from './store-context.ts';

type QuarantineMethods = Pick<Store, 'quarantine' | 'listQuarantine'>;

/** The most raw input kept per entry; the rest is dropped and the reason says so. */
export const quarantineCapBytes = 1024 * 1024;

type EncodedRaw = Pick<QuarantineTable, 'raw' | 'raw_encoding' | 'raw_bytes' | 'truncated'>;

/** Text is kept as text unless it holds NUL (which PostgreSQL text refuses); bytes go to base64. */
export function encodeRaw(raw: string | Uint8Array, cap = quarantineCapBytes): EncodedRaw {
  if (typeof raw === 'string') {
    const bytes = Buffer.from(raw, 'utf8');
    if (raw.includes('\u0000')) return encodeBytes(bytes, cap);
    if (bytes.length <= cap) return { raw, raw_encoding: 'utf8', raw_bytes: bytes.length, truncated: 0 };
    // Cut on a character boundary: a partial trailing character decodes to U+FFFD, which is dropped.
    const text = new TextDecoder().decode(bytes.subarray(0, cap)).replace(/\uFFFD$/, '');
    return { raw: text, raw_encoding: 'utf8', raw_bytes: bytes.length, truncated: 1 };
  }
  return encodeBytes(raw, cap);
}

function encodeBytes(bytes: Uint8Array, cap: number): EncodedRaw {
  const kept = bytes.length > cap ? bytes.subarray(0, cap) : bytes;
  return {
    raw: Buffer.from(kept.buffer, kept.byteOffset, kept.byteLength).toString('base64'),
    raw_encoding: 'base64',
    raw_bytes: bytes.length,
    truncated: bytes.length > cap ? 1 : 0,
  };
}

const clean = (s: string): string => String(s).replaceAll('\u0000', '\uFFFD');

function toEntry(row: Selectable<QuarantineTable>): QuarantineEntry {
  return {
    id: Number(row.id),
    source: row.source,
    reason: row.reason,
    raw: row.raw,
    rawEncoding: row.raw_encoding,
    rawBytes: Number(row.raw_bytes),
    truncated: Boolean(Number(row.truncated)),
    at: row.at,
  };
}

export function createQuarantineMethods(ctx: StoreContext): QuarantineMethods {
  const { db } = ctx;
  return {
    async quarantine(entry) {
      const encoded = encodeRaw(entry.raw ?? '');
      const note = encoded.truncated
        ? ` [raw input of ${encoded.raw_bytes} bytes cut to the first ${quarantineCapBytes}]`
        : '';
      await db
        .insertInto('quarantine')
        .values({
          source: clean(entry.source),
          reason: clean(entry.reason) + note,
          ...encoded,
          at: ctx.now(),
        })
        .execute();
    },

    /** Newest first. */
    async listQuarantine(opts = {}) {
      const rows = await db
        .selectFrom('quarantine')
        .selectAll()
        .orderBy('id', 'desc')
        .$if(opts.limit !== undefined, (q) => q.limit(toLimit(opts.limit!)))
        .execute();
      return rows.map(toEntry);
    },
  };
}
