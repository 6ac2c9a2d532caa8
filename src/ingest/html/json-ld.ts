import { findAll, type LightElement, textOf } from './light-tree.ts';

export type JsonObject = Record<string, unknown>;

/** Every JSON-LD node on the page, flattening arrays and @graph; scripts that do not parse are skipped. */
export function readJsonLd(root: LightElement): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 6 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const item of v) visit(item, depth + 1);
      return;
    }
    const obj = v as JsonObject;
    out.push(obj);
    if (obj['@graph']) visit(obj['@graph'], depth + 1);
  };
  const scripts = findAll(
    root,
    (el) => el.name === 'script' && el.attrs.type?.toLowerCase() === 'application/ld+json',
  );
  for (const script of scripts) {
    const raw = textOf(script)
      .trim()
      .replace(/^<!--|-->$/g, '');
    try {
      visit(JSON.parse(raw), 0);
    } catch {
      // A broken JSON-LD block carries nothing we can use; the page's other metadata still counts.
    }
  }
  return out;
}

function typesOf(obj: JsonObject): string[] {
  const t = obj['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

/** The page's article node: a *Article, BlogPosting, Report or similar type, the one with the most data first. */
export function findArticleNode(nodes: JsonObject[]): JsonObject | null {
  const articles = nodes.filter((n) =>
    typesOf(n).some((t) => /Article$|BlogPosting|^Report$|^LiveBlogPosting$|^SocialMediaPosting$/i.test(t)),
  );
  articles.sort((a, b) => score(b) - score(a));
  return articles[0] ?? null;
}

function score(n: JsonObject): number {
  return (n.headline ? 2 : 0) + (n.datePublished ? 2 : 0) + (typeof n.articleBody === 'string' ? 1 : 0);
}

export function asString(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return asString(v[0]);
  return null;
}

/** A name from a string, an object with `name`, or an array of either. */
export function asName(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return asName(v[0]);
  if (v && typeof v === 'object') return asString((v as JsonObject).name);
  return null;
}

/** A URL from a string, or an object's `@id` / `url`. */
export function asUrl(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return asUrl(v[0]);
  if (v && typeof v === 'object') {
    const o = v as JsonObject;
    return asString(o['@id']) ?? asString(o.url);
  }
  return null;
}
