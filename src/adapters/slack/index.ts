/**
 * Slack adapter: a Bolt app in one of two transports. HTTP mode (signing secret) mounts Bolt's own
 * HTTPReceiver request listener as `POST /slack/events` on the shared ops port, behind our request guard
 * (size caps, signature and timestamp checks, ssl_check); url_verification stays Bolt's. Socket Mode
 * (app token) dials out and needs no public URL. With one bot token it serves one workspace; with OAuth
 * credentials instead (`oauth.ts`, HTTP mode only) it serves every workspace that installs it, each with
 * its own token. Events, commands and clicks each become one Desk call; dedupe, acks, escaping and
 * Slack's limits stay here.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver, type Receiver } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Logger } from 'pino';
import type { ChatAdapter, HttpRoute } from '../adapter.ts';
import { WorkInFlight } from '../work-in-flight.ts';
import type { Desk, Store } from '../../core/ports.ts';
import { registerActions } from './actions.ts';
import { boltLogger } from './bolt-logger.ts';
import { registerCommands } from './commands.ts';
import type { HandlerContext } from './context.ts';
import { registerEvents } from './events.ts';
import { SlackInstallations } from './installations.ts';
import { oauthReceiverOptions, registerUninstallEvents, SLACK_INSTALL_PATH, SLACK_OAUTH_REDIRECT_PATH, type SlackOAuthOptions } from './oauth.ts';
import { createRefusalLog, type RefusalLog } from './refusal-log.ts';
import { guardSlackEvents } from './request-guard.ts';
import { slackWebApiFetch } from './web-api-fetch.ts';

export interface SlackAdapterOptions {
  desk: Desk;
  store: Store;
  logger: Logger;
  /** Bot User OAuth Token (xoxb-…): one workspace. Give this or `oauth`, not both. */
  botToken?: string;
  /** OAuth app credentials: installable in many workspaces (HTTP mode only). */
  oauth?: SlackOAuthOptions;
  /** Required in HTTP mode (Basic Information → App Credentials). */
  signingSecret?: string;
  /** App-level token (xapp-…): switches to Socket Mode. */
  appToken?: string;
  /** Web API base, e.g. `https://slack-gov.com/api/` or a test stand-in; Slack's by default. */
  apiUrl?: string;
  adminUserIds: string[];
  /** How long `stop()` waits for answers in flight. */
  drainMs?: number;
  /** HTTP mode: body cap and unverified-read concurrency (defaults in `request-guard.ts`). */
  limits?: { maxBodyBytes?: number; maxUnverifiedReads?: number };
}

export const SLACK_EVENTS_PATH = '/slack/events';

const RESTARTING = 'I am restarting right now — please try that again in a few seconds.';

/**
 * Web API retries: a 429 waits exactly its Retry-After (the WebClient pauses its queue) and then tries
 * again after a short backoff; other failures get a few quick retries, not the default 30-minute policy
 * under which an answer could arrive half an hour late. Calls go out through `slackWebApiFetch`, which
 * costs a fraction of the global fetch's CPU (web-api-fetch.ts).
 */
export const SLACK_RETRY_CONFIG = { retries: 4, factor: 2, minTimeout: 200, maxTimeout: 3_000, randomize: true };

export function slackClientOptions(apiUrl: string | undefined): WebClientOptions {
  const base = apiUrl && !apiUrl.endsWith('/') ? `${apiUrl}/` : apiUrl;
  return { retryConfig: SLACK_RETRY_CONFIG, fetch: slackWebApiFetch, ...(base && { slackApiUrl: base }) };
}

/** Turns Bolt's start-up failures into one sentence that names the variable to fix. */
function startupError(error: unknown, apiUrl: string, socketMode: boolean): Error {
  const code = (error as { data?: { error?: string } }).data?.error;
  const message = error instanceof Error ? error.message : String(error);
  if (code && ['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'not_allowed_token_type'].includes(code)) {
    const which =
      socketMode && /connections/.test(message)
        ? 'SLACK_APP_TOKEN: create an app-level token (xapp-…) with the connections:write scope under Basic Information → App-Level Tokens'
        : 'SLACK_BOT_TOKEN: copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions (reinstall the app if it was revoked)';
    return new Error(`Slack refused the token (${code}) — check ${which}`, { cause: error });
  }
  return new Error(`could not reach the Slack Web API at ${apiUrl} (${message}) — check SLACK_API_URL and the network`, { cause: error });
}

export function createSlackAdapter(options: SlackAdapterOptions): ChatAdapter {
  const logger = boltLogger(options.logger);
  const clientOptions = slackClientOptions(options.apiUrl);
  const { oauth } = options;
  if (Boolean(oauth) === Boolean(options.botToken)) {
    throw new Error('Slack needs either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID + SLACK_CLIENT_SECRET + SLACK_STATE_SECRET (installable in many), not both');
  }
  if (oauth && options.appToken) throw new Error('Slack OAuth install runs in HTTP mode: unset SLACK_APP_TOKEN and set SLACK_SIGNING_SECRET');
  const installations = oauth ? new SlackInstallations(options.store, options.logger) : undefined;
  let receiver: Receiver;
  let httpRoutes: HttpRoute[] | undefined;
  let socket: SocketModeReceiver | undefined;
  let refusals: RefusalLog | undefined;
  if (options.appToken) {
    socket = new SocketModeReceiver({
      appToken: options.appToken,
      logger,
      installerOptions: { clientOptions },
      // As in HTTP mode: log and ack what Bolt cannot process, so Slack does not redeliver garbage.
      processEventErrorHandler: async ({ error }) => {
        options.logger.error({ err: error }, 'Slack envelope could not be processed');
        return true;
      },
    });
    receiver = socket;
  } else {
    if (!options.signingSecret) {
      throw new Error('SLACK_SIGNING_SECRET is required for Slack HTTP mode — copy it from Basic Information → App Credentials, or set SLACK_APP_TOKEN for Socket Mode');
    }
    const http = new HTTPReceiver({
      ...(oauth && installations && oauthReceiverOptions(oauth, installations, options.store, clientOptions)),
      signingSecret: options.signingSecret,
      endpoints: [SLACK_EVENTS_PATH],
      logger,
      processBeforeResponse: false,
      // Every request reaching this receiver passed `guardSlackEvents` (signature, timestamp both ways,
      // body shape; ssl_check answered there), so Bolt checking the signature again only cost ~25 µs a
      // request (bench/slack-e2e.ts, docs/benchmarks.md).
      signatureVerification: false,
      // A payload Bolt itself cannot process (malformed fields) is logged and acked with 200: a 500
      // would only make Slack redeliver the same garbage three more times.
      processEventErrorHandler: async ({ error, response }) => {
        options.logger.error({ err: error }, 'Slack request could not be processed');
        if (response.headersSent) return false;
        response.writeHead(200).end();
        return true;
      },
    });
    receiver = http;
    refusals = createRefusalLog(options.logger);
    const guard = guardSlackEvents({ signingSecret: options.signingSecret, refusals, deliver: (req, res) => http.requestListener(req, res), ...options.limits });
    httpRoutes = [{ method: 'POST', path: SLACK_EVENTS_PATH, handle: guard }];
    if (oauth) {
      // HTTPReceiver routes these two GET paths to its InstallProvider (the state cookie, the code exchange).
      // HEAD reaches GET routes on the ops server; HTTPReceiver answers GET only, so say so instead of a 500.
      const install = (req: IncomingMessage, res: ServerResponse) => {
        if (req.method === 'GET') return http.requestListener(req, res);
        res.writeHead(405, { allow: 'GET' }).end();
      };
      httpRoutes.push({ method: 'GET', path: SLACK_INSTALL_PATH, handle: install }, { method: 'GET', path: SLACK_OAUTH_REDIRECT_PATH, handle: install });
    }
  }
  const app = new App({
    ...(options.botToken && { token: options.botToken }),
    receiver,
    logger,
    clientOptions,
    // auth.test runs in start(), where a bad token or unreachable API is a clear start-up error.
    deferInitialization: true,
    convoStore: false,
  });
  const context: HandlerContext = { desk: options.desk, store: options.store, logger: options.logger, adminUserIds: options.adminUserIds, ...(installations && { installations }) };

  const inFlight = new WorkInFlight();
  let started = false;
  let stopping = false;
  let socketConnected = false;
  let stopped: Promise<void> | undefined;
  app.use(async (args) => {
    const { next } = args;
    if (stopping) {
      // Events are acked by Bolt already; an unacked command or click would show Slack's own error.
      const ack = (args as { ack?: (response?: unknown) => Promise<void> }).ack;
      if (ack) await ack(args.payload && 'command' in args.payload ? { response_type: 'ephemeral', text: RESTARTING } : undefined);
      return;
    }
    await inFlight.track(next());
  });
  registerEvents(app, context);
  registerCommands(app, context);
  registerActions(app, context);
  if (installations) registerUninstallEvents(app, installations, options.logger);
  app.error(async (error) => {
    // An event from a workspace without an installation (uninstalled, or never installed) is not a bug.
    if ((error as { code?: string }).code === 'slack_bolt_authorization_error') {
      options.logger.warn({ err: error }, 'Slack event from a workspace without an installation: not answered');
      return;
    }
    options.logger.error({ err: error }, 'Slack handler error');
  });
  socket?.client.on('connected', () => (socketConnected = true));
  socket?.client.on('disconnected', () => (socketConnected = false));

  return {
    name: 'slack',
    ...(httpRoutes && { httpRoutes }),
    async start() {
      try {
        await app.init();
        if (socket) await app.start();
      } catch (error) {
        throw startupError(error, clientOptions.slackApiUrl ?? 'https://slack.com/api/', socket !== undefined);
      }
      started = true;
      options.logger.info(
        { mode: socket ? 'socket' : 'http', workspaces: oauth ? 'many (OAuth install)' : 'one (bot token)', apiUrl: clientOptions.slackApiUrl ?? 'https://slack.com/api/' },
        'Slack ready',
      );
    },
    stop() {
      stopped ??= (async () => {
        stopping = true;
        refusals?.flush();
        await inFlight.settle(options.drainMs ?? 5_000);
        if (socket && started) await app.stop().catch((error: unknown) => options.logger.warn({ err: error }, 'Slack socket stop failed'));
      })();
      return stopped;
    },
    isReady: () => started && !stopping && (!socket || socketConnected),
  };
}
