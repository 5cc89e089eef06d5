/**
 * The anchor of `bench/slack-e2e.ts`: the smallest Bolt app that answers a mention — the default
 * HTTPReceiver, one `app_mention` listener that posts the text back with `chat.postMessage` in the
 * mention's thread. It runs in a process of its own, as our bot does, so its CPU time is its own.
 * Started with BARE_BOLT_PORT, SLACK_API_URL and SLACK_SIGNING_SECRET; prints `ready` on stdout once it
 * listens. Imported without BARE_BOLT_PORT (bench/run.ts imports every bench file) it does nothing.
 */
import { App, LogLevel } from '@slack/bolt';

const port = Number(process.env.BARE_BOLT_PORT);
if (port > 0) {
  const app = new App({
    token: 'xoxb-bench',
    signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
    clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? '' },
    logLevel: LogLevel.ERROR,
  });
  app.event('app_mention', async ({ event, client }) => {
    await client.chat.postMessage({ channel: event.channel, thread_ts: event.ts, text: event.text });
  });
  await app.start({ port, host: '127.0.0.1' });
  process.stdout.write('ready\n');
  process.once('SIGTERM', () => void app.stop().then(() => process.exit(0)));
}
