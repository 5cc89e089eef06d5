/**
 * Multi-workspace Slack, end to end: a whole bot (`startApp`, memory store) with SLACK_CLIENT_ID / SECRET /
 * SLACK_STATE_SECRET on one port, real Bolt and its InstallProvider, the Slack stand-in playing two
 * workspaces. Installs both through the redirect, answers each with its own token, refuses forged and
 * replayed states, keeps each workspace's report and settings apart, and stops answering a workspace
 * once it uninstalls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMention, slashCommand } from './payloads.ts';
import { beginInstall, type Bot, finishInstall, install, inWorkspace, postToBot, startOAuthBot, uninstallEvent, WORKSPACE_A, WORKSPACE_B } from './oauth-flow.ts';
import { SlackStandIn, type RecordedCall, type StandInWorkspace } from './standin.ts';
import { blockText } from './harness.ts';

describe('Slack OAuth install in many workspaces', () => {
  let slack: SlackStandIn;
  let bot: Bot;
  let responses = 0;

  beforeAll(async () => {
    slack = await new SlackStandIn().start();
    bot = await startOAuthBot(slack);
  });
  afterAll(async () => {
    await bot?.app.shutdown('test over');
    await slack?.close();
  });

  const answersIn = (channel: string, ts: string) => slack.calls.filter((c) => c.method.startsWith('chat.post') && c.body.channel === channel && c.body.thread_ts === ts);

  /** Mentions the bot in `workspace` and returns what it posted in reply. */
  async function mention(workspace: StandInWorkspace, text: string, channel: string): Promise<RecordedCall> {
    const event = inWorkspace(appMention({ text, channel }), workspace);
    const ts = (event.event as { ts: string }).ts;
    expect(await postToBot(bot, event)).toBe(200);
    await slack.waitFor(() => answersIn(channel, ts).length > 0, 5_000, `the answer in ${workspace.teamName}`);
    return answersIn(channel, ts)[0] as RecordedCall;
  }

  /** Runs a slash command as `user` of `workspace`; returns what came back on its response_url. */
  async function command(workspace: StandInWorkspace, user: string, name: string, text: string): Promise<string> {
    const id = `oauth${++responses}`;
    const fields = { ...slashCommand(name, text, slack.responseUrl(id), user), team_id: workspace.teamId };
    expect(await postToBot(bot, new URLSearchParams(fields))).toBe(200);
    await slack.waitFor(() => slack.calls.some((c) => c.method === `response:${id}`), 5_000, `response ${id}`);
    return blockText(slack.calls.find((c) => c.method === `response:${id}`) as RecordedCall);
  }

  it('serves an Add to Slack page whose link asks for the bot scopes and sets the state cookie', async () => {
    const start = await beginInstall(bot);
    expect(start.status).toBe(200);
    expect(start.authorizeUrl.origin + start.authorizeUrl.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(start.authorizeUrl.searchParams.get('scope')).toContain('app_mentions:read');
    expect(start.authorizeUrl.searchParams.get('client_id')).toBe('1234567890.0987654321');
    expect(start.cookie).toBe(`slack-app-oauth-state=${start.state}`);
    expect((await fetch(`${bot.url}/slack/install`, { method: 'HEAD' })).status).toBe(405);
    // A redirect without a code or state (someone opening the URL by hand) is a 400, not a crash.
    expect((await fetch(`${bot.url}/slack/oauth_redirect`)).status).toBe(400);
  });

  it('installs two workspaces through the redirect and answers a mention in each with that workspace’s token', async () => {
    await install(bot, slack, WORKSPACE_A);
    await install(bot, slack, WORKSPACE_B);
    expect(slack.calls.filter((c) => c.method === 'oauth.v2.access')).toHaveLength(2);
    const inA = await mention(WORKSPACE_A, 'When was PyTorch released?', 'C0ALPHA001');
    const inB = await mention(WORKSPACE_B, 'When was PyTorch released?', 'C0BETA0001');
    expect(inA.method).toBe('chat.postMessage');
    expect(inA.token).toBe(WORKSPACE_A.botToken);
    expect(inB.token).toBe(WORKSPACE_B.botToken);
  });

  it('refuses a replayed state, even with its cookie and a fresh code, and exchanges no code for it', async () => {
    const start = await beginInstall(bot);
    const first = await finishInstall(bot, { code: slack.grant(WORKSPACE_A), state: start.state, cookie: start.cookie });
    expect(first.status).toBe(200);
    const exchanges = slack.calls.filter((c) => c.method === 'oauth.v2.access').length;
    const replay = await finishInstall(bot, { code: slack.grant(WORKSPACE_B), state: start.state, cookie: start.cookie });
    expect(replay.status).toBe(400);
    expect(slack.calls.filter((c) => c.method === 'oauth.v2.access')).toHaveLength(exchanges);
  });

  it('refuses forged states: unsigned, signed with another secret, or without the browser’s cookie', async () => {
    const start = await beginInstall(bot);
    const [id] = start.state.split('.');
    const forgeries = [
      { state: 'made-up-state', cookie: 'slack-app-oauth-state=made-up-state' },
      { state: `${id}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`, cookie: `slack-app-oauth-state=${id}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA` },
      { state: start.state },
    ];
    const exchanges = slack.calls.filter((c) => c.method === 'oauth.v2.access').length;
    for (const forged of forgeries) {
      const res = await finishInstall(bot, { code: slack.grant(WORKSPACE_B), ...forged });
      expect(res.status, forged.state).toBe(400);
    }
    expect(slack.calls.filter((c) => c.method === 'oauth.v2.access')).toHaveLength(exchanges);
    // The genuine state was not used up by the forgery without its cookie.
    expect((await finishInstall(bot, { code: slack.grant(WORKSPACE_B), state: start.state, cookie: start.cookie })).status).toBe(200);
  });

  it('keeps each workspace’s report to itself; its installer is its admin, other users are refused', async () => {
    await mention(WORKSPACE_A, 'how do I bake sourdough bread at alpha?', 'C0ALPHA001');
    await mention(WORKSPACE_B, 'what is the capital of beta land?', 'C0BETA0001');
    const reportA = await command(WORKSPACE_A, WORKSPACE_A.installerUserId, '/framework-desk', 'report');
    const reportB = await command(WORKSPACE_B, WORKSPACE_B.installerUserId, '/framework-desk', 'report');
    expect(reportA).toContain('sourdough bread at alpha');
    expect(reportA).not.toContain('beta land');
    expect(reportB).toContain('beta land');
    expect(reportB).not.toContain('sourdough');
    // A's installer is nobody in B.
    expect(await command(WORKSPACE_B, WORKSPACE_A.installerUserId, '/framework-desk', 'report')).toMatch(/only Framework Desk admins of this workspace/);
  });

  it('applies a workspace’s settings there only: private answers in A, channel answers in B', async () => {
    expect(await command(WORKSPACE_A, WORKSPACE_A.installerUserId, '/framework-desk', 'settings answers private')).toMatch(/Saved[\s\S]*privately/);
    const inA = await mention(WORKSPACE_A, 'When was TensorFlow released?', 'C0ALPHA002');
    expect(inA.method).toBe('chat.postEphemeral');
    expect(inA.body.user).toBe('U0USER0001');
    expect(inA.token).toBe(WORKSPACE_A.botToken);
    expect((await mention(WORKSPACE_B, 'When was TensorFlow released?', 'C0BETA0002')).method).toBe('chat.postMessage');
    expect(await command(WORKSPACE_B, WORKSPACE_B.installerUserId, '/framework-desk', 'settings')).toMatch(/answered in the channel/);
  });

  it('removes the installation on app_uninstalled: the next event from that team is not answered', async () => {
    expect(await postToBot(bot, uninstallEvent(WORKSPACE_A, 'app_uninstalled', 'EvUninstallA'))).toBe(200);
    await slack.waitFor(() => bot.logs.lines.some((l) => l.msg === 'Slack installation removed' && l.team === WORKSPACE_A.teamId), 5_000, 'the removal');
    expect(await bot.app.store.getRecord(`slack-install:team:${WORKSPACE_A.teamId}`)).toBeUndefined();
    const ignored = inWorkspace(appMention({ text: 'When was PyTorch released?', channel: 'C0ALPHA003' }), WORKSPACE_A);
    expect(await postToBot(bot, ignored)).toBe(200);
    // B is still answered, after A's event was taken: A's would have been posted by now.
    await mention(WORKSPACE_B, 'When was PyTorch released?', 'C0BETA0003');
    expect(slack.calls.filter((c) => c.body.channel === 'C0ALPHA003')).toEqual([]);
    expect(bot.logs.lines.some((l) => l.msg === 'Slack event from a workspace without an installation: not answered')).toBe(true);
  });

  it('removes the installation when its bot token is revoked', async () => {
    expect(await postToBot(bot, uninstallEvent(WORKSPACE_B, 'tokens_revoked', 'EvRevokedB'))).toBe(200);
    await slack.waitFor(() => bot.logs.lines.some((l) => l.msg === 'Slack installation removed' && l.team === WORKSPACE_B.teamId), 5_000, 'the removal');
    expect(await bot.app.store.getRecord(`slack-install:team:${WORKSPACE_B.teamId}`)).toBeUndefined();
  });

  it('never logged a bot token or the client secret, even at debug level', () => {
    const all = bot.logs.raw.join('\n');
    expect(bot.logs.raw.length).toBeGreaterThan(20);
    for (const secret of [WORKSPACE_A.botToken, WORKSPACE_B.botToken, '1111-secret', 'standin-client-secret']) expect(all).not.toContain(secret);
  });
});
