import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describeError, InputError } from '../errors.ts';
import type { ArticleInput } from '../types.ts';
import { extractCites } from './cites.ts';
import { decodeText, looksBinary } from './decode-text.ts';
import { extractHtml } from './html/index.ts';
import { type ArticleRecord, recordToInput, validateRecord } from './parse-record.ts';
import type { InputKind } from './read-inputs.ts';
import { parseTextArticle, type RepeatedLineLearner } from './text/index.ts';

export type ParsedItem =
  | { ok: true; input: ArticleInput }
  | { ok: false; source: string; reason: string; raw: string | Uint8Array };

export type ParseContext = { maxBytes: number; learner?: RepeatedLineLearner };

function reject(source: string, reason: string, raw: string | Uint8Array): ParsedItem {
  return { ok: false, source, reason, raw };
}

/** Gunzips with an output cap; a truncated or corrupt stream is a clear InputError. */
export function gunzipCapped(bytes: Uint8Array, maxBytes: number, source: string): Uint8Array {
  try {
    return new Uint8Array(gunzipSync(bytes, { maxOutputLength: maxBytes }));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE')
      throw new InputError(`gzip expands past the ${maxBytes}-byte limit`, source);
    if (code === 'Z_BUF_ERROR') throw new InputError('truncated gzip stream', source, { cause: err });
    throw new InputError(`corrupt gzip stream (${describeError(err)})`, source, { cause: err });
  }
}

/** An HTML page as an article: extracted body and metadata; the given fields win over the page's own. */
export function htmlToInput(
  html: string,
  base: {
    source: string;
    externalId: string;
    url?: string | null;
    feedId?: string | null;
    guid?: string | null;
  },
  given: Partial<Pick<ArticleInput, 'title' | 'outlet' | 'published'>> = {},
): ArticleInput {
  const page = extractHtml(html, { url: base.url ?? null });
  return {
    externalId: base.externalId,
    source: base.source,
    feedId: base.feedId ?? null,
    guid: base.guid ?? null,
    url: page.url ?? base.url ?? null,
    outlet: given.outlet ?? page.outlet,
    title: given.title ?? page.title,
    published: given.published ?? page.published,
    text: page.text,
    // Bylines, reporting credits and quoted accounts are kept out of the body but name who it cites.
    cites: extractCites(page.credits.join('\n'), { outlet: given.outlet ?? page.outlet }),
  };
}

function recordItem(record: ArticleRecord, source: string, fallbackId: string): ParsedItem {
  try {
    if (record.text?.trim())
      return { ok: true, input: recordToInput({ ...record, text: record.text }, source, fallbackId) };
    const input = htmlToInput(
      record.html ?? '',
      { source, externalId: record.id ?? fallbackId, url: record.url ?? null },
      { title: record.title, outlet: record.outlet, published: record.published },
    );
    return { ok: true, input: { ...input, cites: [...(record.cites ?? []), ...input.cites] } };
  } catch (err) {
    return reject(source, describeError(err), JSON.stringify(record));
  }
}

/** JSON values (one record or an array of them) as articles; each bad record is rejected on its own. */
export function parseRecords(value: unknown, source: string, fallbackId: string): ParsedItem[] {
  const values = Array.isArray(value) ? value : [value];
  return values.map((v, i) => {
    const where = Array.isArray(value) ? `${source}[${i}]` : source;
    const checked = validateRecord(v);
    if (!checked.ok) return reject(where, checked.reason, JSON.stringify(v) ?? '');
    return recordItem(checked.record, where, Array.isArray(value) ? `${fallbackId}#${i}` : fallbackId);
  });
}

function parseJsonLines(text: string, source: string, fallbackId: string): ParsedItem[] {
  const items: ParsedItem[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${source}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      items.push(reject(where, `line ${i + 1} is not valid JSON (${describeError(err)})`, line));
      return;
    }
    const checked = validateRecord(value);
    if (!checked.ok) items.push(reject(where, `line ${i + 1}: ${checked.reason}`, line));
    else items.push(recordItem(checked.record, where, `${fallbackId}#${i + 1}`));
  });
  return items;
}

/** One file's bytes as zero or more articles, or the reasons they were rejected. Never throws. */
export function parseInput(
  file: { source: string; kind: InputKind; gzipped: boolean; bytes: Uint8Array },
  ctx: ParseContext,
): ParsedItem[] {
  const { source, kind } = file;
  const externalId = basename(source);
  try {
    const bytes = file.gzipped ? gunzipCapped(file.bytes, ctx.maxBytes, source) : file.bytes;
    if (bytes.length === 0) return [reject(source, 'empty file', file.bytes)];
    if (looksBinary(bytes)) return [reject(source, 'binary data, not text', file.bytes.subarray(0, 4096))];
    const { text } = decodeText(bytes, { kind: kind === 'html' ? 'html' : 'text' });
    if (!text.trim()) return [reject(source, 'empty file', file.bytes)];
    switch (kind) {
      case 'html':
        return [{ ok: true, input: htmlToInput(text, { source, externalId }) }];
      case 'txt':
        // Cites come from the raw page: embedded posts quoted as the report's source are furniture.
        return [{ ok: true, input: parseTextArticle(text, { source, externalId, learner: ctx.learner }) }];
      case 'json': {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (err) {
          return [reject(source, `not valid JSON (${describeError(err)})`, text)];
        }
        return parseRecords(value, source, externalId);
      }
      case 'jsonl':
        return parseJsonLines(text, source, externalId);
    }
  } catch (err) {
    return [reject(source, describeError(err), file.bytes)];
  }
}
