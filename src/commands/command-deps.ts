import type { CommandReply, CommandRequest } from '../adapter.ts';
import type { Delivery } from '../delivery/delivery.ts';
import type { ResolveHost } from '../ingest/fetch/guard-lookup.ts';
import type { Logger } from '../log.ts';
import type { Pipeline } from '../pipeline/create-pipeline.ts';
import type { Store } from '../store/store.ts';
import type { Command } from './parse-command.ts';

export type CommandConfig = {
  allowPrivateAddresses: boolean;
  /** IANA zone for "today" and new subscriptions when the channel names none. */
  defaultTimeZone: string;
  /** Poll interval of feeds added with /news sources add. */
  feedIntervalSec: number;
};

export type CommandDeps = {
  store: Store;
  pipeline: Pipeline;
  delivery: Delivery;
  config: CommandConfig;
  log?: Logger;
  /** The clock; tests may fix it. */
  now?: () => Date;
  /** Host lookup for feed URL checks; tests may replace the system resolver. */
  resolveHost?: ResolveHost;
};

/** A handler of one parsed subcommand. */
export type SubcommandHandler<K extends Command['kind']> = (
  command: Extract<Command, { kind: K }>,
  req: CommandRequest,
  deps: CommandDeps,
) => Promise<CommandReply>;

export const privately = (text: string): CommandReply => ({ visibility: 'private', text });

export function refuseNonAdmin(req: CommandRequest, action: string): CommandReply | null {
  return req.isAdmin
    ? null
    : privately(
        `Only an admin can ${action}. Ask a workspace admin (Slack) or someone with Manage Server (Discord).`,
      );
}
