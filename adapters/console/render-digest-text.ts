import type { Digest, DigestSource } from '../../src/types.ts';

export type TextStyle = 'bold' | 'dim' | 'cyan' | 'yellow';

const ANSI: Record<TextStyle, [string, string]> = {
  bold: ['\u001b[1m', '\u001b[22m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  cyan: ['\u001b[36m', '\u001b[39m'],
  yellow: ['\u001b[33m', '\u001b[39m'],
};

export type Styler = (style: TextStyle, text: string) => string;

export function createStyler(color: boolean): Styler {
  return color ? (style, text) => `${ANSI[style][0]}${text}${ANSI[style][1]}` : (_style, text) => text;
}

/**
 * Text from articles made safe for a terminal: escape sequences and control characters removed
 * (so an article cannot move the cursor, recolour or retitle the terminal), whitespace collapsed.
 */
export function sanitizeTerminalText(text: string): string {
  return text
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)?/g, '')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Like `sanitizeTerminalText`, but keeps line breaks (for multi-line command replies). */
export function sanitizeTerminalLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map(sanitizeTerminalText)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function sourceText(s: DigestSource): string {
  const outlet = s.outlet ? sanitizeTerminalText(s.outlet) : null;
  const url = s.url ? sanitizeTerminalText(s.url) : null;
  if (outlet && url) return `${outlet} <${url}>`;
  return outlet ?? url ?? 'unnamed source';
}

function citedAgencies(d: Digest): string[] {
  const outlets = new Set(d.sources.map((s) => s.outlet?.toLowerCase()).filter(Boolean));
  const seen = new Map<string, string>();
  for (const s of d.sources)
    for (const c of s.cites) {
      const key = c.toLowerCase();
      if (!outlets.has(key) && !seen.has(key)) seen.set(key, sanitizeTerminalText(c));
    }
  return [...seen.values()];
}

/** A digest as readable lines: headline, what, who (with roles), where, sources, citations. */
export function renderDigestText(d: Digest, style: Styler = createStyler(false)): string {
  const label = (name: string) => style('cyan', name.padEnd(9));
  const lines = [style('bold', sanitizeTerminalText(d.headline) || 'Untitled story')];
  if (d.what.trim()) lines.push(`${label('What')}${sanitizeTerminalText(d.what)}`);
  if (d.who.length > 0) {
    const who = d.who.map((p) => {
      const name = sanitizeTerminalText(p.name);
      if (p.role) return `${name} (${sanitizeTerminalText(p.role)})`;
      return p.kind === 'org' ? `${name} (organisation)` : name;
    });
    lines.push(`${label('Who')}${who.join('; ')}`);
  }
  if (d.where.length > 0) {
    const where = d.where.map((p) => {
      const name = sanitizeTerminalText(p.name);
      return p.country && p.country !== p.name ? `${name}, ${sanitizeTerminalText(p.country)}` : name;
    });
    lines.push(`${label('Where')}${where.join('; ')}`);
  }
  if (d.sources.length > 0) lines.push(`${label('Sources')}${d.sources.map(sourceText).join('; ')}`);
  const cites = citedAgencies(d);
  if (cites.length > 0) lines.push(`${label('Citing')}${cites.join(', ')}`);
  const n = d.independentSources;
  lines.push(style('dim', `${n} independent source${n === 1 ? '' : 's'} · version ${d.version}`));
  return lines.join('\n');
}
