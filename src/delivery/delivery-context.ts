import type { Adapter } from '../adapter.ts';
import type { Logger } from '../log.ts';
import type { Pipeline } from '../pipeline/create-pipeline.ts';
import type { Store } from '../store/store.ts';
import type { SendDeps } from './send-entry.ts';

/** What the delivery parts share. */
export type DeliveryContext = SendDeps & {
  store: Store;
  pipeline: Pick<Pipeline, 'digestOf' | 'digestsOf'>;
  adapterOf(platform: string): Adapter | null;
  log: Logger;
  now: () => Date;
  /** Stories per scheduled digest before "N more". */
  digestLimit: number;
  /**
   * Runs a run's planning (reads and ledger writes only): one at a time, so the first runs post while
   * later ones are still planned, instead of every run in the pool finishing its plan together.
   */
  planInTurn: <T>(plan: () => Promise<T>) => Promise<T>;
};
