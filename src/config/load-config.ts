import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { ConfigError } from '../errors.ts';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const csv = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
const optional = z
  .string()
  .transform((v) => (v.trim() === '' ? undefined : v.trim()))
  .optional();
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const configShape = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default('data'),
  DATABASE_URL: optional.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(0, 65535).default(3000),
  INGEST_TOKEN: optional.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  INGEST_PATHS: csv.default(['samples']),
  MAX_BODY_BYTES: int(1024, 1024 ** 3).default(5 * 1024 * 1024),
  FETCH_TIMEOUT_MS: int(100, 600_000).default(15_000),
  FETCH_MAX_REDIRECTS: int(0, 20).default(5),
  ALLOW_PRIVATE_ADDRESSES: bool.default(false),
  FEED_INTERVAL_SEC: int(30, 7 * 24 * 3600).default(900),
  FEEDS: csv.default([]),
  DIGEST_TIMEZONE: z
    .string()
    .default('UTC')
    .refine((tz) => isTimeZone(tz), 'not an IANA time zone'),
  SLACK_BOT_TOKEN: optional.pipe(z.string().startsWith('xoxb-', 'must start with xoxb-').optional()),
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional.pipe(z.string().startsWith('xapp-', 'must start with xapp-').optional()),
  SLACK_SOCKET_MODE: bool.default(false),
  SLACK_PORT: int(0, 65535).default(3001),
  SLACK_ADMIN_USER_IDS: csv.default([]),
  SLACK_API_URL: optional.pipe(z.url().optional()),
  DISCORD_TOKEN: optional,
  DISCORD_APPLICATION_ID: optional.pipe(z.string().regex(/^\d+$/, 'must be a numeric id').optional()),
  DISCORD_GUILD_ID: optional.pipe(z.string().regex(/^\d+$/, 'must be a numeric id').optional()),
  DISCORD_API_URL: optional.pipe(z.url().optional()),
});

export const configSchema = configShape;

/** Rules across keys, checked on the raw values so they are reported together with the rest. */
function crossKeyProblems(raw: Record<string, string | undefined>): string[] {
  const set = (k: string) => Boolean(raw[k]?.trim());
  const socket = ['true', '1', 'yes'].includes(raw.SLACK_SOCKET_MODE ?? '');
  const problems: string[] = [];
  if (set('SLACK_BOT_TOKEN') && !socket && !set('SLACK_SIGNING_SECRET'))
    problems.push('SLACK_SIGNING_SECRET: required in HTTP mode when SLACK_BOT_TOKEN is set');
  if (set('SLACK_BOT_TOKEN') && socket && !set('SLACK_APP_TOKEN'))
    problems.push('SLACK_APP_TOKEN: required when SLACK_SOCKET_MODE is true');
  if (set('DISCORD_TOKEN') && !set('DISCORD_APPLICATION_ID'))
    problems.push('DISCORD_APPLICATION_ID: required when DISCORD_TOKEN is set');
  return problems;
}

export type Config = z.infer<typeof configSchema>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Reads `.env` (when reading the real environment), then the environment itself, which wins. */
function readEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  return parseEnv(readFileSync(path, 'utf8')) as Record<string, string>;
}

/**
 * The whole configuration, validated once. Throws a `ConfigError` naming every bad key and why.
 * Only the keys of the schema are read; unknown environment variables are ignored.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  options: { envFile?: string | null } = {},
): Config {
  const envFile = options.envFile === undefined ? (env === process.env ? '.env' : null) : options.envFile;
  const merged: Record<string, string | undefined> = { ...(envFile ? readEnvFile(envFile) : {}) };
  for (const key of Object.keys(configShape.shape)) if (env[key] !== undefined) merged[key] = env[key];
  const result = configSchema.safeParse(merged);
  const problems = [
    ...(result.success
      ? []
      : result.error.issues.map((i) => `${i.path.join('.') || '(config)'}: ${i.message}`)),
    ...crossKeyProblems(merged),
  ];
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return result.data;
}
