import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type TextKind = 'html' | 'xml' | 'text';
export type DecodeOptions = { contentType?: string | null; kind?: TextKind };
export type DecodedText = { text: string; charset: string };

const SNIFF_BYTES = 4096;
const BINARY_SNIFF_BYTES = 8192;

/** Labels browsers treat as aliases of another charset (WHATWG Encoding). */
const LABEL_ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'x-sjis': 'shift_jis',
  sjis: 'shift_jis',
  gb2312: 'gbk',
  'x-gbk': 'gbk',
  'utf-16': 'utf-16le',
  'unicode-1-1-utf-8': 'utf-8',
  utf8: 'utf-8',
};

/** Normalises a charset label to one iconv-lite knows, or null when it is unknown. */
function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const clean = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (!clean) return null;
  const name = LABEL_ALIASES[clean] ?? clean;
  return iconv.encodingExists(name) ? name : null;
}

function charsetFromBom(bytes: Uint8Array): { charset: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  return null;
}

function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = contentType?.match(/charset\s*=\s*("?)([^";,\s]+)\1/i);
  return m?.[2] ?? null;
}

function charsetFromMarkup(head: string, kind: TextKind): string | null {
  if (kind === 'xml') {
    const m = head.match(/^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i);
    if (m?.[1]) return m[1];
  }
  if (kind === 'html' || kind === 'xml') {
    const meta = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i);
    if (meta?.[1]) return meta[1];
  }
  return null;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Decodes bytes to text: charset from the BOM, else the Content-Type header, else the markup's own
 * declaration (XML prolog, HTML meta in the first 4 KB), else utf-8. A label that is unknown, or a
 * utf-8 label on bytes that are not utf-8, falls through to the next candidate; windows-1252 is last.
 */
export function decodeText(bytes: Uint8Array, opts: DecodeOptions = {}): DecodedText {
  const kind = opts.kind ?? 'html';
  const bom = charsetFromBom(bytes);
  if (bom)
    return { text: iconv.decode(Buffer.from(bytes.subarray(bom.skip)), bom.charset), charset: bom.charset };

  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1');
  const candidates = [charsetFromContentType(opts.contentType), charsetFromMarkup(head, kind), 'utf-8']
    .map(normalizeCharset)
    .filter((c): c is string => c !== null);
  const utf8Ok = isUtf8(bytes);
  let charset = candidates.find((c) => c !== 'utf-8' || utf8Ok) ?? 'windows-1252';
  // Non-ASCII text in any legacy charset is almost never valid utf-8 by chance: bytes that are valid,
  // non-ASCII utf-8 under another label are a mislabelled utf-8 page.
  if (charset !== 'utf-8' && !charset.startsWith('utf-16') && utf8Ok && hasNonAscii(bytes)) charset = 'utf-8';
  if (charset === 'utf-8') return { text: asBuffer(bytes).toString('utf8'), charset };
  return { text: iconv.decode(asBuffer(bytes), charset), charset };
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

/** True when the bytes look like a binary file: a NUL byte or many control characters early on. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  if (n === 0) return false;
  if (charsetFromBom(bytes)?.charset.startsWith('utf-16')) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control / n > 0.1;
}
