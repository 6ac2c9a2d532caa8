import { privately, type SubcommandHandler } from './command-deps.ts';

export const handleStory: SubcommandHandler<'story'> = async (command, _req, deps) => {
  const digest = await deps.pipeline.digestOf(command.storyId);
  if (!digest) return privately(`No story with id "${command.storyId}". Find one with /news search <words>.`);
  return {
    visibility: 'private',
    text: `Story ${digest.storyId} (version ${digest.version})`,
    digests: [digest],
  };
};
