import { type Row, unavailable } from './report.ts';

export type FanoutResult = { available: false; reason: string };

export async function runFanout(_opts: {
  channels: number;
  log: (line: string) => void;
}): Promise<FanoutResult> {
  return { available: false, reason: 'not available yet' };
}

export function fanoutRows(r: FanoutResult): Row[] {
  return [unavailable('fanout', '1,000 subscriptions due at one minute', r.reason)];
}
