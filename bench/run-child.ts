import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Every bench child runs the way the bot does: bundled, with the bot's V8 settings (see bin/). */
const RUNNER = fileURLToPath(new URL('../bin/run-bundled.mjs', import.meta.url));

/**
 * Runs a bench script in its own Node process, so its memory and JIT state are its own. The child
 * prints one JSON line starting with `RESULT ` with its result.
 */
export function runChild<T>(
  script: string,
  args: string[],
  opts: { nodeArgs?: string[]; onLine?: (line: string) => void } = {},
): Promise<T> {
  const file = fileURLToPath(new URL(script, import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), RUNNER, file, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let result: string | null = null;
    let buffered = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('RESULT ')) result = line.slice('RESULT '.length);
        else if (line.trim()) opts.onLine?.(line);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (buffered.startsWith('RESULT ')) result = buffered.slice('RESULT '.length);
      if (code !== 0 || result === null) {
        reject(new Error(`bench child ${script} ${args.join(' ')} failed (exit ${code}): ${stderr.trim()}`));
        return;
      }
      try {
        resolve(JSON.parse(result) as T);
      } catch (err) {
        reject(new Error(`bench child ${script} printed a bad result`, { cause: err }));
      }
    });
  });
}

/** The child side: prints the result line the parent reads. */
export function printResult(value: unknown): void {
  process.stdout.write(`RESULT ${JSON.stringify(value)}\n`);
}

/** Peak resident memory of this process so far, in MB. */
export function readPeakRssMb(): number {
  // maxRSS is in kilobytes.
  return process.resourceUsage().maxRSS / 1024;
}

/** A bench child kept alive between commands: `send` writes one line and waits for its reply line. */
export type InteractiveChild = {
  send<T>(command: string): Promise<T>;
  /** Sends the final command; resolves with the child's RESULT and waits for it to exit. */
  finish<T>(command: string): Promise<T>;
};

/**
 * Starts a bench child that answers each line on stdin with one `REPLY {json}` line (and a final
 * `RESULT {json}`). Used to interleave several tools' passes so that load from elsewhere on the
 * machine falls on all of them alike.
 */
export async function startInteractiveChild(
  script: string,
  args: string[],
  nodeArgs: string[] = [],
): Promise<InteractiveChild> {
  const file = fileURLToPath(new URL(script, import.meta.url));
  const child = spawn(process.execPath, [...nodeArgs, RUNNER, file, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => {
    stderr = (stderr + c).slice(-4000);
  });
  const waiting: { resolve: (line: string) => void; reject: (err: Error) => void }[] = [];
  let buffered = '';
  let exited: Error | null = null;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const m = /^(REPLY|RESULT|READY) ?(.*)$/.exec(line);
      if (m) waiting.shift()?.resolve(m[2] || 'null');
    }
  });
  const exit = new Promise<void>((resolve) => {
    child.on('close', (code) => {
      exited = new Error(`bench child ${script} ${args.join(' ')} exited (${code}): ${stderr.trim()}`);
      for (const w of waiting.splice(0)) w.reject(exited);
      resolve();
    });
  });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      if (exited) reject(exited);
      else waiting.push({ resolve, reject });
    });
  await next(); // READY
  const send = async <T>(command: string): Promise<T> => {
    const reply = next();
    child.stdin.write(`${command}\n`);
    return JSON.parse(await reply) as T;
  };
  return {
    send,
    async finish<T>(command: string) {
      const value = await send<T>(command);
      child.stdin.end();
      await exit;
      return value;
    },
  };
}

/** The child side of `startInteractiveChild`: answers each stdin line with `handle`'s value. */
export async function serveCommands(handle: (command: string) => Promise<unknown>): Promise<void> {
  const { createInterface } = await import('node:readline');
  process.stdout.write('READY\n');
  for await (const line of createInterface({ input: process.stdin })) {
    const command = line.trim();
    if (!command) continue;
    const value = await handle(command);
    process.stdout.write(`${command === 'finish' ? 'RESULT' : 'REPLY'} ${JSON.stringify(value ?? null)}\n`);
    if (command === 'finish') break;
  }
}
