import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Command,
  checkCronExpression,
  parseChannel,
  parseClockTime,
  parseCommand,
  parseTimeZone,
} from '../../src/commands/parse-command.ts';

function command(text: string): Command {
  const result = parseCommand(text);
  if (!result.ok) throw new Error(`expected "${text}" to parse: ${result.error}`);
  return result.command;
}

function error(text: string): string {
  const result = parseCommand(text);
  if (result.ok) throw new Error(`expected "${text}" to fail, got ${JSON.stringify(result.command)}`);
  expect(result.help).toMatch(/\/news search/);
  return result.error;
}

describe('parseCommand', () => {
  it('reads help, and an empty command as help', () => {
    expect(command('help')).toEqual({ kind: 'help' });
    expect(command('')).toEqual({ kind: 'help' });
    expect(command('  HELP  ')).toEqual({ kind: 'help' });
  });

  it('reads today with and without a filter', () => {
    expect(command('today')).toEqual({ kind: 'today', filter: null });
    const today = command('today who:"Mara Okonjo" -sport');
    expect(today.kind === 'today' && today.filter?.text).toBe('who:"Mara Okonjo" -sport');
    expect(error('today (bridge')).toMatch(/filter: unclosed "\("/);
  });

  it('reads search words, keeping quotes for the search', () => {
    expect(command('search harbour "cable fault"')).toEqual({
      kind: 'search',
      query: 'harbour "cable fault"',
    });
    expect(command('Search  Calder')).toEqual({ kind: 'search', query: 'Calder' });
    expect(error('search')).toMatch(/missing search words/);
    expect(error('search ?!')).toMatch(/missing search words/);
  });

  it('reads story and why with one id', () => {
    expect(command('story s1a2b3')).toEqual({ kind: 'story', storyId: 's1a2b3' });
    expect(command('why s1a2b3')).toEqual({ kind: 'why', storyId: 's1a2b3' });
    expect(error('story')).toMatch(/missing story id/);
    expect(error('why')).toMatch(/missing story id. Usage: \/news why/);
    expect(error('story a b')).toMatch(/takes one story id, found more: "b"/);
    expect(error('story <script>')).toMatch(/story id "<script>" is not an id/);
  });

  it('reads repost with no channel, a Slack mention, a Discord mention or a #name', () => {
    expect(command('repost s1')).toEqual({ kind: 'repost', storyId: 's1', channel: null });
    expect(command('repost s1 <#C0123ABC|general>')).toEqual({
      kind: 'repost',
      storyId: 's1',
      channel: { channelId: 'C0123ABC', byName: false },
    });
    expect(command('repost s1 <#112233445566778899>')).toEqual({
      kind: 'repost',
      storyId: 's1',
      channel: { channelId: '112233445566778899', byName: false },
    });
    expect(command('repost s1 #harbour-news')).toEqual({
      kind: 'repost',
      storyId: 's1',
      channel: { channelId: 'harbour-news', byName: true },
    });
    expect(error('repost s1 harbour')).toMatch(/"harbour" is not a channel/);
    expect(error('repost s1 #a #b')).toMatch(/found more: "#b"/);
    expect(error('repost')).toMatch(/missing story id/);
  });

  it('reads daily subscriptions with optional time zone and filter', () => {
    expect(command('subscribe daily 08:00')).toEqual({
      kind: 'subscribe',
      schedule: { kind: 'daily', time: '08:00' },
      timeZone: null,
      filter: null,
    });
    const berlin = command('subscribe daily 8:30 europe/berlin harbour OR ferry');
    expect(berlin).toMatchObject({
      kind: 'subscribe',
      schedule: { kind: 'daily', time: '08:30' },
      timeZone: 'Europe/Berlin',
      filter: { text: 'harbour OR ferry' },
    });
    // A country word is a filter, not one of the legacy zone names that share it.
    expect(command('subscribe daily 08:00 Poland')).toMatchObject({
      timeZone: null,
      filter: { text: 'Poland' },
    });
    expect(command('subscribe daily 07:00 UTC+2')).toMatchObject({ timeZone: 'Etc/GMT-2' });
    expect(command('subscribe daily 07:00 UTC')).toMatchObject({ timeZone: 'UTC' });
  });

  it('names the bad part of a daily subscription', () => {
    expect(error('subscribe daily 24:00')).toMatch(/time "24:00" is not a 24-hour HH:MM time/);
    expect(error('subscribe daily 8am')).toMatch(/time "8am"/);
    expect(error('subscribe daily')).toMatch(/missing time/);
    expect(error('subscribe daily 08:00 Europe/Atlantis')).toMatch(/unknown time zone "Europe\/Atlantis"/);
    expect(error('subscribe daily 08:00 UTC+15')).toMatch(/unknown time zone "UTC\+15"/);
    expect(error('subscribe daily 08:00 Europe/Berlin who:')).toMatch(/filter: "who:" needs a value/);
    expect(error('subscribe weekly 08:00')).toMatch(/unknown schedule "weekly"/);
    expect(error('subscribe')).toMatch(/missing schedule/);
  });

  it('reads cron subscriptions from a quoted expression', () => {
    expect(command('subscribe cron "0 8 * * 1-5" America/New_York who:okonjo')).toMatchObject({
      kind: 'subscribe',
      schedule: { kind: 'cron', expression: '0 8 * * 1-5' },
      timeZone: 'America/New_York',
      filter: { text: 'who:okonjo' },
    });
    expect(command('subscribe cron “30  7 * * mon-fri”')).toMatchObject({
      schedule: { kind: 'cron', expression: '30 7 * * mon-fri' },
      timeZone: null,
    });
  });

  it('names the bad part of a cron subscription', () => {
    expect(error('subscribe cron 0 8 * * *')).toMatch(/must be in quotes/);
    expect(error('subscribe cron "0 8 * *')).toMatch(/unclosed quote/);
    expect(error('subscribe cron "61 8 * * *"')).toMatch(/minute "61" is not valid/);
    expect(error('subscribe cron "0 8 * * 9"')).toMatch(/day of week "9" is not valid/);
    expect(error('subscribe cron "0 0 8 * * *"')).toMatch(/needs 5 fields .* got 6/);
    expect(error('subscribe cron "0 8 * * *" Mars/Olympus')).toMatch(/unknown time zone "Mars\/Olympus"/);
  });

  it('reads unsubscribe and subscriptions', () => {
    expect(command('unsubscribe')).toEqual({ kind: 'unsubscribe', subscriptionId: null });
    expect(command('unsubscribe sub_12')).toEqual({ kind: 'unsubscribe', subscriptionId: 'sub_12' });
    expect(command('subscriptions')).toEqual({ kind: 'subscriptions' });
    expect(error('unsubscribe a b')).toMatch(/at most one subscription id/);
    expect(error('unsubscribe <x>')).toMatch(/subscription id "<x>" is not an id/);
    expect(error('subscriptions all')).toMatch(/takes nothing after it, found "all"/);
  });

  it('reads sources (and its feeds alias)', () => {
    expect(command('sources add https://feeds.example.org/rss.xml')).toEqual({
      kind: 'sources-add',
      url: 'https://feeds.example.org/rss.xml',
    });
    expect(command('sources add <https://feeds.example.org/rss.xml|feeds.example.org/rss.xml>')).toEqual({
      kind: 'sources-add',
      url: 'https://feeds.example.org/rss.xml',
    });
    expect(command('sources')).toEqual({ kind: 'sources-list' });
    expect(command('feeds list')).toEqual({ kind: 'sources-list' });
    expect(command('sources remove f123')).toEqual({ kind: 'sources-remove', feedId: 'f123' });
    expect(error('sources add')).toMatch(/missing feed URL/);
    expect(error('sources add a b')).toMatch(/takes one URL, found more: "b"/);
    expect(error('sources remove')).toMatch(/missing source id/);
    expect(error('sources purge')).toMatch(/unknown sources action "purge"/);
  });

  it('answers an unknown subcommand with its name and the help', () => {
    expect(error('weather tomorrow')).toMatch(/unknown command "weather"/);
  });

  it('refuses an overlong command', () => {
    expect(error(`search ${'x'.repeat(3000)}`)).toMatch(/characters long; at most 2000/);
  });

  it('never throws on arbitrary text', () => {
    const sub = fc.constantFrom(
      '',
      'today ',
      'search ',
      'story ',
      'repost ',
      'why ',
      'subscribe daily ',
      'subscribe cron ',
      'subscribe ',
      'unsubscribe ',
      'sources add ',
      'sources ',
      'feeds remove ',
    );
    fc.assert(
      fc.property(sub, fc.string({ maxLength: 80 }), (prefix, rest) => {
        const result = parseCommand(prefix + rest);
        if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('command parts', () => {
  it('parses clock times', () => {
    expect(parseClockTime('7:05')).toBe('07:05');
    expect(parseClockTime('23:59')).toBe('23:59');
    expect(parseClockTime('23:60')).toBeNull();
    expect(parseClockTime('123:00')).toBeNull();
  });

  it('parses time zones to their canonical names', () => {
    expect(parseTimeZone('asia/tokyo')).toBe('Asia/Tokyo');
    expect(parseTimeZone('UTC-5')).toBe('Etc/GMT+5');
    expect(parseTimeZone('Nowhere/Town')).toBeNull();
  });

  it('checks cron expressions with node-cron', () => {
    expect(checkCronExpression('*/15 6-18 * * *')).toBeNull();
    expect(checkCronExpression('0 25 * * *')).toMatch(/hour "25"/);
  });

  it('reads channel forms', () => {
    expect(parseChannel('<#C1234567>')).toEqual({ channelId: 'C1234567', byName: false });
    expect(parseChannel('C1234567')).toEqual({ channelId: 'C1234567', byName: false });
    expect(parseChannel('#général')).toEqual({ channelId: 'général', byName: true });
    expect(parseChannel('<@U123>')).toBeNull();
  });
});
