import type { CommandReply, CommandRequest } from '../adapter.ts';
import type { Pipeline } from '../pipeline/create-pipeline.ts';
import type { Store } from '../store/store.ts';

export const HELP = [
  '/news help — this text',
  '/news today — the latest stories',
  '/news story <id> — one full digest',
].join('\n');

/** The platform-neutral `/news` handler; lookups answer privately. */
export function createCommandHandler(deps: { store: Store; pipeline: Pipeline }) {
  return async function handleCommand(req: CommandRequest): Promise<CommandReply> {
    const [sub = 'help', ...rest] = req.text.trim().split(/\s+/).filter(Boolean);
    switch (sub.toLowerCase()) {
      case 'help':
        return { visibility: 'private', text: HELP };
      case 'today': {
        const stories = await deps.store.listStories({ limit: 5 });
        if (stories.length === 0) return { visibility: 'private', text: 'No stories yet.' };
        const digests = await deps.pipeline.digestsOf(stories);
        return { visibility: 'private', text: `${digests.length} latest stories`, digests };
      }
      case 'story': {
        const id = rest[0];
        if (!id) return { visibility: 'private', text: 'Usage: /news story <id>' };
        const digest = await deps.pipeline.digestOf(id);
        return digest
          ? { visibility: 'private', text: digest.headline, digests: [digest] }
          : { visibility: 'private', text: `No story with id "${id}".` };
      }
      default:
        return { visibility: 'private', text: `Unknown command "${sub}".\n${HELP}` };
    }
  };
}
