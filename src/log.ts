import { pino } from 'pino';

export type Logger = pino.Logger;

/** Structured logs on stderr, so stdout stays free for digests and JSON exports. */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: undefined }, pino.destination({ fd: 2, sync: true }));
}

export const silentLogger: Logger = pino({ level: 'silent' });
