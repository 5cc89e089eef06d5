/**
 * Bolt's InstallationStore on our Store port: one durable record per Slack workspace (or Enterprise Grid
 * org for org-wide installs), read back through a zod schema. Only what answering needs is kept — the bot
 * token, ids, scopes, who installed — never a user token, and nothing here is ever logged.
 */
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Store } from '../../core/ports.ts';
import { parseStoredJson } from '../../core/stored-json.ts';

const StoredInstallationSchema = z.object({
  teamId: z.string().min(1).optional(),
  teamName: z.string().optional(),
  enterpriseId: z.string().min(1).optional(),
  enterpriseName: z.string().optional(),
  isEnterpriseInstall: z.boolean(),
  appId: z.string().optional(),
  /** The Slack user who installed the app: an admin of this workspace's Framework Desk. */
  installerUserId: z.string().min(1),
  bot: z.object({
    token: z.string().startsWith('xoxb-'),
    id: z.string().min(1),
    userId: z.string().min(1),
    scopes: z.array(z.string()),
    refreshToken: z.string().optional(),
    expiresAt: z.number().optional(),
  }),
  installedAt: z.number(),
});

export type StoredInstallation = z.infer<typeof StoredInstallationSchema>;

/** Which installation answers for an event: the org's for an org-wide install, else the team's. */
export function installationKey(query: { teamId?: string | undefined; enterpriseId?: string | undefined; isEnterpriseInstall?: boolean | undefined }): string | undefined {
  if (query.isEnterpriseInstall && query.enterpriseId) return `slack-install:enterprise:${query.enterpriseId}`;
  return query.teamId ? `slack-install:team:${query.teamId}` : undefined;
}

export class SlackInstallations implements InstallationStore {
  constructor(
    private readonly store: Store,
    private readonly logger?: Logger,
  ) {}

  async storeInstallation(installation: Installation): Promise<void> {
    if (!installation.bot) throw new Error('the installation has no bot token — add bot scopes to the app (slack/manifest.yaml) and install again');
    const record: StoredInstallation = StoredInstallationSchema.parse({
      teamId: installation.team?.id,
      teamName: installation.team?.name,
      enterpriseId: installation.enterprise?.id,
      enterpriseName: installation.enterprise?.name,
      isEnterpriseInstall: installation.isEnterpriseInstall === true,
      appId: installation.appId,
      installerUserId: installation.user.id,
      bot: {
        token: installation.bot.token,
        id: installation.bot.id,
        userId: installation.bot.userId,
        scopes: installation.bot.scopes,
        refreshToken: installation.bot.refreshToken,
        expiresAt: installation.bot.expiresAt,
      },
      installedAt: Date.now(),
    });
    const key = installationKey(record);
    if (!key) throw new Error('Slack returned an installation without a team or enterprise id');
    await this.store.setRecord(key, JSON.stringify(record));
    this.logger?.info({ team: record.teamId, enterprise: record.enterpriseId, installer: record.installerUserId }, 'Slack workspace installed');
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const record = await this.find(query);
    if (!record) throw new Error(`Framework Desk is not installed in this workspace (team ${query.teamId ?? '-'}, enterprise ${query.enterpriseId ?? '-'})`);
    return toBolt(record);
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const key = installationKey(query);
    if (key) await this.store.deleteRecord(key);
  }

  /** The stored installation for a team (or org), undefined when there is none or it is unreadable. */
  async find(query: { teamId?: string | undefined; enterpriseId?: string | undefined; isEnterpriseInstall?: boolean | undefined }): Promise<StoredInstallation | undefined> {
    const key = installationKey(query);
    if (!key) return undefined;
    const parsed = StoredInstallationSchema.safeParse(parseStoredJson<object>(await this.store.getRecord(key)));
    return parsed.success ? parsed.data : undefined;
  }
}

function toBolt(record: StoredInstallation): Installation {
  const { bot } = record;
  return {
    team: record.teamId ? { id: record.teamId, ...(record.teamName && { name: record.teamName }) } : undefined,
    enterprise: record.enterpriseId ? { id: record.enterpriseId, ...(record.enterpriseName && { name: record.enterpriseName }) } : undefined,
    user: { id: record.installerUserId, token: undefined, scopes: undefined },
    bot: {
      token: bot.token,
      id: bot.id,
      userId: bot.userId,
      scopes: bot.scopes,
      ...(bot.refreshToken && { refreshToken: bot.refreshToken }),
      ...(bot.expiresAt !== undefined && { expiresAt: bot.expiresAt }),
    },
    isEnterpriseInstall: record.isEnterpriseInstall,
    authVersion: 'v2',
    tokenType: 'bot',
    ...(record.appId && { appId: record.appId }),
  } as Installation;
}
