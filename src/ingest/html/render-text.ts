import { type DomNode, isElement, TEXT_NODE } from './dom.ts';

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'caption',
  'figcaption',
  'body',
  'html',
  'menu',
  'option',
  'select',
]);
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'object',
  'embed',
  'head',
  'button',
  'input',
  'textarea',
  'select',
  'canvas',
  'video',
  'audio',
  'picture',
  'img',
  'math',
]);
const CELL_TAGS = new Set(['td', 'th']);

/** Renders an element as plain text: one paragraph per block, blank lines between, whitespace collapsed. */
export function renderText(root: DomNode): string {
  const paragraphs: string[] = [];
  let line = '';
  let lines: string[] = [];
  let breaks = 0;

  const flushLine = () => {
    const t = line.replace(/[ \t\u00a0]+/g, ' ').trim();
    if (t) lines.push(t);
    line = '';
  };
  const flushParagraph = () => {
    flushLine();
    if (lines.length) paragraphs.push(lines.join('\n'));
    lines = [];
    breaks = 0;
  };

  const walk = (node: DomNode, pre: boolean): void => {
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? '';
      if (pre) {
        const parts = text.split('\n');
        parts.forEach((p, i) => {
          if (i > 0) flushLine();
          line += p;
        });
      } else if (text) {
        if (/\S/.test(text)) breaks = 0;
        line += text.replace(/\s+/g, ' ');
      }
      return;
    }
    if (!isElement(node)) return;
    const tag = node.localName;
    if (SKIP_TAGS.has(tag)) return;
    if (tag === 'br') {
      breaks++;
      if (breaks >= 2) flushParagraph();
      else flushLine();
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block && !CELL_TAGS.has(tag)) flushParagraph();
    else if (CELL_TAGS.has(tag)) line += ' ';
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i]!, pre || tag === 'pre');
    if (block && !CELL_TAGS.has(tag)) flushParagraph();
  };
  walk(root, false);
  flushParagraph();
  return paragraphs.join('\n\n');
}
