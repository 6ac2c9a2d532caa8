import { privately, type SubcommandHandler } from './command-deps.ts';
import { formatSubscription } from './format-reply.ts';

export const handleSubscriptions: SubcommandHandler<'subscriptions'> = async (_command, req, deps) => {
  const subs = await deps.delivery.listSubscriptions(req.platform, req.channelId);
  if (subs.length === 0)
    return privately(
      'This channel has no subscriptions. An admin can add one: /news subscribe daily 08:00 Europe/Berlin',
    );
  return privately(
    [`This channel’s subscriptions (${subs.length}):`, ...subs.map(formatSubscription)].join('\n'),
  );
};
