import type { Digest } from './types.ts';

/** A channel on some platform; `platform` is the adapter's name, opaque to the core. */
export type ChannelRef = { platform: string; channelId: string };

/** A message the adapter posted, enough to edit it or reply in its thread. */
export type MessageRef = { platform: string; channelId: string; messageId: string };

export type PostResult =
  | { ok: true; ref: MessageRef }
  | { ok: false; reason: string; retryAfterMs?: number; permanent: boolean };

/** A `/news …` command as the core sees it, whatever platform it came from. */
export type CommandRequest = {
  platform: string;
  userId: string;
  channelId: string;
  /** Workspace / guild, when the platform has one. */
  teamId: string | null;
  isAdmin: boolean;
  /** Everything after `/news`, e.g. "search ceasefire talks". */
  text: string;
};

export type CommandReply = {
  /** private: only the caller sees it (ephemeral); public: posted in the channel. */
  visibility: 'private' | 'public';
  text: string;
  digests?: Digest[];
};

export type CommandHandler = (req: CommandRequest) => Promise<CommandReply>;

export type AdapterCapabilities = {
  threads: boolean;
  edits: boolean;
  ephemeral: boolean;
  /** Longest plain text one message may hold. */
  maxChars: number;
  /** Shortest gap between two posts to one channel that the platform tolerates (Slack: ~1 s); unset: no pacing. */
  postIntervalMs?: number;
};

export type PostOptions = {
  /** Post as a reply in the thread of this earlier post. */
  threadOf?: MessageRef;
  /** Replace this earlier post instead of posting a new one. */
  replace?: MessageRef;
  /**
   * A key unique to this delivery, carried with the post so that `findPosted` can find it again after
   * a crash (Slack: message metadata; Discord: the message nonce, enforced).
   */
  deliveryKey?: string;
};

export interface Adapter {
  readonly name: string;
  readonly capabilities: AdapterCapabilities;
  start(onCommand: CommandHandler): Promise<void>;
  postDigest(to: ChannelRef, digest: Digest, options?: PostOptions): Promise<PostResult>;
  updateDigest(ref: MessageRef, digest: Digest): Promise<PostResult>;
  postText(to: ChannelRef, text: string, options?: PostOptions): Promise<PostResult>;
  /**
   * An earlier post made with this `deliveryKey` in this channel (recent messages only), or null when
   * none is found. Optional: without it the delivery core cannot tell whether an interrupted post landed.
   */
  findPosted?(to: ChannelRef, deliveryKey: string): Promise<MessageRef | null>;
  stop(): Promise<void>;
}
