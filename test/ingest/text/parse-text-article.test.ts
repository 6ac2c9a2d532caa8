import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.ts';
import { parseTextArticle } from '../../../src/ingest/text/index.ts';
import { PAGES } from './pages.ts';

describe('parseTextArticle', () => {
  it('builds an ArticleInput from a scraped page', () => {
    const page = PAGES[0]!;
    const article = parseTextArticle(page.raw, { source: '/in/pages/harbor.txt' });
    expect(article).toEqual({
      externalId: 'harbor.txt',
      source: '/in/pages/harbor.txt',
      feedId: null,
      guid: null,
      url: null,
      outlet: page.outlet,
      title: page.title,
      published: page.published,
      text: page.body.join('\n\n'),
      cites: page.cites,
    });
  });

  it('uses a URL source as id and URL', () => {
    const article = parseTextArticle('The ferry resumed service on Sunday after the strike ended.', {
      source: 'https://news.example.com/ferry',
    });
    expect(article).toMatchObject({
      externalId: 'https://news.example.com/ferry',
      url: 'https://news.example.com/ferry',
    });
  });

  it('rejects a page with nothing but furniture', () => {
    expect(() =>
      parseTextArticle('Skip to main content\nRead More »\nSubscribe now', { source: 'menu.txt' }),
    ).toThrow(InputError);
  });
});
