import type { FanoutWorkerResult, PlatformFanout } from './fanout-worker.ts';
import { fixed, gated, info, type Row } from './report.ts';
import { runChild } from './run-child.ts';

export type FanoutOptions = {
  samplesDir: string;
  channels: number;
  articles: number;
  log: (line: string) => void;
};

export function runFanout(opts: FanoutOptions): Promise<FanoutWorkerResult> {
  return runChild<FanoutWorkerResult>(
    './fanout-worker.ts',
    [opts.samplesDir, String(opts.channels), String(opts.articles)],
    { onLine: (line) => opts.log(`fanout: ${line}`) },
  );
}

const FULL_CHANNELS = 1000;

const describe = (p: PlatformFanout) =>
  `${p.channels} channels, ${p.messages} messages, floor ${fixed(p.floorSeconds, 1)} s, ${p.rateLimited} answered 429, ${p.duplicates} duplicates, ${p.missing} missing; first call at ${fixed(p.firstCallSeconds, 1)} s, calls/s p10 ${p.callsPerSecondP10}, median ${p.callsPerSecondP50}`;

export function fanoutRows(r: FanoutWorkerResult): Row[] {
  const ratio = r.seconds / r.floorSeconds;
  const full = r.channels >= FULL_CHANNELS;
  const label = `${r.channels.toLocaleString('en')} subscriptions due at one minute`;
  const goal = (metric: string, value: string, target: string, pass: boolean) =>
    full
      ? gated('fanout', metric, value, target, pass)
      : info('fanout', `${metric} (quick: ${r.channels} channels)`, value);
  return [
    info('fanout', `${label}: Slack`, describe(r.slack)),
    info('fanout', `${label}: Discord`, describe(r.discord)),
    goal(
      'total time / rate-limit floor',
      `${fixed(ratio)}× (${fixed(r.seconds, 1)} s / ${fixed(r.floorSeconds, 1)} s; ${r.stories} stories in store)`,
      '≤ 1.1',
      ratio <= 1.1,
    ),
    goal(
      'duplicates',
      String(r.slack.duplicates + r.discord.duplicates),
      '0',
      r.slack.duplicates + r.discord.duplicates === 0,
    ),
    goal(
      'missing',
      String(r.slack.missing + r.discord.missing),
      '0',
      r.slack.missing + r.discord.missing === 0,
    ),
  ];
}
