import type {
  ChatInputCommandInteraction,
  CommandInteractionOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { ApplicationCommandOptionType, SlashCommandBuilder } from 'discord.js';

export const newsCommandName = 'news';

type Subcommand = {
  name: string;
  description: string;
  /** Its one string option, joined after the subcommand name into the core's text command. */
  option?: { name: string; description: string; required: boolean };
};

/** `/news <subcommand> [option]` — each maps to the text command "<subcommand> <option>". */
export const newsSubcommands: Subcommand[] = [
  { name: 'help', description: 'What the bot can do' },
  { name: 'today', description: "Today's stories" },
  {
    name: 'search',
    description: 'Find stories',
    option: { name: 'query', description: 'Words to look for', required: true },
  },
  {
    name: 'story',
    description: 'One story in full',
    option: { name: 'id', description: 'Story id', required: true },
  },
  {
    name: 'repost',
    description: 'Post a story in this channel again',
    option: { name: 'id', description: 'Story id', required: true },
  },
  {
    name: 'why',
    description: 'Why a story was grouped and ranked as it was',
    option: { name: 'id', description: 'Story id', required: true },
  },
  {
    name: 'subscribe',
    description: 'Subscribe this channel',
    option: { name: 'args', description: 'Topic or schedule', required: false },
  },
  {
    name: 'unsubscribe',
    description: 'Unsubscribe this channel',
    option: { name: 'args', description: 'Subscription to remove', required: false },
  },
  { name: 'subscriptions', description: "This channel's subscriptions" },
  {
    name: 'sources',
    description: 'Sources and feeds (admins change them)',
    option: { name: 'args', description: 'e.g. "add https://…" or "remove ID"', required: false },
  },
  {
    name: 'feeds',
    description: 'Feeds (admins change them)',
    option: { name: 'args', description: 'e.g. "list", "add https://…", "remove ID"', required: false },
  },
];

/** The `/news` command as Discord's bulk-overwrite endpoint takes it. */
export function buildNewsCommand(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const builder = new SlashCommandBuilder()
    .setName(newsCommandName)
    .setDescription('News digests: stories, search, subscriptions');
  for (const sub of newsSubcommands) {
    builder.addSubcommand((s) => {
      s.setName(sub.name).setDescription(sub.description);
      const opt = sub.option;
      if (opt)
        s.addStringOption((o) =>
          o.setName(opt.name).setDescription(opt.description).setRequired(opt.required).setMaxLength(500),
        );
      return s;
    });
  }
  return builder.toJSON();
}

function optionValues(options: readonly CommandInteractionOption[]): string[] {
  const out: string[] = [];
  for (const o of options) {
    const group =
      o.type === ApplicationCommandOptionType.Subcommand ||
      o.type === ApplicationCommandOptionType.SubcommandGroup;
    if (group) out.push(o.name, ...optionValues(o.options ?? []));
    else if (o.value !== undefined && o.value !== null) out.push(String(o.value).trim());
  }
  return out;
}

/**
 * The interaction as the core's text command: subcommand (group) names and option values in
 * order, e.g. `/news search query:harbour bridge` → "search harbour bridge".
 */
export function readCommandText(interaction: ChatInputCommandInteraction): string {
  return optionValues(interaction.options.data)
    .filter((v) => v !== '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
