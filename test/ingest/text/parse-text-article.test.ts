import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.ts';
import { isTextCited } from '../../../src/ingest/cites.ts';
import { mergeCites } from '../../../src/ingest/create-ingestor.ts';
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

  it('reads cites across hard-wrapped lines, as the body joins them', () => {
    const raw = [
      'Minister Resigns After Port Dispute',
      '',
      'The transport minister resigned on Friday, as first reported by the Lebanese',
      'broadcaster Nour Vision, citing two officials close to the cabinet.',
      '',
      'He had been under pressure since the strike began in the spring.',
    ].join('\n');
    const article = parseTextArticle(raw, { source: 'wrapped.txt' });
    expect(article.text).toContain('the Lebanese broadcaster Nour Vision');
    expect(article.cites).toEqual(['Nour Vision']);
  });

  it('marks its result as read, so that the ingestor does not read the body again', () => {
    const article = parseTextArticle(PAGES[0]!.raw, { source: 'harbor.txt' });
    expect(isTextCited(article)).toBe(true);
    expect(isTextCited({ ...article })).toBe(false);
    expect(mergeCites(article)).toEqual(mergeCites({ ...article }));
  });
});
