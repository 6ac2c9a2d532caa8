import { Parser } from 'htmlparser2';

/**
 * A bare element tree built straight from htmlparser2's events, the same parser and the same tree shape
 * linkedom builds, at a fraction of the cost. Metadata and the boilerplate cleanup run on it; only what
 * is left goes through linkedom and Readability.
 */
export type LightText = { type: 3; text: string; parent: LightElement };
export type LightElement = {
  type: 1;
  name: string;
  attrs: Record<string, string>;
  children: LightNode[];
  parent: LightElement | null;
};
export type LightNode = LightElement | LightText;

export type LightDocument = {
  root: LightElement;
  html: LightElement | null;
  body: LightElement | null;
  /** Elements under <html>, and its depth counting <html> as 1: what the size limits are checked on. */
  elements: number;
  depth: number;
};

function createElement(
  name: string,
  attrs: Record<string, string>,
  parent: LightElement | null,
): LightElement {
  return { type: 1, name, attrs, children: [], parent };
}

/** Parses HTML into a light tree, events exactly as linkedom receives them (comments are left out). */
export function parseLightTree(html: string): LightDocument {
  const root = createElement('#document', {}, null);
  let node = root;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const el = createElement(name, lowerCaseKeys(attributes), node);
        node.children.push(el);
        node = el;
      },
      ontext(text) {
        const last = node.children[node.children.length - 1];
        if (last?.type === 3) last.text += text;
        else node.children.push({ type: 3, text, parent: node });
      },
      onclosetag() {
        node = node.parent ?? root;
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  const htmlEl = firstElement(root);
  const { elements, depth } = htmlEl ? measureLightTree(htmlEl) : { elements: 0, depth: 0 };
  return { root, html: htmlEl, body: findFirst(root, (el) => el.name === 'body'), elements, depth };
}

function lowerCaseKeys(attributes: Record<string, string>): Record<string, string> {
  for (const key in attributes) {
    if (key !== key.toLowerCase()) {
      const out: Record<string, string> = {};
      for (const k in attributes) if (!(k.toLowerCase() in out)) out[k.toLowerCase()] = attributes[k]!;
      return out;
    }
  }
  return attributes;
}

function firstElement(parent: LightElement): LightElement | null {
  for (const kid of parent.children) if (kid.type === 1) return kid;
  return null;
}

function measureLightTree(root: LightElement): { elements: number; depth: number } {
  let elements = 0;
  let depth = 0;
  const stack: [LightElement, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [el, d] = stack.pop()!;
    elements++;
    if (d > depth) depth = d;
    for (const kid of el.children) if (kid.type === 1) stack.push([kid, d + 1]);
  }
  return { elements, depth };
}

/**
 * Visits elements under `root` in document order. The visitor returns false to skip an element's
 * children. Iterative: pages can nest thousands deep.
 */
export function walkElements(root: LightElement, visit: (el: LightElement) => boolean | undefined): void {
  const stack: LightNode[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i]!);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 1) continue;
    if (visit(node) === false) continue;
    const kids = node.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}

function findFirst(root: LightElement, test: (el: LightElement) => boolean): LightElement | null {
  let found: LightElement | null = null;
  walkElements(root, (el) => {
    if (found) return false;
    if (test(el)) found = el;
    return !found;
  });
  return found;
}

export function findAll(root: LightElement, test: (el: LightElement) => boolean): LightElement[] {
  const out: LightElement[] = [];
  walkElements(root, (el) => {
    if (test(el)) out.push(el);
    return true;
  });
  return out;
}

/** The DOM's textContent: all descendant text, script and style included. */
export function textOf(node: LightNode): string {
  if (node.type === 3) return node.text;
  const parts: string[] = [];
  collectText(node, parts);
  return parts.join('');
}

function collectText(el: LightElement, parts: string[]): void {
  const stack: LightNode[] = [el];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 3) parts.push(node.text);
    else for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

/** textContent's length, without building the string. */
export function textLength(el: LightElement): number {
  let n = 0;
  const stack: LightNode[] = [el];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 3) n += node.text.length;
    else for (const kid of node.children) stack.push(kid);
  }
  return n;
}

export function removeElement(el: LightElement): void {
  const parent = el.parent;
  if (!parent) return;
  const i = parent.children.indexOf(el);
  if (i >= 0) parent.children.splice(i, 1);
  el.parent = null;
}

export function hasClass(el: LightElement, name: string): boolean {
  return el.attrs.class?.split(/\s+/).includes(name) ?? false;
}

const VOID_TAGS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Elements whose text htmlparser2 takes as is, without decoding entities (<title> it decodes). */
const RAW_TEXT_TAGS = new Set(['script', 'style', 'textarea', 'xmp']);
const ATTRIBUTE_NAME = /^[^\s"'<>/=]+$/;
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Serializes the tree back to HTML that parses (with the same parser) into the same tree. */
export function serializeLightTree(root: LightElement): string {
  return `<!DOCTYPE html>${serializeNodes(root.children)}`;
}

/** `keepAttribute`, when given, picks the attributes written out. */
export function serializeNodes(
  nodes: readonly LightNode[],
  keepAttribute: (name: string) => boolean = () => true,
): string {
  const out: string[] = [];
  type Frame = LightNode | { close: string };
  const stack: Frame[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]!);
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if ('close' in frame) {
      out.push(`</${frame.close}>`);
      continue;
    }
    if (frame.type === 3) {
      out.push(RAW_TEXT_TAGS.has(frame.parent.name) ? frame.text : escapeText(frame.text));
      continue;
    }
    let open = `<${frame.name}`;
    for (const key in frame.attrs)
      if (ATTRIBUTE_NAME.test(key) && keepAttribute(key))
        open += ` ${key}="${escapeAttr(frame.attrs[key]!)}"`;
    out.push(`${open}>`);
    if (VOID_TAGS.has(frame.name)) continue;
    stack.push({ close: frame.name });
    for (let i = frame.children.length - 1; i >= 0; i--) stack.push(frame.children[i]!);
  }
  return out.join('');
}
