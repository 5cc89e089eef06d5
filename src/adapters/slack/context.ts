/**
 * What every Slack handler needs: the Desk, the store (dedupe, shares, threads), a logger, who is an
 * admin, and — when the app is installed in many workspaces — which workspace a team is.
 */
import type { Logger } from 'pino';
import type { Desk, Requester, Store, ThreadRef } from '../../core/ports.ts';
import type { SlackInstallations } from './installations.ts';

export interface HandlerContext {
  desk: Desk;
  store: Store;
  logger: Logger;
  /** SLACK_ADMIN_USER_IDS: the operators, admins in every workspace. */
  adminUserIds: readonly string[];
  /** Set in multi-workspace (OAuth) mode: reports, feedback and rate limits are then kept per team. */
  installations?: SlackInstallations;
}

/**
 * The workspace scope of a team for the report, feedback and rate limits: per team when installed in many
 * workspaces; unset with one bot token, so a single-workspace deployment keeps its one report.
 */
export function workspaceOf(ctx: HandlerContext, teamId: string | undefined): string | undefined {
  return ctx.installations && teamId ? `slack:${teamId}` : undefined;
}

/** Where a team's settings are kept, in either mode. */
export function settingsScope(teamId: string | undefined): string {
  return `slack:${teamId ?? '-'}`;
}

/** Flow sessions are scoped per user and channel (a DM is a channel too). */
export function requesterOf(userId: string, channelId: string | undefined, workspace?: string): Requester {
  return { platform: 'slack', userId, conversation: channelId ?? `dm:${userId}`, ...(workspace && { workspace }) };
}

/**
 * The conversation a message belongs to, for follow-ups: its thread (team + channel + thread_ts), or the
 * whole DM when it is not in a thread.
 */
export function slackThread(team: string | undefined, channel: string, threadTs: string | undefined): ThreadRef {
  return { key: `slack:${team ?? '-'}:${channel}${threadTs ? `:${threadTs}` : ''}` };
}

/**
 * Admins of a workspace: the operators (SLACK_ADMIN_USER_IDS) and, in multi-workspace mode, whoever
 * installed the app there.
 */
export async function isWorkspaceAdmin(ctx: HandlerContext, userId: string, teamId: string | undefined, enterpriseId?: string): Promise<boolean> {
  if (ctx.adminUserIds.includes(userId)) return true;
  if (!ctx.installations || !teamId) return false;
  const installation = await ctx.installations.find({ teamId, enterpriseId }).catch(() => undefined);
  return installation?.installerUserId === userId;
}
