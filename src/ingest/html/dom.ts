import { parseHTML } from 'linkedom';

/** The slice of the DOM this folder uses; linkedom's own typings need the DOM lib, which we do not load. */
export type DomNode = {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  parentNode: DomNode | null;
  childNodes: ArrayLike<DomNode>;
  remove(): void;
};

export type DomElement = DomNode & {
  tagName: string;
  localName: string;
  id: string;
  className: string;
  children: ArrayLike<DomElement>;
  parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  replaceWith(...nodes: DomNode[]): void;
};

export type DomDocument = DomNode & {
  documentElement: DomElement | null;
  head: DomElement | null;
  body: DomElement | null;
  title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  createElement(tag: string): DomElement;
  createTextNode(text: string): DomNode;
};

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/**
 * Parses a page. linkedom builds no implied <html>, <head> or <body> (and some of its getters fail
 * without them), so a page missing them gets them added first.
 */
export function parseDocument(html: string): DomDocument {
  const doc = parseHTML(completeSkeleton(html)).document as unknown as DomDocument;
  if (doc.documentElement?.localName === 'html') return doc;
  // An "<html" that sat inside a comment or a script fooled the check above; wrap the whole page.
  return parseHTML(wrapInSkeleton(html)).document as unknown as DomDocument;
}

export function wrapInSkeleton(html: string): string {
  return `<!doctype html><html><head></head><body>${html}</body></html>`;
}

export function completeSkeleton(html: string): string {
  const htmlTag = /<html(?=[\s>])[^>]*>/i.exec(html);
  if (!htmlTag) return wrapInSkeleton(html);
  let out = html;
  const afterHtml = htmlTag.index + htmlTag[0].length;
  if (!/<head[\s>]/i.test(out)) out = `${out.slice(0, afterHtml)}<head></head>${out.slice(afterHtml)}`;
  if (!/<body[\s>]/i.test(out)) {
    const headEnd = /<\/head\s*>/i.exec(out);
    const at = headEnd ? headEnd.index + headEnd[0].length : afterHtml;
    out = `${out.slice(0, at)}<body>${out.slice(at)}`;
  }
  return out;
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

export function collapseSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * The elements under `root` that pass `test`, in document order: querySelectorAll without linkedom's
 * selector compiling, which it redoes on every call.
 */
export function findDescendants(root: DomElement, test: (el: DomElement) => boolean): DomElement[] {
  const out: DomElement[] = [];
  const stack: DomElement[] = [];
  const pushChildren = (el: DomElement) => {
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  };
  pushChildren(root);
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (test(el)) out.push(el);
    pushChildren(el);
  }
  return out;
}
