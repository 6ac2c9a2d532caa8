import { privately, type SubcommandHandler } from './command-deps.ts';
import { formatStoryLine } from './format-reply.ts';

export const SEARCH_RESULTS = 10;

export const handleSearch: SubcommandHandler<'search'> = async (command, _req, deps) => {
  const hits = await deps.store.searchStories(command.query, { limit: SEARCH_RESULTS + 1 });
  if (hits.length === 0) return privately(`No stories found for “${command.query}”.`);
  const shown = hits.slice(0, SEARCH_RESULTS);
  const lines = [
    `Stories for “${command.query}”, newest and best-sourced first:`,
    ...shown.map((h) => formatStoryLine(h, deps.config.defaultTimeZone)),
  ];
  if (hits.length > SEARCH_RESULTS) lines.push('More match: add words to narrow the search.');
  lines.push('Full story: /news story <id>');
  return privately(lines.join('\n'));
};
