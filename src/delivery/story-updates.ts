import type { Digest } from '../types.ts';

/** What a channel was shown of a story, kept with the ledger entry of the post. */
export type DigestSnapshot = { sources: string[]; who: string[] };

function sourceLabel(s: Digest['sources'][number]): string {
  return s.outlet ?? s.url ?? s.articleId;
}

export function snapshotDigest(digest: Digest): string {
  const snap: DigestSnapshot = {
    sources: digest.sources.map(sourceLabel),
    who: digest.who.map((p) => p.name),
  };
  return JSON.stringify(snap);
}

export function readSnapshot(body: string | null): DigestSnapshot {
  try {
    const parsed = JSON.parse(body ?? '') as Partial<DigestSnapshot>;
    return {
      sources: Array.isArray(parsed.sources) ? parsed.sources.map(String) : [],
      who: Array.isArray(parsed.who) ? parsed.who.map(String) : [],
    };
  } catch {
    return { sources: [], who: [] };
  }
}

function listNames(names: string[], max = 3): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

/** "Update: 2 more sources (Outlet A, Outlet B); new names: X — headline" for a thread reply. */
export function describeUpdate(before: DigestSnapshot, digest: Digest): string {
  const now = digest.sources.map(sourceLabel);
  const added = now.length - before.sources.length;
  const seen = new Set(before.sources);
  const newOutlets = [...new Set(now.filter((s) => !seen.has(s)))];
  const known = new Set(before.who);
  const newNames = digest.who.map((p) => p.name).filter((n) => !known.has(n));
  const parts: string[] = [];
  if (added > 0)
    parts.push(
      `${added} more source${added === 1 ? '' : 's'}${newOutlets.length > 0 ? ` (${listNames(newOutlets)})` : ''}`,
    );
  if (newNames.length > 0) parts.push(`new names: ${listNames(newNames)}`);
  if (parts.length === 0) parts.push('the story changed');
  return `Update: ${parts.join('; ')} — ${digest.headline} (now ${digest.independentSources} independent source${digest.independentSources === 1 ? '' : 's'})`;
}
