import { privately, refuseNonAdmin, type SubcommandHandler } from './command-deps.ts';

/** The post itself is public and made (and recorded as manual) by delivery; the caller gets a private note. */
export const handleRepost: SubcommandHandler<'repost'> = async (command, req, deps) => {
  const target = command.channel;
  const elsewhere = target !== null && target.channelId !== req.channelId;
  if (elsewhere) {
    const refusal = refuseNonAdmin(req, 'repost into another channel');
    if (refusal) return refusal;
    if (target.byName && req.platform === 'discord')
      return privately(`Name the channel as a mention (type # and pick it), not "#${target.channelId}".`);
  }
  const story = await deps.store.getStory(command.storyId);
  if (!story) return privately(`No story with id "${command.storyId}". Find one with /news search <words>.`);
  const channelId = target?.channelId ?? req.channelId;
  const result = await deps.delivery.repost(
    command.storyId,
    { platform: req.platform, channelId },
    req.userId,
  );
  const where = elsewhere
    ? target.byName
      ? `#${target.channelId}`
      : `channel ${channelId}`
    : 'this channel';
  if (!result.ok) return privately(`Could not repost story ${command.storyId} in ${where}: ${result.reason}`);
  return privately(`Reposted story ${command.storyId} in ${where}.`);
};
