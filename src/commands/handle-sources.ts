import { validateFeedUrl } from '../ingest/feed/validate-feed-url.ts';
import type { FeedState } from '../types.ts';
import { privately, refuseNonAdmin, type SubcommandHandler } from './command-deps.ts';

const MAX_LISTED = 50;

function formatFeed(f: FeedState): string {
  const state = f.enabled ? 'active' : `disabled${f.disabledReason ? ` (${f.disabledReason})` : ''}`;
  const error = f.lastError && f.enabled ? ` — last error: ${f.lastError}` : '';
  return `• ${f.id} — ${f.title ? `${f.title} ` : ''}${f.url} — ${state}${error}`;
}

export const handleSourcesAdd: SubcommandHandler<'sources-add'> = async (command, req, deps) => {
  const refusal = refuseNonAdmin(req, 'add sources');
  if (refusal) return refusal;
  const check = await validateFeedUrl(command.url, {
    allowPrivateAddresses: deps.config.allowPrivateAddresses,
    ...(deps.resolveHost ? { resolveHost: deps.resolveHost } : {}),
  });
  if (!check.ok) return privately(`Cannot add feed "${command.url}": ${check.reason}`);
  const known = (await deps.store.listFeeds()).some((f) => f.url === check.url);
  const feed = await deps.store.addFeed({ url: check.url, intervalSec: deps.config.feedIntervalSec });
  return privately(
    known
      ? `Already reading ${feed.url} (source ${feed.id}).`
      : `Added source ${feed.id}: ${feed.url} — first poll soon.`,
  );
};

export const handleSourcesList: SubcommandHandler<'sources-list'> = async (_command, _req, deps) => {
  const feeds = await deps.store.listFeeds();
  if (feeds.length === 0)
    return privately('No sources yet. An admin can add one: /news sources add <feed url>');
  const lines = [`Sources (${feeds.length}):`, ...feeds.slice(0, MAX_LISTED).map(formatFeed)];
  if (feeds.length > MAX_LISTED) lines.push(`… and ${feeds.length - MAX_LISTED} more (the CLI lists all)`);
  return privately(lines.join('\n'));
};

export const handleSourcesRemove: SubcommandHandler<'sources-remove'> = async (command, req, deps) => {
  const refusal = refuseNonAdmin(req, 'remove sources');
  if (refusal) return refusal;
  const feed = await deps.store.getFeed(command.feedId);
  if (!feed || !(await deps.store.removeFeed(command.feedId)))
    return privately(`No source with id "${command.feedId}" (see /news sources list).`);
  return privately(`Removed source ${feed.id}: ${feed.url}. Stories already read stay.`);
};
