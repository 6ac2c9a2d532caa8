export {
  createDiscordAdapter,
  type DiscordAdapterConfig,
  type DiscordLog,
} from './create-discord-adapter.ts';
export { mapDiscordError } from './map-discord-error.ts';
export { buildNewsCommand, newsSubcommands, readCommandText } from './news-command.ts';
export { embedLimits, packEmbeds, renderDigestEmbeds } from './render-embeds.ts';
