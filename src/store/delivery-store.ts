import { randomBytes } from 'node:crypto';
import type { Subscription } from '../delivery/delivery.ts';
import { InputError } from '../errors.ts';
import {
  type DeliveriesTable,
  type DeliveryDb,
  type DigestRunsTable,
  type SubscriptionsTable,
  toEntry,
  toRun,
  toSubscription,
} from './delivery-rows.ts';
import { type StoreContext, toStoredTime } from './store-context.ts';

export type DeliveryKind = 'scheduled' | 'manual' | 'update';
/** What one ledger entry posts: a digest run's header, one story's digest, the "N more" line, or an update. */
export type DeliveryPart = 'header' | 'digest' | 'more' | 'update' | 'reply';
export type DeliveryStatus = 'pending' | 'posted' | 'failed';
export type DigestRunStatus = 'pending' | 'done' | 'failed';

export type DigestRun = {
  id: string;
  subscriptionId: string;
  platform: string;
  channelId: string;
  scheduledFor: string;
  /** Stories updated after this instant were candidates (the channel's previous digest). */
  since: string | null;
  status: DigestRunStatus;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
};

export type DeliveryEntry = {
  /** Unique: the same key is posted at most once. */
  key: string;
  runId: string | null;
  platform: string;
  channelId: string;
  storyId: string | null;
  storyVersion: number | null;
  kind: DeliveryKind;
  part: DeliveryPart;
  /** Order within a run. */
  pos: number;
  /** Text to post for header/more/reply parts. */
  body: string | null;
  status: DeliveryStatus;
  /** The posted message, once posted. */
  messageChannelId: string | null;
  messageId: string | null;
  attempts: number;
  error: string | null;
  requestedBy: string | null;
  createdAt: string;
  updatedAt: string;
};

export type NewDeliveryEntry = Pick<
  DeliveryEntry,
  'key' | 'runId' | 'platform' | 'channelId' | 'storyId' | 'storyVersion' | 'kind' | 'part' | 'pos' | 'body'
> & { requestedBy?: string | null };

export type DeliveryPatch = Partial<
  Pick<DeliveryEntry, 'status' | 'messageChannelId' | 'messageId' | 'attempts' | 'error'>
>;

export type SubscriptionPatch = Partial<Pick<Subscription, 'paused' | 'pausedReason' | 'lastRunAt'>>;

/** Subscriptions, digest runs and the delivery ledger (see src/delivery/). */
export interface DeliveryStore {
  /** `createdAt` defaults to the store's clock; runs before it are never due. */
  addSubscription(
    input: Omit<Subscription, 'id' | 'paused' | 'pausedReason' | 'lastRunAt' | 'createdAt'> & {
      createdAt?: string;
    },
  ): Promise<Subscription>;
  getSubscription(id: string): Promise<Subscription | null>;
  /** Oldest first; all platforms when `platform` is unset. */
  listSubscriptions(opts?: { platform?: string; channelId?: string }): Promise<Subscription[]>;
  /** Removes the channel's subscriptions (only `id` when given); returns the removed ones. */
  removeSubscriptions(platform: string, channelId: string, id?: string): Promise<Subscription[]>;
  updateSubscription(id: string, patch: SubscriptionPatch): Promise<void>;

  /** Records the run of `subscriptionId` for `scheduledFor` once; `created` false when it already existed. */
  claimDigestRun(input: {
    subscriptionId: string;
    platform: string;
    channelId: string;
    scheduledFor: string;
    since: string | null;
  }): Promise<{ run: DigestRun; created: boolean }>;
  finishDigestRun(id: string, status: DigestRunStatus, error?: string | null): Promise<void>;
  listDigestRuns(opts?: { status?: DigestRunStatus; subscriptionId?: string }): Promise<DigestRun[]>;
  /** The scheduled instant of the channel's latest finished digest run. */
  lastDigestAt(platform: string, channelId: string): Promise<string | null>;

  /** Adds the entries not yet in the ledger (by key) as pending; returns all of them as stored now. */
  recordDeliveries(entries: NewDeliveryEntry[]): Promise<DeliveryEntry[]>;
  updateDelivery(key: string, patch: DeliveryPatch): Promise<void>;
  getDelivery(key: string): Promise<DeliveryEntry | null>;
  /** Ordered by run, then position, then creation. */
  listDeliveries(opts?: {
    status?: DeliveryStatus;
    runId?: string;
    storyId?: string;
    /** Entries of any of these stories (at most a few hundred). */
    storyIds?: string[];
    platform?: string;
    channelId?: string;
    part?: DeliveryPart;
  }): Promise<DeliveryEntry[]>;
}

const chunkSize = 200;

function requireText(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new InputError(`${what}: must be non-empty text`, what);
  return value;
}

export function createDeliveryMethods(ctx: StoreContext): DeliveryStore {
  const db = ctx.db as unknown as DeliveryDb;
  const write = <T>(fn: (db: DeliveryDb) => Promise<T>) =>
    ctx.write((trx) => fn(trx as unknown as DeliveryDb));

  async function selectEntries(keys: string[]): Promise<DeliveryEntry[]> {
    const out: DeliveryEntry[] = [];
    for (let i = 0; i < keys.length; i += chunkSize) {
      const rows = await db
        .selectFrom('deliveries')
        .selectAll()
        .where('key', 'in', keys.slice(i, i + chunkSize))
        .execute();
      out.push(...rows.map(toEntry));
    }
    const byKey = new Map(out.map((e) => [e.key, e]));
    return keys.map((k) => byKey.get(k)).filter((e): e is DeliveryEntry => Boolean(e));
  }

  return {
    async addSubscription(input) {
      const value = input.schedule.kind === 'daily' ? input.schedule.time : input.schedule.expression;
      const row: SubscriptionsTable = {
        id: randomBytes(4).toString('hex'),
        platform: requireText(input.platform, 'platform'),
        channel_id: requireText(input.channelId, 'channelId'),
        schedule_kind: input.schedule.kind,
        schedule: requireText(value, 'schedule'),
        time_zone: requireText(input.timeZone, 'timeZone'),
        filter: input.filter,
        created_by: input.createdBy,
        paused: 0,
        paused_reason: null,
        last_run_at: null,
        created_at: input.createdAt ? toStoredTime(input.createdAt, 'createdAt') : ctx.now(),
      };
      await write((trx) => trx.insertInto('subscriptions').values(row).execute());
      return toSubscription(row);
    },

    async getSubscription(id) {
      const row = await db.selectFrom('subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toSubscription(row) : null;
    },

    async listSubscriptions(opts = {}) {
      let q = db.selectFrom('subscriptions').selectAll();
      if (opts.platform !== undefined) q = q.where('platform', '=', opts.platform);
      if (opts.channelId !== undefined) q = q.where('channel_id', '=', opts.channelId);
      const rows = await q.orderBy('created_at').orderBy('id').execute();
      return rows.map(toSubscription);
    },

    removeSubscriptions(platform, channelId, id) {
      return write(async (trx) => {
        let q = trx
          .selectFrom('subscriptions')
          .selectAll()
          .where('platform', '=', platform)
          .where('channel_id', '=', channelId);
        if (id !== undefined) q = q.where('id', '=', id);
        const rows = await q.orderBy('created_at').execute();
        if (rows.length > 0)
          await trx
            .deleteFrom('subscriptions')
            .where(
              'id',
              'in',
              rows.map((r) => r.id),
            )
            .execute();
        return rows.map(toSubscription);
      });
    },

    async updateSubscription(id, patch) {
      const values: Partial<SubscriptionsTable> = {};
      if (patch.paused !== undefined) values.paused = patch.paused ? 1 : 0;
      if (patch.pausedReason !== undefined) values.paused_reason = patch.pausedReason;
      if (patch.lastRunAt !== undefined)
        values.last_run_at = patch.lastRunAt === null ? null : toStoredTime(patch.lastRunAt, 'lastRunAt');
      if (Object.keys(values).length === 0) return;
      await write((trx) => trx.updateTable('subscriptions').set(values).where('id', '=', id).execute());
    },

    claimDigestRun(input) {
      const scheduledFor = toStoredTime(input.scheduledFor, 'scheduledFor');
      return write(async (trx) => {
        const existing = await trx
          .selectFrom('digest_runs')
          .selectAll()
          .where('subscription_id', '=', input.subscriptionId)
          .where('scheduled_for', '=', scheduledFor)
          .executeTakeFirst();
        if (existing) return { run: toRun(existing), created: false };
        const row: DigestRunsTable = {
          id: randomBytes(8).toString('hex'),
          subscription_id: input.subscriptionId,
          platform: input.platform,
          channel_id: input.channelId,
          scheduled_for: scheduledFor,
          since: input.since === null ? null : toStoredTime(input.since, 'since'),
          status: 'pending',
          error: null,
          created_at: ctx.now(),
          finished_at: null,
        };
        await trx.insertInto('digest_runs').values(row).execute();
        return { run: toRun(row), created: true };
      });
    },

    async finishDigestRun(id, status, error = null) {
      await write((trx) =>
        trx
          .updateTable('digest_runs')
          .set({ status, error, finished_at: status === 'pending' ? null : ctx.now() })
          .where('id', '=', id)
          .execute(),
      );
    },

    async listDigestRuns(opts = {}) {
      let q = db.selectFrom('digest_runs').selectAll();
      if (opts.status !== undefined) q = q.where('status', '=', opts.status);
      if (opts.subscriptionId !== undefined) q = q.where('subscription_id', '=', opts.subscriptionId);
      const rows = await q.orderBy('scheduled_for').orderBy('id').execute();
      return rows.map(toRun);
    },

    async lastDigestAt(platform, channelId) {
      const row = await db
        .selectFrom('digest_runs')
        .select('scheduled_for')
        .where('platform', '=', platform)
        .where('channel_id', '=', channelId)
        .where('status', '=', 'done')
        .orderBy('scheduled_for', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.scheduled_for ?? null;
    },

    async recordDeliveries(entries) {
      if (entries.length === 0) return [];
      const now = ctx.now();
      const rows: DeliveriesTable[] = entries.map((e) => ({
        key: requireText(e.key, 'delivery key'),
        run_id: e.runId,
        platform: e.platform,
        channel_id: e.channelId,
        story_id: e.storyId,
        story_version: e.storyVersion,
        kind: e.kind,
        part: e.part,
        pos: e.pos,
        body: e.body,
        status: 'pending',
        message_channel_id: null,
        message_id: null,
        attempts: 0,
        error: null,
        requested_by: e.requestedBy ?? null,
        created_at: now,
        updated_at: now,
      }));
      await write(async (trx) => {
        for (let i = 0; i < rows.length; i += chunkSize)
          await trx
            .insertInto('deliveries')
            .values(rows.slice(i, i + chunkSize))
            .onConflict((oc) => oc.column('key').doNothing())
            .execute();
      });
      return selectEntries(rows.map((r) => r.key));
    },

    async updateDelivery(key, patch) {
      const values: Partial<DeliveriesTable> = { updated_at: ctx.now() };
      if (patch.status !== undefined) values.status = patch.status;
      if (patch.messageChannelId !== undefined) values.message_channel_id = patch.messageChannelId;
      if (patch.messageId !== undefined) values.message_id = patch.messageId;
      if (patch.attempts !== undefined) values.attempts = patch.attempts;
      if (patch.error !== undefined) values.error = patch.error;
      await write((trx) => trx.updateTable('deliveries').set(values).where('key', '=', key).execute());
    },

    async getDelivery(key) {
      const [entry] = await selectEntries([key]);
      return entry ?? null;
    },

    async listDeliveries(opts = {}) {
      let q = db.selectFrom('deliveries').selectAll();
      if (opts.status !== undefined) q = q.where('status', '=', opts.status);
      if (opts.runId !== undefined) q = q.where('run_id', '=', opts.runId);
      if (opts.storyId !== undefined) q = q.where('story_id', '=', opts.storyId);
      if (opts.storyIds !== undefined) {
        if (opts.storyIds.length === 0) return [];
        q = q.where('story_id', 'in', opts.storyIds);
      }
      if (opts.platform !== undefined) q = q.where('platform', '=', opts.platform);
      if (opts.channelId !== undefined) q = q.where('channel_id', '=', opts.channelId);
      if (opts.part !== undefined) q = q.where('part', '=', opts.part);
      const rows = await q.orderBy('run_id').orderBy('pos').orderBy('created_at').orderBy('key').execute();
      return rows.map(toEntry);
    },
  };
}
