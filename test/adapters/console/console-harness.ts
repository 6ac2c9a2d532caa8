import { EventEmitter } from 'node:events';
import { PassThrough, Writable } from 'node:stream';
import { createConsoleAdapter } from '../../../adapters/console/index.ts';
import type { AdapterHarness, RecordedPost } from '../contract.ts';

export type PrintedBlock = { header: string[]; body: string };

/** Splits console output into the blocks the adapter printed (each headed `── a · b ──`). */
export function parseConsoleOutput(output: string): PrintedBlock[] {
  const blocks: PrintedBlock[] = [];
  for (const line of output.split('\n')) {
    const head = line.match(/^── (.+) ──$/);
    if (head) blocks.push({ header: head[1]!.split(' · '), body: '' });
    else if (blocks.length > 0) {
      const last = blocks[blocks.length - 1]!;
      last.body = last.body ? `${last.body}\n${line}` : line;
    }
  }
  return blocks.map((b) => ({ ...b, body: b.body.trim() }));
}

export type ConsoleHarness = AdapterHarness & {
  output(): string;
  input: PassThrough;
  /** Resolves once the printed output satisfies `done`. */
  waitForOutput(done: (output: string) => boolean): Promise<void>;
};

export async function createConsoleHarness(): Promise<ConsoleHarness> {
  const input = new PassThrough();
  const written = new EventEmitter();
  let text = '';
  const output = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      written.emit('write');
      done();
    },
  });
  const adapter = createConsoleAdapter({ input, output, color: false });
  const replyCount = () => parseConsoleOutput(text).filter((b) => b.header[0] === 'reply').length;
  const waitForOutput = (done: (output: string) => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!done(text)) return;
        written.off('write', check);
        resolve();
      };
      written.on('write', check);
      check();
    });

  return {
    adapter,
    input,
    output: () => text,
    waitForOutput,
    channel: { platform: 'console', channelId: 'console' },
    missingChannel: null,
    fixedUser: { userId: 'console', isAdmin: true },
    async posts() {
      const byId = new Map<string, RecordedPost>();
      for (const b of parseConsoleOutput(text)) {
        const [channel, id, flag] = b.header;
        if (!channel?.startsWith('#') || !id) continue;
        const edited = flag === 'updated';
        byId.set(id, {
          channelId: channel.slice(1),
          text: b.body,
          threadOf: null,
          edited: edited || (byId.get(id)?.edited ?? false),
          mentions: [],
        });
      }
      return [...byId.values()];
    },
    async sendCommand(command) {
      const before = replyCount();
      const replied = waitForOutput(() => replyCount() > before);
      input.write(`/news ${command}\n`);
      await replied;
      const reply = parseConsoleOutput(text).filter((b) => b.header[0] === 'reply')[before]!;
      return { visibility: reply.header[1] === 'only you' ? 'private' : 'public', text: reply.body };
    },
    async close() {
      input.end();
    },
  };
}
