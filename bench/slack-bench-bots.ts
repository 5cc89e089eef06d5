/**
 * The two bots `bench/slack-e2e.ts` measures, run in a child process so they get an event loop of their
 * own (as in production) instead of sharing one with the load generator and the Web API stand-in:
 * the production Slack adapter over the real Desk, and a bare Bolt app that only echoes. Importing this
 * module without SLACK_BENCH_API_URL does nothing (bench/run.ts imports every bench file).
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import pino from 'pino';
import { createSlackAdapter, slackClientOptions } from '../src/adapters/slack/index.ts';
import { createDesk } from '../src/core/desk.ts';
import { MemoryStore } from '../src/stores/memory-store.ts';

export interface BotUrls {
  ours: string;
  echo: string;
}

async function listen(listener: RequestListener): Promise<{ server: Server; url: string }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events` };
}

async function startBots(apiUrl: string, signingSecret: string): Promise<{ urls: BotUrls; stop: () => Promise<void> }> {
  const store = new MemoryStore();
  const desk = await createDesk({ knowledgeDir: 'knowledge', store });
  const ours = createSlackAdapter({ desk, store, logger: pino({ level: 'silent' }), botToken: 'xoxb-bench', signingSecret, apiUrl, adminUserIds: [] });
  const route = ours.httpRoutes![0]!;
  const oursServer = await listen((req, res) => void route.handle(req, res));
  await ours.start();

  // Baseline: the same Bolt receiver and Web API client settings, a listener that only echoes.
  const echoReceiver = new HTTPReceiver({ signingSecret, logLevel: LogLevel.ERROR });
  const echo = new App({ token: 'xoxb-bench', receiver: echoReceiver, clientOptions: slackClientOptions(apiUrl), logLevel: LogLevel.ERROR, deferInitialization: true });
  echo.event('app_mention', async ({ event, client }) => {
    await client.chat.postMessage({ channel: event.channel, thread_ts: event.ts, text: event.text });
  });
  await echo.init();
  const echoServer = await listen(echoReceiver.requestListener);

  return {
    urls: { ours: oursServer.url, echo: echoServer.url },
    async stop() {
      await ours.stop();
      for (const s of [oursServer.server, echoServer.server]) {
        s.closeAllConnections();
        await new Promise<void>((resolve) => s.close(() => resolve()));
      }
      await store.close();
    },
  };
}

const apiUrl = process.env.SLACK_BENCH_API_URL;
const signingSecret = process.env.SLACK_BENCH_SIGNING_SECRET;
if (apiUrl && signingSecret && process.send) {
  const bots = await startBots(apiUrl, signingSecret);
  process.send({ ready: bots.urls });
  process.on('message', (m: string) => {
    // 'cpu' → this process's CPU time so far (user + system, µs), so the parent can charge each slice.
    if (m === 'cpu') process.send?.({ cpu: process.cpuUsage() });
    else void bots.stop().then(() => process.exit(0));
  });
}
