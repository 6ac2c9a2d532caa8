import { createInterface, type Interface } from 'node:readline';
import type {
  Adapter,
  AdapterCapabilities,
  ChannelRef,
  CommandHandler,
  CommandReply,
  MessageRef,
  PostOptions,
  PostResult,
} from '../../src/adapter.ts';
import { NewsbotError } from '../../src/errors.ts';
import type { Logger } from '../../src/log.ts';
import type { Digest } from '../../src/types.ts';
import {
  createStyler,
  renderDigestText,
  sanitizeTerminalLines,
  sanitizeTerminalText,
} from './render-digest-text.ts';

export type ConsoleAdapterConfig = {
  /** Where `/news …` lines are read from; default process.stdin. */
  input?: NodeJS.ReadableStream;
  /** Where digests and replies are printed; default process.stdout. */
  output?: NodeJS.WritableStream;
  /** Colour; default: only when output is a TTY and NO_COLOR is unset. */
  color?: boolean;
  /** Who commands come from; default 'console'. The console user is always an admin. */
  userId?: string;
  log?: Logger;
};

const PLATFORM = 'console';
export const CONSOLE_CHANNEL = 'console';
const FAILED_COMMAND_TEXT = 'Sorry, that command failed. The error was logged.';

function isTty(stream: NodeJS.WritableStream): boolean {
  return Boolean((stream as { isTTY?: boolean }).isTTY);
}

/**
 * The console adapter: digests printed as text blocks headed `── #channel · id ──` (edits reprinted
 * with `· updated`), and `/news …` lines typed on the input handled like slash commands.
 */
export function createConsoleAdapter(config: ConsoleAdapterConfig = {}): Adapter {
  const output = config.output ?? process.stdout;
  const input = config.input ?? process.stdin;
  const color = config.color ?? (isTty(output) && !process.env.NO_COLOR);
  const style = createStyler(color);
  const userId = config.userId ?? 'console';
  const printed = new Map<string, string>();
  /** Delivery key → what was printed with it (this process only). */
  const delivered = new Map<string, MessageRef>();
  let counter = 0;
  let rl: Interface | null = null;
  let queue: Promise<void> = Promise.resolve();

  const header = (parts: string[]) => style('dim', `── ${parts.join(' · ')} ──`);
  const write = (block: string) => output.write(`${block}\n\n`);

  function print(channelId: string, body: string, replace?: MessageRef): PostResult {
    if (replace && !printed.has(replace.messageId))
      return {
        ok: false,
        reason: `message_not_found: ${replace.messageId} was not printed here`,
        permanent: true,
      };
    const messageId = replace?.messageId ?? `console-${++counter}`;
    const channel = replace ? printed.get(messageId)! : sanitizeTerminalText(channelId) || CONSOLE_CHANNEL;
    printed.set(messageId, channel);
    write(`${header([`#${channel}`, messageId, ...(replace ? ['updated'] : [])])}\n${body}`);
    return { ok: true, ref: { platform: PLATFORM, channelId: channel, messageId } };
  }

  function remember(options: PostOptions | undefined, result: PostResult): PostResult {
    if (result.ok && options?.deliveryKey) delivered.set(options.deliveryKey, result.ref);
    return result;
  }

  function printReply(reply: CommandReply): void {
    const where = reply.visibility === 'public' ? `#${CONSOLE_CHANNEL}` : 'only you';
    const parts = [sanitizeTerminalLines(reply.text) || '(no answer)'];
    for (const d of reply.digests ?? []) parts.push(renderDigestText(d, style));
    write(`${header(['reply', where])}\n${parts.join('\n\n')}`);
  }

  async function handleLine(line: string, onCommand: CommandHandler): Promise<void> {
    const trimmed = line.trim();
    if (!trimmed) return;
    const match = trimmed.match(/^\/news(?:\s+([\s\S]*))?$/);
    if (!match) {
      printReply({ visibility: 'private', text: 'Type /news followed by a command, e.g. /news help' });
      return;
    }
    const req = {
      platform: PLATFORM,
      userId,
      channelId: CONSOLE_CHANNEL,
      teamId: null,
      isAdmin: true,
      text: match[1]?.trim() ?? '',
    };
    let reply: CommandReply;
    try {
      reply = await onCommand(req);
    } catch (err) {
      config.log?.error(
        {
          adapter: PLATFORM,
          err: new NewsbotError('command handler failed', 'command_failed', { cause: err }),
        },
        'command failed',
      );
      reply = { visibility: 'private', text: FAILED_COMMAND_TEXT };
    }
    printReply(reply);
  }

  const capabilities: AdapterCapabilities = {
    threads: false,
    edits: true,
    ephemeral: false,
    maxChars: 100_000,
  };

  return {
    name: PLATFORM,
    capabilities,
    async start(onCommand) {
      rl = createInterface({ input, terminal: false });
      rl.on('line', (line) => {
        queue = queue.then(() => handleLine(line, onCommand));
      });
    },
    async postDigest(to: ChannelRef, digest: Digest, options?: PostOptions) {
      return remember(options, print(to.channelId, renderDigestText(digest, style), options?.replace));
    },
    async updateDigest(ref: MessageRef, digest: Digest) {
      return print(ref.channelId, renderDigestText(digest, style), ref);
    },
    async postText(to, text, options) {
      return remember(options, print(to.channelId, sanitizeTerminalLines(text), options?.replace));
    },
    async findPosted(to, deliveryKey) {
      const ref = delivered.get(deliveryKey);
      return ref && ref.channelId === (sanitizeTerminalText(to.channelId) || CONSOLE_CHANNEL) ? ref : null;
    },
    async stop() {
      rl?.close();
      rl = null;
      await queue;
    },
  };
}
