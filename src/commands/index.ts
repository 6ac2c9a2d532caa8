export type { CommandConfig, CommandDeps } from './command-deps.ts';
export { createCommandHandler } from './create-command-handler.ts';
export {
  explainFilter,
  type Filter,
  type FilterField,
  formatFilter,
  matchesFilter,
  normalizeFilterText,
  type ParseFilterResult,
  parseFilter,
} from './filter.ts';
export { startOfLocalDay } from './local-day.ts';
export {
  type ChannelTarget,
  COMMAND_HELP,
  type Command,
  checkCronExpression,
  type ParseCommandResult,
  parseChannel,
  parseClockTime,
  parseCommand,
  parseTimeZone,
} from './parse-command.ts';
