import type { ChannelRef, PostResult } from '../adapter.ts';

/** When a subscription runs: every day at HH:MM, or a 5-field cron expression; both in the subscription's time zone. */
export type Schedule = { kind: 'daily'; time: string /* HH:MM */ } | { kind: 'cron'; expression: string };

export type Subscription = {
  id: string;
  platform: string;
  channelId: string;
  schedule: Schedule;
  /** IANA time zone, e.g. "Europe/Berlin". */
  timeZone: string;
  /** Filter text (see src/commands/filter.ts), null for everything. */
  filter: string | null;
  createdBy: string;
  paused: boolean;
  pausedReason: string | null;
  /** The scheduled instant of the last run (ISO), null before the first. */
  lastRunAt: string | null;
  createdAt: string;
};

export type SubscribeInput = {
  platform: string;
  channelId: string;
  schedule: Schedule;
  timeZone: string;
  filter: string | null;
  createdBy: string;
};

export interface Delivery {
  subscribe(input: SubscribeInput): Promise<Subscription>;
  /** Removes one subscription of the channel (by id) or all of them; returns the removed ones. */
  unsubscribe(platform: string, channelId: string, id?: string): Promise<Subscription[]>;
  listSubscriptions(platform: string, channelId?: string): Promise<Subscription[]>;
  /** Manual: always posts, recorded as manual. */
  repost(storyId: string, to: ChannelRef, requestedBy: string): Promise<PostResult>;
  /** When the channel last got a scheduled digest (ISO), null if never. */
  lastDigestAt(platform: string, channelId: string): Promise<string | null>;
}
