/**
 * Slash command definitions (registered by `npm run discord:register`) and the run-time admin check.
 * The /choose-framework options are built from the flow's own questions, so the choices users see can
 * never drift from what the flow accepts.
 */
import { PermissionFlagsBits, type PermissionsBitField } from 'discord.js';
import type { QuestionId } from '../../core/flow/types.ts';
import { MAX_QUESTION_CHARS } from '../../core/question-text.ts';
import { clip } from './escape.ts';
import { LIMITS } from './embed-limits.ts';

export const COMMANDS = { ask: 'ask', choose: 'choose-framework', admin: 'framework-admin' } as const;

/** What the command builder needs to know about one flow question. */
export interface QuestionChoiceSource {
  id: QuestionId;
  prompt: string;
  options: { id: string; label: string }[];
}

// Interaction contexts: 0 = guild, 1 = DM with the bot. Integration type 0 = installed to a guild.
const EVERYWHERE = { contexts: [0, 1], integration_types: [0] };

/**
 * Body for `PUT /applications/{id}/commands` (bulk overwrite). `frameworks`: the display names the
 * base declares (`frameworks.yaml`), named in the descriptions; re-register after adding one.
 */
export function buildCommandDefinitions(questions: QuestionChoiceSource[], frameworks: readonly string[] = []) {
  const about = frameworks.length > 0 ? frameworks : ['deep-learning framework'];
  return [
    {
      name: COMMANDS.ask,
      type: 1,
      description: clip(`Ask a ${about.join(' vs ')} question; answers cite their sources`, 100),
      ...EVERYWHERE,
      options: [
        {
          type: 3,
          name: 'question',
          description: 'What you want to know, e.g. "Which is better for mobile deployment?"',
          required: true,
          autocomplete: true,
          // The core reads this much (src/core/question-text.ts); Discord's client stops the user there.
          max_length: MAX_QUESTION_CHARS,
        },
      ],
    },
    {
      name: COMMANDS.choose,
      type: 1,
      description: clip(`Get a cited ${about.join('-or-')} recommendation; options pre-answer questions`, 100),
      ...EVERYWHERE,
      options: questions.slice(0, 25).map((question) => ({
        type: 3,
        name: question.id,
        description: clip(question.prompt, 100),
        required: false,
        choices: question.options.slice(0, LIMITS.choices).map((option) => ({ name: clip(option.label, 100), value: option.id })),
      })),
    },
    {
      name: COMMANDS.admin,
      type: 1,
      description: 'Framework Desk administration',
      // Administrator only by default; server owners may widen it under Integrations, so we check again.
      default_member_permissions: Number(PermissionFlagsBits.Administrator),
      contexts: [0],
      integration_types: [0],
      options: [
        { type: 1, name: 'reload', description: 'Reload the knowledge base from disk (keeps the old one if the new one is broken)' },
        { type: 1, name: 'report', description: 'This server’s most asked unanswered questions and most down-voted answers' },
        {
          type: 1,
          name: 'settings',
          description: 'Show or change how this server is answered',
          options: [{ type: 3, name: 'change', description: 'e.g. "answers private", "follow-ups none", "reset" (empty: show)', required: false, max_length: 1000 }],
        },
      ],
    },
  ];
}

/**
 * Run-time admin check: listed in DISCORD_ADMIN_USER_IDS, or holding Administrator in the guild the
 * command came from. Permission overrides in server settings can expose the command to anyone.
 */
export function isAdmin(userId: string, memberPermissions: Readonly<PermissionsBitField> | null, adminUserIds: readonly string[]): boolean {
  if (adminUserIds.includes(userId)) return true;
  return memberPermissions?.has(PermissionFlagsBits.Administrator, true) ?? false;
}
