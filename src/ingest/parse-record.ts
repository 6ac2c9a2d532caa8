import { z } from 'zod';
import type { ArticleInput } from '../types.ts';

const isoDate = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a date')
  .transform((s) => new Date(s).toISOString());

export const articleRecordSchema = z
  .object({
    id: z.union([z.string().min(1).max(500), z.number().transform(String)]).optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    title: z.string().max(2000).optional(),
    text: z.string().optional(),
    html: z.string().optional(),
    published: isoDate.optional(),
    outlet: z.string().max(300).optional(),
    cites: z.array(z.string().max(300)).max(100).optional(),
  })
  .refine((r) => Boolean(r.text?.trim() || r.html?.trim()), {
    message: 'needs a non-empty "text" or "html"',
    path: ['text'],
  });

export type ArticleRecord = z.infer<typeof articleRecordSchema>;

export type RecordResult = { ok: true; record: ArticleRecord } | { ok: false; reason: string };

/** Validates one JSON article record; the reason names every bad field. */
export function validateRecord(value: unknown): RecordResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: 'expected a JSON object' };
  const parsed = articleRecordSchema.safeParse(value);
  if (parsed.success) return { ok: true, record: parsed.data };
  const reason = parsed.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ');
  return { ok: false, reason };
}

/** A record carrying plain text becomes an article as is; `html` records go through extraction first. */
export function recordToInput(
  record: ArticleRecord & { text: string },
  source: string,
  fallbackId: string,
): ArticleInput {
  return {
    externalId: record.id ?? fallbackId,
    source,
    feedId: null,
    guid: null,
    url: record.url ?? null,
    outlet: record.outlet?.trim() || null,
    title: record.title?.trim() || null,
    published: record.published ?? null,
    text: record.text,
    cites: record.cites ?? [],
  };
}
