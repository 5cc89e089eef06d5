/**
 * Multi-workspace mode: Bolt's own OAuth v2 flow (InstallProvider inside HTTPReceiver) with our Store
 * behind it. HTTPReceiver serves `GET /slack/install` (the "Add to Slack" page, which sets the state
 * cookie) and `GET /slack/oauth_redirect` (state check, `oauth.v2.access`, store) from the same request
 * listener as `POST /slack/events`, so ops mounts all three on its one port. Each event is then answered
 * with its own workspace's token (Bolt's authorize reads the installation); `app_uninstalled` and
 * `tokens_revoked` delete it, after which that team's events reach no listener.
 */
import type { App, HTTPReceiverOptions } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Store } from '../../core/ports.ts';
import type { SlackInstallations } from './installations.ts';
import { SingleUseStateStore } from './oauth-state.ts';

export const SLACK_INSTALL_PATH = '/slack/install';
export const SLACK_OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';

/** The bot scopes of slack/manifest.yaml (a test keeps the two in step). */
export const DEFAULT_BOT_SCOPES = ['app_mentions:read', 'chat:write', 'commands', 'im:history', 'channels:history', 'groups:history'];

export interface SlackOAuthOptions {
  clientId: string;
  clientSecret: string;
  /** Signs the single-use `state` parameter. */
  stateSecret: string;
  /** Bot scopes asked for on install; DEFAULT_BOT_SCOPES when unset. */
  scopes?: string[];
}

/** The HTTPReceiver options that switch on Bolt's OAuth flow, with our installation and state stores. */
export function oauthReceiverOptions(
  oauth: SlackOAuthOptions,
  installations: SlackInstallations,
  store: Store,
  clientOptions: WebClientOptions,
): Pick<HTTPReceiverOptions, 'clientId' | 'clientSecret' | 'stateSecret' | 'scopes' | 'installationStore' | 'installerOptions'> {
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    scopes: oauth.scopes ?? DEFAULT_BOT_SCOPES,
    installationStore: installations,
    installerOptions: {
      installPath: SLACK_INSTALL_PATH,
      redirectUriPath: SLACK_OAUTH_REDIRECT_PATH,
      stateStore: new SingleUseStateStore(store, oauth.stateSecret),
      // oauth.v2.access and auth.test go where every other Web API call goes (SLACK_API_URL).
      clientOptions,
    },
  };
}

interface UninstallBody {
  team_id?: unknown;
  enterprise_id?: unknown;
  authorizations?: { is_enterprise_install?: unknown }[];
  event?: { tokens?: { bot?: unknown } };
}

const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** Removes a workspace's installation when the app is uninstalled there or its bot token is revoked. */
export function registerUninstallEvents(app: App, installations: SlackInstallations, logger: Logger): void {
  const remove = async (body: UninstallBody, reason: string) => {
    const query = { teamId: str(body.team_id), enterpriseId: str(body.enterprise_id), isEnterpriseInstall: body.authorizations?.[0]?.is_enterprise_install === true };
    if (reason === 'tokens_revoked') {
      // Only a revoked bot token ends the installation; a user token of someone else does not matter to us.
      const bots = Array.isArray(body.event?.tokens?.bot) ? (body.event.tokens.bot as unknown[]) : [];
      const installed = await installations.find(query);
      if (!installed || !bots.includes(installed.bot.userId)) return;
    }
    await installations.deleteInstallation(query);
    logger.info({ team: query.teamId, enterprise: query.enterpriseId, reason }, 'Slack installation removed');
  };
  app.event('app_uninstalled', async ({ body }) => remove(body as UninstallBody, 'app_uninstalled'));
  app.event('tokens_revoked', async ({ body }) => remove(body as UninstallBody, 'tokens_revoked'));
}
