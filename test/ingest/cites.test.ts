import { describe, expect, it } from 'vitest';
import { extractCites } from '../../src/ingest/cites.ts';

describe('extractCites finds who the reporting comes from', () => {
  it.each([
    ['Officials met twice last week, Reuters reported on Tuesday.', ['Reuters']],
    ['The plan has been shelved, according to Axios.', ['Axios']],
    ['"We are ready," the commander told AFP by phone.', ['AFP']],
    ['BEIRUT (AP) — Rescuers pulled three people from the rubble.', ['AP']],
    ['Rescuers searched through the night.\n— Reuters', ['Reuters']],
    ['The deal was first reported by the Financial Times.', ['Financial Times']],
    ['The talks were mediated by Qatar, as reported by Bloomberg.', ['Bloomberg']],
    ['Three sources confirmed the meeting, citing the Associated Press.', ['AP']],
    ["Politico's report said the memo was drafted in March.", ['Politico']],
    ['The Wall Street Journal said in a report that the merger was off.', ['The Wall Street Journal']],
    ['Five tankers were seized, the Saudi channel Al-Hadath reported.', ['Al-Hadath']],
    [
      'The border was closed, the state-run channel Lakeside TV reported, citing a diplomatic source.',
      ['Lakeside TV'],
    ],
    ['The minister resigned, reported by the regional broadcaster Radio Nordkap.', ['Radio Nordkap']],
    ["Israel's Channel 14 reported that the cabinet would meet.", ['Channel 14']],
    ['Journalist Mara Voss reported that the convoy had turned back.', ['Mara Voss']],
    ['A report by the daily Corriere Verde said the vote was delayed.', ['Corriere Verde']],
    ['As Omar Lind reports for NPR, the first cases appeared last week.', ['Omar Lind', 'NPR']],
    ['Valley Sports NFL Insider Ted Marsh has reported that the league will fine him.', ['Ted Marsh']],
    ['The ceasefire was announced on Friday, as reported by Saudi state TV Ekhbariya.', ['Ekhbariya TV']],
    ['Al-Hadath reported that a delegation would travel to Baku.', ['Al-Hadath']],
    ['Haaretz first reported the meeting last month.', ['Haaretz']],
    ['The Harbour Post first reported the closure on Sunday.', ['Harbour Post']],
  ])('%s', (text, cites) => {
    expect(extractCites(text)).toEqual(cites);
  });

  it('orders by first appearance and dedupes aliases', () => {
    const text =
      'According to Axios, the envoy flew to Paris. Agence France-Presse said the talks lasted hours, and AFP later added that a second round was planned. Axios reported the date.';
    expect(extractCites(text)).toEqual(['Axios', 'AFP']);
  });

  it('counts an embedded post of an outlet or a reporting journalist, not any post', () => {
    const text = [
      'Reports of the meeting spread quickly online.',
      '⚡ Officials from both sides met at the crossing, per 4 sources pic.twitter.com/abc123XYZ',
      '— Delta Wire (@deltawire) May 3, 2025',
      'A source told me the talks went on past midnight. https://t.co/abcdEF12',
      '— Nora Castell (@noracastell) May 3, 2025',
      'What a beautiful day at the beach! https://t.co/zzzzYY11',
      '— Carl Benning (@carlbenning) May 4, 2025',
    ].join('\n');
    expect(extractCites(text)).toEqual(['Delta Wire', 'Nora Castell']);
  });
});

describe('extractCites leaves out what is not a media source', () => {
  it.each([
    'The ministry said the strikes would continue, citing a diplomatic source.',
    'According to officials, the convoy was delayed by two hours.',
    'The spokesman told reporters that no decision had been taken.',
    'According to the ministry, 40 people were injured.',
    'According to Israeli officials, the talks were productive.',
    'The Foreign Ministry reported a rise in visa applications.',
    'According to the Syrian Observatory for Human Rights, 12 people died.',
    'Soldiers stand guard at the crossing on May 4, 2025 (Ana Cruz/Reuters)',
    'Firefighters at the scene. Photo: Lee Chan/AFP',
    'Damage to the building on Monday. (AP/Sam Hill)',
    'CNN anchors interviewed the mayor on Sunday.',
    'Saudi Arabia reported a budget surplus for the quarter.',
    'Home Depot reported third-quarter earnings that topped estimates.',
    'Investors were told 176 Hong Kong dollars was likely to be the final price.',
    'The Last Hot Time, a fantasy novel, tops the list.',
  ])('%s', (text) => {
    expect(extractCites(text)).toEqual([]);
  });

  it('never cites the article’s own outlet, by any of its names', () => {
    const text = 'Times of Israel reported earlier. The talks resumed, Axios reported.';
    expect(extractCites(text, { outlet: 'The Times of Israel' })).toEqual(['Axios']);
    expect(extractCites(text, { outlet: 'ToI' })).toEqual(['Axios']);
  });

  it('ignores outlets named in appeals, promos and link lists', () => {
    const text = [
      'The talks resumed on Monday, Reuters reported.',
      'Sign up for the Axios AM newsletter to get the news in your inbox',
      'Read more »',
      'More from Bloomberg',
      'Markets rally as Bloomberg index climbs',
    ].join('\n');
    expect(extractCites(text)).toEqual(['Reuters']);
  });

  it('counts photo-credit agencies only when asked to', () => {
    const text = 'Damage to the building on Monday. (AP/Sam Hill)';
    expect(extractCites(text, { creditsAsCites: true })).toEqual(['AP']);
  });

  it('returns nothing for empty or non-text input', () => {
    expect(extractCites('')).toEqual([]);
    expect(extractCites(undefined as unknown as string)).toEqual([]);
  });
});

describe('wire datelines', () => {
  it('cites the agency named in a dateline, known or not', () => {
    expect(extractCites('OSLO (Fjord Wire Service) - The ferry strike ended on Friday.')).toEqual([
      'Fjord Wire Service',
    ]);
    expect(extractCites('NAIROBI, Mar 4 (Reuters) — Prices rose.')).toEqual(['Reuters']);
  });

  it('does not take a dateline-less parenthesis or a photo credit for one', () => {
    expect(extractCites('The mayor (a former teacher) said the plan was sound.')).toEqual([]);
    expect(extractCites('Crowds gather in the square on Monday (Jan Nowak/Photo Desk)')).toEqual([]);
  });
});
