import { describeError, InputError } from '../../errors.ts';
import type { FeedState } from '../../types.ts';
import { decodeText, looksBinary } from '../decode-text.ts';
import type { FetchResult } from '../fetch/create-fetcher.ts';
import { type ParsedFeed, parseFeed } from './parse-feed.ts';

/** Decodes and parses a feed body; a string is the reason it is not a usable feed. */
export function readFeedBody(
  result: Extract<FetchResult, { kind: 'ok' }>,
  feed: FeedState,
): ParsedFeed | string {
  if (result.bytes.length === 0) return 'the feed body is empty';
  if (looksBinary(result.bytes)) return 'the feed body is binary, not text';
  const type = result.contentType?.toLowerCase() ?? '';
  const firstByte = result.bytes.find((b) => b > 0x20);
  const kind = type.includes('json') || firstByte === 0x7b ? 'text' : 'xml';
  const { text, charset } = decodeText(result.bytes, { contentType: result.contentType, kind });
  const broken = text.split('\uFFFD').length - 1;
  if (broken > 8 && broken > text.length / 200)
    return `the feed is not valid ${charset} text (${broken} undecodable characters)`;
  try {
    return parseFeed(text, { feedUrl: feed.url, feedId: feed.id });
  } catch (err) {
    if (err instanceof InputError) return err.message;
    return `the feed could not be parsed: ${describeError(err)}`;
  }
}
