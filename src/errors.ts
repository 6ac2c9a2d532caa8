/** A bug or an unexpected failure: typed, with the underlying `cause`. */
export class NewsbotError extends Error {
  override readonly name: string = 'NewsbotError';
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Bad input (a page, a feed item, a record, a command): rejected with a reason, never thrown past ingest. */
export class InputError extends NewsbotError {
  override readonly name = 'InputError';
  constructor(
    message: string,
    readonly source: string,
    options?: { cause?: unknown },
  ) {
    super(message, 'bad_input', options);
  }
}

export class ConfigError extends NewsbotError {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`, 'bad_config');
  }
}

export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
