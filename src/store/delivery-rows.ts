/** The delivery tables as stored, and their rows as the Store returns them. */
import type { Kysely } from 'kysely';
import type { Schedule, Subscription } from '../delivery/delivery.ts';
import { NewsbotError } from '../errors.ts';
import type {
  DeliveryEntry,
  DeliveryKind,
  DeliveryPart,
  DeliveryStatus,
  DigestRun,
  DigestRunStatus,
} from './delivery-store.ts';
import type { Database } from './schema.ts';

export type SubscriptionsTable = {
  id: string;
  platform: string;
  channel_id: string;
  schedule_kind: string;
  schedule: string;
  time_zone: string;
  filter: string | null;
  created_by: string;
  paused: number;
  paused_reason: string | null;
  last_run_at: string | null;
  created_at: string;
};

export type DigestRunsTable = {
  id: string;
  subscription_id: string;
  platform: string;
  channel_id: string;
  scheduled_for: string;
  since: string | null;
  status: string;
  error: string | null;
  created_at: string;
  finished_at: string | null;
};

export type DeliveriesTable = {
  key: string;
  run_id: string | null;
  platform: string;
  channel_id: string;
  story_id: string | null;
  story_version: number | null;
  kind: string;
  part: string;
  pos: number;
  body: string | null;
  status: string;
  message_channel_id: string | null;
  message_id: string | null;
  attempts: number;
  error: string | null;
  requested_by: string | null;
  created_at: string;
  updated_at: string;
};

export type DeliveryDatabase = Database & {
  subscriptions: SubscriptionsTable;
  digest_runs: DigestRunsTable;
  deliveries: DeliveriesTable;
};
export type DeliveryDb = Kysely<DeliveryDatabase>;

export function toSchedule(kind: string, value: string, id: string): Schedule {
  if (kind === 'daily') return { kind, time: value };
  if (kind === 'cron') return { kind, expression: value };
  throw new NewsbotError(`subscription ${id}: unknown schedule kind "${kind}"`, 'bad_row');
}

export function toSubscription(row: SubscriptionsTable): Subscription {
  return {
    id: row.id,
    platform: row.platform,
    channelId: row.channel_id,
    schedule: toSchedule(row.schedule_kind, row.schedule, row.id),
    timeZone: row.time_zone,
    filter: row.filter,
    createdBy: row.created_by,
    paused: Boolean(Number(row.paused)),
    pausedReason: row.paused_reason,
    lastRunAt: row.last_run_at,
    createdAt: row.created_at,
  };
}

export function toRun(row: DigestRunsTable): DigestRun {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    platform: row.platform,
    channelId: row.channel_id,
    scheduledFor: row.scheduled_for,
    since: row.since,
    status: row.status as DigestRunStatus,
    error: row.error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

export function toEntry(row: DeliveriesTable): DeliveryEntry {
  return {
    key: row.key,
    runId: row.run_id,
    platform: row.platform,
    channelId: row.channel_id,
    storyId: row.story_id,
    storyVersion: row.story_version == null ? null : Number(row.story_version),
    kind: row.kind as DeliveryKind,
    part: row.part as DeliveryPart,
    pos: Number(row.pos),
    body: row.body,
    status: row.status as DeliveryStatus,
    messageChannelId: row.message_channel_id,
    messageId: row.message_id,
    attempts: Number(row.attempts),
    error: row.error,
    requestedBy: row.requested_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
