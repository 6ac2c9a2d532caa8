import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.ts';
import { extractHtml } from '../../../src/ingest/html/index.ts';

function onlyInputErrors(html: string): boolean {
  try {
    const r = extractHtml(html, { url: 'https://example.test/page' });
    expect(typeof r.text).toBe('string');
    expect(r.text.trim()).not.toBe('');
    return true;
  } catch (err) {
    if (err instanceof InputError) return true;
    throw err;
  }
}

const fragments = fc.constantFrom(
  '<html>',
  '</html>',
  '<head>',
  '<body>',
  '<p>',
  '</p>',
  '<div class="share">',
  '</div>',
  '<article>',
  '<br>',
  '<script>',
  '</script>',
  '<script type="application/ld+json">',
  '{"@type":"NewsArticle","articleBody":',
  '"x"}',
  '<meta property="og:title" content="',
  '">',
  '<time datetime="',
  '2024-13-45',
  '<!--',
  '-->',
  '<![CDATA[',
  '<figure><figcaption>',
  '</figcaption></figure>',
  '<h2>',
  '</h2>',
  '<ul><li><a href="/x">',
  '</a></li></ul>',
  '<table><tr><td>',
  '&amp;',
  '&#0;',
  '&#xD800;',
  '<link rel="canonical" href="http://[::1',
  'Ünïcødé 日本語 ',
  'A sentence about the weather that runs long enough to count as prose in a paragraph. ',
);

describe('extractHtml never throws anything but InputError', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), onlyInputErrors), { numRuns: 150 });
  });

  it('on arbitrary tag soup', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fragments, fc.string({ maxLength: 20 })), { maxLength: 60 }), (parts) =>
        onlyInputErrors(parts.join('')),
      ),
      { numRuns: 150 },
    );
  });
});
