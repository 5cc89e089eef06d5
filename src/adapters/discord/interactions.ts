/**
 * Entry point for every INTERACTION_CREATE: routes to the slash command, autocomplete or component
 * handler, and turns any failure into a logged error plus a short apology to the user — a broken
 * handler must never crash the process or leave the user staring at "The application did not respond".
 */
import { APOLOGY } from '../../core/messages.ts';
import { MessageFlags, type Interaction } from 'discord.js';
import { handleComponent } from './component-clicks.ts';
import type { HandlerContext } from './context.ts';
import { NO_MENTIONS } from './escape.ts';
import { COLORS, renderNotice } from './render.ts';
import { sendReply } from './respond.ts';
import { handleAutocomplete, handleChatInput } from './slash-commands.ts';

export async function handleInteraction(interaction: Interaction, context: HandlerContext): Promise<void> {
  try {
    if (interaction.isAutocomplete()) await handleAutocomplete(interaction, context);
    else if (interaction.isChatInputCommand()) await handleChatInput(interaction, context);
    else if (interaction.isMessageComponent()) await handleComponent(interaction, context);
  } catch (error) {
    context.logger.error({ err: error, interaction: interaction.id, type: interaction.type, user: interaction.user.id }, 'Discord interaction handler failed');
    await apologise(interaction, context);
  }
}

async function apologise(interaction: Interaction, context: HandlerContext): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isChatInputCommand() && !interaction.isMessageComponent()) return;
    const notice = renderNotice(APOLOGY, COLORS.failure);
    // A deferred slash command shows the apology instead of "thinking…"; a click keeps its message
    // (the questionnaire stays usable) and gets the apology as a private follow-up.
    if (interaction.isMessageComponent() && (interaction.deferred || interaction.replied)) {
      await interaction.followUp({ embeds: notice.embeds, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    } else {
      await sendReply(interaction, [notice], true);
    }
  } catch (error) {
    // The interaction token may have expired (15 min) or Discord is unreachable; nothing more to do.
    context.logger.warn({ err: error, interaction: interaction.id }, 'could not tell the Discord user about the failure');
  }
}
