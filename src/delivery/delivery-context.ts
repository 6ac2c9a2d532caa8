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
};
