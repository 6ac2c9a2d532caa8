import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';

export type InputKind = 'txt' | 'html' | 'json' | 'jsonl';

/** One file found under the given paths, or the reason it cannot be read. */
export type RawInput =
  | { ok: true; source: string; kind: InputKind; gzipped: boolean; bytes: Uint8Array }
  | { ok: false; source: string; reason: string; raw: Uint8Array | string };

const KINDS: Record<string, InputKind> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

export function kindOfPath(path: string): { kind: InputKind; gzipped: boolean } | null {
  const gzipped = path.toLowerCase().endsWith('.gz');
  const name = gzipped ? path.slice(0, -3) : path;
  const kind = KINDS[extname(name).toLowerCase()];
  return kind ? { kind, gzipped } : null;
}

async function listFiles(path: string, out: string[]): Promise<void> {
  const info = await stat(path);
  if (!info.isDirectory()) {
    out.push(path);
    return;
  }
  const entries = await readdir(path, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const child = join(path, e.name);
    if (e.isDirectory()) await listFiles(child, out);
    else if (e.isFile() && kindOfPath(child)) out.push(child);
  }
}

/**
 * Every readable input under `paths` (files, or folders walked in name order). A missing path, an
 * unsupported extension or a file over `maxBytes` is returned as a failed input, never thrown.
 */
export async function* readInputs(paths: string[], opts: { maxBytes: number }): AsyncGenerator<RawInput> {
  for (const path of paths) {
    const files: string[] = [];
    try {
      await listFiles(path, files);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      yield {
        ok: false,
        source: path,
        reason: code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${code ?? err}`,
        raw: '',
      };
      continue;
    }
    for (const file of files) {
      const kind = kindOfPath(file);
      if (!kind) {
        yield {
          ok: false,
          source: file,
          reason: `unsupported file type "${extname(file) || basename(file)}" (expected .txt, .html, .htm, .html.gz, .json, .jsonl)`,
          raw: '',
        };
        continue;
      }
      try {
        const size = (await stat(file)).size;
        if (size > opts.maxBytes) {
          const head = new Uint8Array(await readFile(file).then((b) => b.subarray(0, 4096)));
          yield {
            ok: false,
            source: file,
            reason: `file is ${formatBytes(size)}, over the ${formatBytes(opts.maxBytes)} limit`,
            raw: head,
          };
          continue;
        }
        yield { ok: true, source: file, ...kind, bytes: new Uint8Array(await readFile(file)) };
      } catch (err) {
        yield {
          ok: false,
          source: file,
          reason: `cannot read: ${(err as NodeJS.ErrnoException).code ?? err}`,
          raw: '',
        };
      }
    }
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
