import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, looksBinary } from '../../src/ingest/decode-text.ts';

const ascii = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));
const concat = (...parts: Uint8Array[]) => Uint8Array.from(Buffer.concat(parts));

describe('decodeText', () => {
  it('reads windows-1252 from <meta charset>', () => {
    const bytes = ascii(
      '<html><head><meta charset="windows-1252"></head><body>caf\xe9 \x93quoted\x94 \x80</body>',
    );
    const r = decodeText(bytes, { kind: 'html' });
    expect(r.charset).toBe('windows-1252');
    expect(r.text).toContain('café “quoted” €');
  });

  it('reads the charset from <meta http-equiv content-type>', () => {
    const head = ascii('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><p>');
    const r = decodeText(concat(head, iconv.encode('東京の天気', 'shift_jis')));
    expect(r.charset).toBe('shift_jis');
    expect(r.text).toContain('東京の天気');
  });

  it('reads Shift_JIS from the Content-Type header', () => {
    const r = decodeText(iconv.encode('<p>港の橋が再開</p>', 'shift_jis'), {
      contentType: 'text/html; charset="Shift_JIS"',
    });
    expect(r.charset).toBe('shift_jis');
    expect(r.text).toBe('<p>港の橋が再開</p>');
  });

  it('reads ISO-8859-1 from the header as its windows-1252 superset', () => {
    const r = decodeText(ascii('<p>Z\xfcrich \xe0 la une</p>'), {
      contentType: 'text/html;charset=ISO-8859-1',
    });
    expect(r.charset).toBe('windows-1252');
    expect(r.text).toBe('<p>Zürich à la une</p>');
  });

  it('lets a BOM win over the header and strips it', () => {
    const utf8 = concat(Uint8Array.of(0xef, 0xbb, 0xbf), Buffer.from('<p>naïve</p>'));
    expect(decodeText(utf8, { contentType: 'text/html; charset=windows-1252' })).toEqual({
      text: '<p>naïve</p>',
      charset: 'utf-8',
    });
    const utf16 = concat(Uint8Array.of(0xff, 0xfe), Buffer.from('<p>über</p>', 'utf16le'));
    expect(decodeText(utf16).text).toBe('<p>über</p>');
  });

  it('lets the meta win when the header says utf-8 but the bytes are not utf-8', () => {
    const bytes = ascii('<meta charset="windows-1252"><p>Cr\xe8me br\xfbl\xe9e</p>');
    const r = decodeText(bytes, { contentType: 'text/html; charset=utf-8' });
    expect(r.charset).toBe('windows-1252');
    expect(r.text).toContain('Crème brûlée');
  });

  it('prefers utf-8 when a Shift_JIS label sits on valid utf-8 text', () => {
    const bytes = Uint8Array.from(Buffer.from('<p>港の橋が再開</p>'));
    expect(decodeText(bytes, { contentType: 'text/html; charset=Shift_JIS' })).toEqual({
      text: '<p>港の橋が再開</p>',
      charset: 'utf-8',
    });
  });

  it('prefers utf-8 when a single-byte label sits on valid utf-8 text', () => {
    const bytes = Uint8Array.from(Buffer.from('<meta charset="iso-8859-1"><p>Škoda in Plzeň</p>'));
    const r = decodeText(bytes);
    expect(r.charset).toBe('utf-8');
    expect(r.text).toContain('Škoda in Plzeň');
  });

  it('reads the XML prolog encoding for feeds', () => {
    const bytes = ascii('<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>Ma\xf1ana</title></rss>');
    const r = decodeText(bytes, { kind: 'xml' });
    expect(r.text).toContain('<title>Mañana</title>');
  });

  it('ignores markup declarations for plain text', () => {
    const bytes = Uint8Array.from(Buffer.from('<meta charset="windows-1252"> é'));
    expect(decodeText(bytes, { kind: 'text' }).text).toBe('<meta charset="windows-1252"> é');
  });

  it('never throws on an unknown label: utf-8 first, windows-1252 when the bytes are not utf-8', () => {
    const utf8 = Uint8Array.from(Buffer.from('<p>ok ü</p>'));
    expect(decodeText(utf8, { contentType: 'text/html; charset=x-made-up' })).toEqual({
      text: '<p>ok ü</p>',
      charset: 'utf-8',
    });
    const latin = ascii('<meta charset="klingon"><p>\xfc</p>');
    const r = decodeText(latin, { contentType: 'text/html; charset=also-unknown' });
    expect(r.charset).toBe('windows-1252');
    expect(r.text).toContain('<p>ü</p>');
  });

  it('defaults to utf-8', () => {
    expect(decodeText(Uint8Array.from(Buffer.from('plain ✓')))).toEqual({
      text: 'plain ✓',
      charset: 'utf-8',
    });
    expect(decodeText(new Uint8Array(0))).toEqual({ text: '', charset: 'utf-8' });
  });
});

describe('looksBinary', () => {
  it('flags NUL bytes and control-heavy data', () => {
    expect(looksBinary(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00))).toBe(true);
    expect(looksBinary(Uint8Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)))).toBe(true);
  });

  it('passes text in any charset, including utf-16 with a BOM', () => {
    expect(looksBinary(Uint8Array.from(Buffer.from('<html><body>\tText\r\n</body></html>')))).toBe(false);
    expect(looksBinary(iconv.encode('港の橋が再開', 'shift_jis'))).toBe(false);
    expect(looksBinary(concat(Uint8Array.of(0xff, 0xfe), Buffer.from('hi', 'utf16le')))).toBe(false);
    expect(looksBinary(new Uint8Array(0))).toBe(false);
  });
});

describe('decodeText never throws', () => {
  it('on arbitrary bytes and Content-Type headers', () => {
    const header = fc.oneof(
      fc.constant(null),
      fc.string({ maxLength: 40 }),
      fc.string({ maxLength: 20 }).map((cs) => `text/html; charset=${cs}`),
    );
    const kind = fc.constantFrom('html' as const, 'xml' as const, 'text' as const);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), header, kind, (bytes, contentType, k) => {
        const r = decodeText(bytes, { contentType, kind: k });
        return typeof r.text === 'string' && r.charset.length > 0;
      }),
      { numRuns: 200 },
    );
  });
});
