/**
 * What an admin can set per workspace (a Slack team, a Discord server) from chat. The zod schema is the
 * single source of truth: stored values are read back through it, so a hand-edited or older record falls
 * back to the defaults field by field instead of breaking answers.
 */
import { z } from 'zod';

/** Most channels one follow-up list names (a bound on what one admin command can store). */
export const MAX_FOLLOW_UP_CHANNELS = 50;

export const WorkspaceSettingsSchema = z.object({
  /** Where a mention is answered: in the channel (its thread), or privately to the asker. */
  answers: z.enum(['channel', 'private']).catch('channel'),
  /**
   * Which channels answer un-mentioned follow-ups in a thread the bot answered: all, none, or only the
   * channels in `followUpChannels`. Unset: the platform's default (Slack all, Discord none — what each
   * did before there were settings).
   */
  followUps: z.enum(['all', 'none', 'listed']).optional().catch(undefined),
  followUpChannels: z.array(z.string().min(1).max(64)).max(MAX_FOLLOW_UP_CHANNELS).catch([]),
});

export type WorkspaceSettings = z.infer<typeof WorkspaceSettingsSchema>;

export const DEFAULT_SETTINGS: WorkspaceSettings = Object.freeze({ answers: 'channel', followUpChannels: [] }) as WorkspaceSettings;

/** Where a platform answers un-mentioned thread follow-ups when a workspace has not chosen. */
export type FollowUpDefault = 'all' | 'none';

/** Whether an un-mentioned reply in a thread of `channel` is answered under these settings. */
export function answersFollowUpsIn(settings: WorkspaceSettings, channel: string, platformDefault: FollowUpDefault): boolean {
  const followUps = settings.followUps ?? platformDefault;
  if (followUps === 'all') return true;
  if (followUps === 'none') return false;
  return settings.followUpChannels.includes(channel);
}
