import { privately, refuseNonAdmin, type SubcommandHandler } from './command-deps.ts';
import { describeSchedule } from './format-reply.ts';

export const handleSubscribe: SubcommandHandler<'subscribe'> = async (command, req, deps) => {
  const refusal = refuseNonAdmin(req, 'subscribe a channel');
  if (refusal) return refusal;
  const timeZone = command.timeZone ?? deps.config.defaultTimeZone;
  const sub = await deps.delivery.subscribe({
    platform: req.platform,
    channelId: req.channelId,
    schedule: command.schedule,
    timeZone,
    filter: command.filter?.text ?? null,
    createdBy: req.userId,
  });
  const filter = sub.filter ? `, stories matching ${sub.filter}` : ', every story';
  return privately(
    `Subscribed this channel: ${describeSchedule(sub.schedule, sub.timeZone)}${filter} (subscription ${sub.id}; stop it with /news unsubscribe ${sub.id}).`,
  );
};
