import type { CommandHandler, CommandReply, CommandRequest } from '../adapter.ts';
import { describeError, InputError } from '../errors.ts';
import { silentLogger } from '../log.ts';
import type { CommandDeps } from './command-deps.ts';
import { handleRepost } from './handle-repost.ts';
import { handleSearch } from './handle-search.ts';
import { handleSourcesAdd, handleSourcesList, handleSourcesRemove } from './handle-sources.ts';
import { handleStory } from './handle-story.ts';
import { handleSubscribe } from './handle-subscribe.ts';
import { handleSubscriptions } from './handle-subscriptions.ts';
import { handleToday } from './handle-today.ts';
import { handleUnsubscribe } from './handle-unsubscribe.ts';
import { handleWhy } from './handle-why.ts';
import { COMMAND_HELP, type Command, parseCommand } from './parse-command.ts';

function dispatch(command: Command, req: CommandRequest, deps: CommandDeps): Promise<CommandReply> {
  switch (command.kind) {
    case 'help':
      return Promise.resolve({ visibility: 'private', text: COMMAND_HELP });
    case 'today':
      return handleToday(command, req, deps);
    case 'search':
      return handleSearch(command, req, deps);
    case 'story':
      return handleStory(command, req, deps);
    case 'why':
      return handleWhy(command, req, deps);
    case 'repost':
      return handleRepost(command, req, deps);
    case 'subscribe':
      return handleSubscribe(command, req, deps);
    case 'unsubscribe':
      return handleUnsubscribe(command, req, deps);
    case 'subscriptions':
      return handleSubscriptions(command, req, deps);
    case 'sources-add':
      return handleSourcesAdd(command, req, deps);
    case 'sources-list':
      return handleSourcesList(command, req, deps);
    case 'sources-remove':
      return handleSourcesRemove(command, req, deps);
  }
}

/**
 * The platform-neutral `/news` handler: one grammar for Slack, Discord and the console. Lookups and
 * confirmations answer privately; a bad command gets a private message naming the bad part, and help.
 */
export function createCommandHandler(deps: CommandDeps): CommandHandler {
  const log = deps.log ?? silentLogger;
  return async function handleCommand(req: CommandRequest): Promise<CommandReply> {
    const parsed = parseCommand(req.text ?? '');
    if (!parsed.ok) return { visibility: 'private', text: `${parsed.error}\n\n${parsed.help}` };
    try {
      return await dispatch(parsed.command, req, deps);
    } catch (err) {
      if (err instanceof InputError) return { visibility: 'private', text: err.message };
      log.error({ err, command: parsed.command.kind, platform: req.platform }, 'command failed');
      return {
        visibility: 'private',
        text: `Sorry, /news ${parsed.command.kind.replace('-', ' ')} failed: ${describeError(err)}`,
      };
    }
  };
}
