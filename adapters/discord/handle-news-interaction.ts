import type { APIEmbed, ChatInputCommandInteraction, MessageCreateOptions } from 'discord.js';
import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import type { CommandHandler, CommandReply, CommandRequest } from '../../src/adapter.ts';
import { neutraliseMentions, splitText } from './escape-discord-text.ts';
import { readCommandText } from './news-command.ts';
import { packEmbeds, renderDigestEmbeds } from './render-embeds.ts';

export type DiscordLog = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

const noMentions: MessageCreateOptions['allowedMentions'] = { parse: [] };
const messageMax = 2000;
const failedReply: CommandReply = {
  visibility: 'private',
  text: 'Sorry, that command failed on our side. Please try again in a moment.',
};
const postedPubliclyNote = 'Posted in the channel.';

type Outcome = { ok: true; reply: CommandReply } | { ok: false; error: unknown };

function settle(p: Promise<CommandReply>): Promise<Outcome> {
  return p.then(
    (reply) => ({ ok: true, reply }),
    (error: unknown) => ({ ok: false, error }),
  );
}

function waitAtMost<T>(p: Promise<T>, ms: number): Promise<T | null> {
  if (ms <= 0) return Promise.resolve(null);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export function toCommandRequest(interaction: ChatInputCommandInteraction): CommandRequest {
  return {
    platform: 'discord',
    userId: interaction.user.id,
    channelId: interaction.channelId ?? '',
    teamId: interaction.guildId ?? null,
    isAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    text: readCommandText(interaction),
  };
}

/**
 * Runs one `/news` interaction: the handler gets a head start of `deferAfterMs` (well inside
 * Discord's 3 s) so the deferral can already be private or public as the reply wants; a slower
 * handler is deferred privately, and a public answer then goes out as a public follow-up.
 */
export async function handleNewsInteraction(
  interaction: ChatInputCommandInteraction,
  onCommand: CommandHandler,
  opts: { deferAfterMs: number; log: DiscordLog },
): Promise<void> {
  const req = toCommandRequest(interaction);
  const answer = settle(Promise.resolve().then(() => onCommand(req)));
  const early = await waitAtMost(answer, opts.deferAfterMs);
  const deferredPublic = early?.ok === true && early.reply.visibility === 'public';
  try {
    await interaction.deferReply(deferredPublic ? {} : { flags: MessageFlags.Ephemeral });
  } catch (err) {
    opts.log.warn({ err, interaction: interaction.id }, 'discord: could not defer the /news interaction');
    return;
  }
  const outcome = early ?? (await answer);
  if (!outcome.ok)
    opts.log.error({ err: outcome.error, text: req.text, user: req.userId }, 'discord: /news handler failed');
  const reply = outcome.ok ? outcome.reply : failedReply;
  try {
    await sendReply(interaction, reply, deferredPublic);
  } catch (err) {
    opts.log.warn({ err, interaction: interaction.id }, 'discord: could not answer the /news interaction');
  }
}

async function sendReply(
  interaction: ChatInputCommandInteraction,
  reply: CommandReply,
  deferredPublic: boolean,
): Promise<void> {
  const texts = splitText(neutraliseMentions(reply.text), messageMax);
  const batches = packEmbeds((reply.digests ?? []).flatMap(renderDigestEmbeds));
  if (texts.length === 0 && batches.length === 0) texts.push('Done.');
  // Messages in order: the text (in pieces when long), the last piece carrying the first embeds.
  const messages: { content?: string; embeds: APIEmbed[] }[] = texts.map((content) => ({
    content,
    embeds: [],
  }));
  const [firstEmbeds, ...moreEmbeds] = batches;
  if (firstEmbeds) {
    const last = messages.at(-1);
    if (last) last.embeds = firstEmbeds;
    else messages.push({ embeds: firstEmbeds });
  }
  for (const embeds of moreEmbeds) messages.push({ embeds });

  const privately = reply.visibility === 'private';
  const flags = privately ? MessageFlags.Ephemeral : undefined;
  const [first, ...rest] = messages as [(typeof messages)[number], ...typeof messages];
  if (privately || deferredPublic) {
    await interaction.editReply({ ...first, allowedMentions: noMentions });
    for (const m of rest) await interaction.followUp({ ...m, flags, allowedMentions: noMentions });
    return;
  }
  // Deferred privately but answered publicly: the public follow-ups go first, the note last.
  for (const m of messages) await interaction.followUp({ ...m, allowedMentions: noMentions });
  await interaction.editReply({ content: postedPubliclyNote, allowedMentions: noMentions });
}
