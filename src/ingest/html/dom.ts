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

export function parseDocument(html: string): DomDocument {
  return parseHTML(html).document as unknown as DomDocument;
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

export function collapseSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
