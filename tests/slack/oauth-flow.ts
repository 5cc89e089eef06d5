/**
 * Drives Slack's OAuth install against a running bot the way a browser and Slack would: `GET
 * /slack/install` (the Add to Slack page and its state cookie), then `GET /slack/oauth_redirect` with
 * the code Slack would issue. Also starts whole bots (`startApp`, as `npm start` wires them) in
 * multi-workspace mode and moves sample payloads into a given workspace.
 */
import { startApp, type App } from '../../src/ops/app.ts';
import { loadConfig } from '../../src/ops/config.ts';
import { openStore } from '../../src/stores/open-store.ts';
import { captureLogger } from '../ops/fakes.ts';
import { freePort } from '../ops/redis-server.ts';
import { SIGNING_SECRET, signedHeaders } from './signing.ts';
import { BOT_USER_ID, OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET, TEAM_ID, type SlackStandIn, type StandInWorkspace } from './standin.ts';

export const STATE_SECRET = 'test-state-secret-0123456789abcdef';

export const WORKSPACE_A: StandInWorkspace = {
  teamId: 'T0AAAAAAA',
  teamName: 'alpha',
  botToken: 'xoxb-alpha-1111-secret',
  botUserId: 'U0BOTALPHA',
  botId: 'B0BOTALPHA',
  installerUserId: 'U0ALPHAADM',
};
export const WORKSPACE_B: StandInWorkspace = {
  teamId: 'T0BBBBBBB',
  teamName: 'beta',
  botToken: 'xoxb-beta-2222-secret',
  botUserId: 'U0BOTBETA0',
  botId: 'B0BOTBETA0',
  installerUserId: 'U0BETAADM0',
};

export interface Bot {
  app: App;
  url: string;
  logs: ReturnType<typeof captureLogger>;
}

/** One complete bot in multi-workspace mode on its own port; with `redisUrl`, on Redis. */
export async function startOAuthBot(slack: SlackStandIn, options: { redisUrl?: string; instanceId?: string } = {}): Promise<Bot> {
  const loaded = loadConfig({
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    KNOWLEDGE_DIR: 'knowledge',
    SLACK_CLIENT_ID: OAUTH_CLIENT_ID,
    SLACK_CLIENT_SECRET: OAUTH_CLIENT_SECRET,
    SLACK_STATE_SECRET: STATE_SECRET,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    RATE_LIMIT_PER_MINUTE: '0',
    SHUTDOWN_GRACE_MS: '1000',
    SHUTDOWN_DRAIN_MS: '0',
    ...(options.redisUrl && { REDIS_URL: options.redisUrl }),
  });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const { env } = loaded.config;
  // The configured secrets are blanked as `npm start` does; the per-workspace bot tokens are not listed.
  const logs = captureLogger('debug', [OAUTH_CLIENT_SECRET, STATE_SECRET, SIGNING_SECRET]);
  const app = await startApp(loaded.config, {
    logger: logs.logger,
    openStore: openStore({ url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX }),
    processTriggers: false,
    exit: () => undefined,
    ...(options.instanceId && { instanceId: options.instanceId }),
  });
  return { app, url: `http://127.0.0.1:${app.port}`, logs };
}

export interface InstallStart {
  status: number;
  /** The `state` of the Add to Slack link, and the cookie that ties it to this browser. */
  state: string;
  cookie: string;
  authorizeUrl: URL;
}

/** Opens the Add to Slack page like a browser: the link it offers and the state cookie it sets. */
export async function beginInstall(bot: Bot): Promise<InstallStart> {
  const res = await fetch(`${bot.url}/slack/install`);
  const html = await res.text();
  const href = /href="([^"]+oauth\/v2\/authorize[^"]+)"/.exec(html)?.[1];
  if (!href) throw new Error(`no Add to Slack link on the install page (${res.status}): ${html.slice(0, 200)}`);
  const authorizeUrl = new URL(href.replace(/&amp;/g, '&'));
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { status: res.status, state: authorizeUrl.searchParams.get('state') ?? '', cookie, authorizeUrl };
}

/** Comes back from Slack to the redirect with `code` and `state`, carrying the browser's cookie. */
export async function finishInstall(bot: Bot, params: { code: string; state: string; cookie?: string }): Promise<{ status: number; body: string }> {
  const query = new URLSearchParams({ code: params.code, state: params.state });
  const res = await fetch(`${bot.url}/slack/oauth_redirect?${query}`, { headers: params.cookie ? { cookie: params.cookie } : {} });
  return { status: res.status, body: await res.text() };
}

/** The whole install of `workspace` through the redirect; throws unless Slack's success page came back. */
export async function install(bot: Bot, slack: SlackStandIn, workspace: StandInWorkspace): Promise<void> {
  const start = await beginInstall(bot);
  const done = await finishInstall(bot, { code: slack.grant(workspace), state: start.state, cookie: start.cookie });
  if (done.status !== 200) throw new Error(`install of ${workspace.teamId} failed (${done.status}): ${done.body.slice(0, 300)}`);
}

/** A sample event envelope (tests/slack/payloads.ts) as sent by `workspace` to its own bot user. */
export function inWorkspace(payload: Record<string, unknown>, workspace: StandInWorkspace): Record<string, unknown> {
  const json = JSON.stringify(payload).replaceAll(TEAM_ID, workspace.teamId).replaceAll(BOT_USER_ID, workspace.botUserId);
  return JSON.parse(json) as Record<string, unknown>;
}

/** Posts a signed event or form body to one bot's /slack/events. */
export async function postToBot(bot: Bot, payload: Record<string, unknown> | URLSearchParams): Promise<number> {
  const form = payload instanceof URLSearchParams;
  const body = form ? payload.toString() : JSON.stringify(payload);
  const contentType = form ? 'application/x-www-form-urlencoded' : 'application/json';
  const res = await fetch(`${bot.url}/slack/events`, { method: 'POST', headers: signedHeaders(body, contentType), body });
  await res.text();
  return res.status;
}

/** An `app_uninstalled` or `tokens_revoked` envelope from `workspace`. */
export function uninstallEvent(workspace: StandInWorkspace, type: 'app_uninstalled' | 'tokens_revoked', eventId: string): Record<string, unknown> {
  const event = type === 'app_uninstalled' ? { type } : { type, tokens: { oauth: [], bot: [workspace.botUserId] } };
  return {
    token: 'legacy',
    team_id: workspace.teamId,
    api_app_id: 'A0APP',
    type: 'event_callback',
    event: { ...event, event_ts: `${Math.floor(Date.now() / 1000)}.000001` },
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: workspace.teamId, user_id: workspace.botUserId, is_bot: true, is_enterprise_install: false }],
  };
}
