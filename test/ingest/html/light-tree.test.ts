import { describe, expect, it } from 'vitest';
import {
  findAll,
  type LightElement,
  parseLightTree,
  removeElement,
  serializeLightTree,
  textLength,
  textOf,
} from '../../../src/ingest/html/light-tree.ts';

const shape = (el: LightElement): unknown => [
  el.name,
  el.attrs,
  el.children.map((k) => (k.type === 3 ? k.text : shape(k))),
];

describe('parseLightTree', () => {
  const html =
    '<!doctype html><html lang="en"><head><title>A &amp; B</title></head>' +
    '<body><div CLASS="x"><p>One <b>two</b><!-- c --> three<p>Four</div><br><img src="a.png"></body></html>';
  const doc = parseLightTree(html);

  it('finds <html> and <body>, counts elements and depth under <html>', () => {
    expect(doc.html?.name).toBe('html');
    expect(doc.body?.name).toBe('body');
    // html head title body div p b p br img
    expect(doc.elements).toBe(10);
    expect(doc.depth).toBe(5);
  });

  it('decodes entities, drops comments, lower-cases attribute names, closes implied <p>', () => {
    const div = findAll(doc.root, (el) => el.name === 'div')[0]!;
    expect(div.attrs).toEqual({ class: 'x' });
    expect(div.children.map((k) => (k.type === 1 ? k.name : k.text))).toEqual(['p', 'p']);
    expect(textOf(div)).toBe('One two threeFour');
    expect(textLength(div)).toBe('One two threeFour'.length);
    expect(textOf(findAll(doc.root, (el) => el.name === 'title')[0]!)).toBe('A & B');
  });

  it('serializes to HTML that parses back into the same tree', () => {
    const raw = '<html><body><xmp>1 &lt; 2 <b>not a tag</b></xmp><p>a &amp; b</p></body></html>';
    const tricky =
      '<html><body><p title="a &quot;q&quot; &amp; b">1 &lt; 2 &amp;&amp; 3 &gt; 2</p><br></body></html>';
    for (const page of [html, tricky, raw]) {
      const once = parseLightTree(page);
      const twice = parseLightTree(serializeLightTree(once.root));
      expect(shape(twice.root)).toEqual(shape(once.root));
    }
  });

  it('leaves a removed element out of the text and the serialization', () => {
    const page = parseLightTree('<html><body><p>keep</p><aside>drop</aside></body></html>');
    removeElement(findAll(page.root, (el) => el.name === 'aside')[0]!);
    expect(textOf(page.body!)).toBe('keep');
    expect(serializeLightTree(page.root)).not.toContain('drop');
  });

  it('measures deep nesting without recursion', () => {
    const deep = parseLightTree(`<html><body>${'<div>'.repeat(5000)}x</body></html>`);
    expect(deep.depth).toBe(5002);
    expect(textOf(deep.body!)).toBe('x');
  });
});
