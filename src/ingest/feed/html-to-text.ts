import { parseHTML } from 'linkedom';

const BLOCK_TAGS = new Set(
  'address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td th thead tr ul'.split(
    ' ',
  ),
);
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'head']);

type Node = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<Node> };

/** Plain text of an HTML fragment: one paragraph per block, separated by blank lines, spaces collapsed. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return normalizeParagraphs(html.split(/\n\s*\n/));
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    paragraphs.push(current);
    current = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = node.nodeName.toLowerCase();
    if (SKIP_TAGS.has(tag)) return;
    if (tag === 'br') {
      current += '\n';
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(document.body as unknown as Node);
  flush();
  return normalizeParagraphs(paragraphs);
}

function normalizeParagraphs(paragraphs: string[]): string {
  return paragraphs
    .map((p) =>
      p
        .split('\n')
        .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
        .filter(Boolean)
        .join('\n'),
    )
    .filter(Boolean)
    .join('\n\n');
}

const INLINE_TAG =
  /<\/?(?:a|abbr|b|br|cite|code|del|div|em|font|i|ins|mark|p|q|s|small|span|strong|sub|sup|time|u)(?:\s[^<>]*)?\/?>/gi;

/** Character references decoded (a <title> holds text, so markup in it stays as it is). */
function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  const { document } = parseHTML(
    `<!doctype html><html><head><title>${value.replace(/<\/title/gi, '')}</title></head></html>`,
  );
  return document.title;
}

/**
 * A title or name as plain text: HTML tags removed, character references left over from double escaping
 * decoded, whitespace collapsed; null when nothing is left.
 */
export function cleanInline(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = decodeEntities(value.replace(INLINE_TAG, ' '))
    .replace(INLINE_TAG, ' ')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
  return text || null;
}
