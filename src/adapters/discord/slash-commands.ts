/**
 * Slash command handlers. Replies are ephemeral (only the asker sees them) with a Share button to post
 * them to the channel; work that may be slow defers before Discord's 3-second deadline, then edits.
 */
import { MessageFlags, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { FlowAnswers } from '../../core/flow/types.ts';
import { COMMANDS, isAdmin } from './command-definitions.ts';
import { runSettingsCommand } from '../../core/settings/settings-command.ts';
import { DISCORD_SETTINGS, guildWorkspace, requesterOf, type HandlerContext } from './context.ts';
import { LIMITS } from './embed-limits.ts';
import { QUESTION_ORDER } from './flow-questions.ts';
import { clip } from './escape.ts';
import { renderReload, renderReport } from './render-admin.ts';
import { renderFlowStep } from './render-flow.ts';
import { COLORS, renderAnswer, renderNotice } from './render.ts';
import { sendReply, withinDeadline } from './respond.ts';

const deferEphemeral = (interaction: ChatInputCommandInteraction) => () => interaction.deferReply({ flags: MessageFlags.Ephemeral });

async function ask(interaction: ChatInputCommandInteraction, context: HandlerContext): Promise<void> {
  const question = interaction.options.getString('question', true);
  const who = requesterOf(interaction.user, interaction.channelId, interaction.guildId);
  const answer = await withinDeadline(context.desk.ask(question, who), deferEphemeral(interaction));
  await sendReply(interaction, renderAnswer(answer, { shareable: true }), true);
}

async function chooseFramework(interaction: ChatInputCommandInteraction, context: HandlerContext): Promise<void> {
  const preset: FlowAnswers = {};
  for (const id of QUESTION_ORDER) {
    const value = interaction.options.getString(id);
    if (value) preset[id] = value;
  }
  const who = requesterOf(interaction.user, interaction.channelId);
  const action = Object.keys(preset).length > 0 ? { type: 'start' as const, preset } : { type: 'start' as const };
  const step = await withinDeadline(context.desk.flow(who, action), deferEphemeral(interaction));
  await sendReply(interaction, renderFlowStep(step, { shareable: true }), true);
}

async function admin(interaction: ChatInputCommandInteraction, context: HandlerContext): Promise<void> {
  if (!isAdmin(interaction.user.id, interaction.memberPermissions, context.adminUserIds)) {
    context.logger.warn({ user: interaction.user.id }, 'Discord admin command refused');
    const text = 'Only server administrators (or users listed in DISCORD_ADMIN_USER_IDS) can run this.';
    await sendReply(interaction, [renderNotice(text, COLORS.failure)], true);
    return;
  }
  const sub = interaction.options.getSubcommand();
  if (sub === 'reload') {
    // Always slow enough to matter (disk + index build): acknowledge first.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const result = await context.desk.reload(`discord:${interaction.user.id}`);
    await sendReply(interaction, renderReload(result), true);
    return;
  }
  if (sub === 'settings') return settings(interaction, context);
  // In a server its administrators read that server's report only; in a DM the deployment-wide report
  // (DMs and single-workspace Slack) is for the bot's operators (DISCORD_ADMIN_USER_IDS).
  const workspace = guildWorkspace(interaction.guildId);
  if (!workspace && !context.adminUserIds.includes(interaction.user.id)) {
    context.logger.warn({ user: interaction.user.id }, 'Discord usage report refused (DM, not in DISCORD_ADMIN_USER_IDS)');
    const text =
      'Outside a server the usage report covers every DM, so only the bot’s operators (DISCORD_ADMIN_USER_IDS) can read it here. Run it in your server for that server’s report.';
    await sendReply(interaction, [renderNotice(text, COLORS.failure)], true);
    return;
  }
  const report = await withinDeadline(context.desk.report(10, workspace), deferEphemeral(interaction));
  await sendReply(interaction, renderReport(report), true);
}

async function settings(interaction: ChatInputCommandInteraction, context: HandlerContext): Promise<void> {
  const workspace = guildWorkspace(interaction.guildId);
  if (!workspace) {
    await sendReply(interaction, [renderNotice('Settings belong to a server: run this in the server you want to change.', COLORS.failure)], true);
    return;
  }
  const change = interaction.options.getString('change') ?? '';
  const reply = await withinDeadline(runSettingsCommand(context.desk.settings, workspace, change, `/${COMMANDS.admin} settings`, DISCORD_SETTINGS), deferEphemeral(interaction));
  await sendReply(interaction, [renderNotice(reply)], true);
}

export async function handleChatInput(interaction: ChatInputCommandInteraction, context: HandlerContext): Promise<void> {
  switch (interaction.commandName) {
    case COMMANDS.ask:
      return ask(interaction, context);
    case COMMANDS.choose:
      return chooseFramework(interaction, context);
    case COMMANDS.admin:
      return admin(interaction, context);
    default:
      await sendReply(interaction, [renderNotice(`I don't know /${interaction.commandName} any more — the command list may be out of date.`)], true);
  }
}

/** Topic suggestions while typing `/ask question:`; Discord shows at most 25. */
export async function handleAutocomplete(interaction: AutocompleteInteraction, context: HandlerContext): Promise<void> {
  const typed = String(interaction.options.getFocused());
  const topics = interaction.commandName === COMMANDS.ask ? context.desk.suggestTopics(typed, LIMITS.choices) : [];
  const choices = topics
    .filter((t) => t.trim())
    .slice(0, LIMITS.choices)
    .map((topic) => ({ name: clip(topic, 100), value: clip(topic, 100) }));
  await interaction.respond(choices);
}
