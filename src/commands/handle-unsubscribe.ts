import { privately, refuseNonAdmin, type SubcommandHandler } from './command-deps.ts';
import { formatSubscription } from './format-reply.ts';

export const handleUnsubscribe: SubcommandHandler<'unsubscribe'> = async (command, req, deps) => {
  const refusal = refuseNonAdmin(req, 'unsubscribe a channel');
  if (refusal) return refusal;
  const removed = await deps.delivery.unsubscribe(
    req.platform,
    req.channelId,
    command.subscriptionId ?? undefined,
  );
  if (removed.length === 0) {
    return privately(
      command.subscriptionId
        ? `This channel has no subscription "${command.subscriptionId}" (see /news subscriptions).`
        : 'This channel has no subscriptions.',
    );
  }
  return privately(
    [`Removed ${removed.length} subscription(s):`, ...removed.map(formatSubscription)].join('\n'),
  );
};
