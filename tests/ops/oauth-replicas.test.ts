/**
 * Multi-workspace Slack across replicas: two whole bots on one real redis-server and one Slack stand-in.
 * An install started on one replica finishes on the other (the state lives in Redis), both replicas
 * answer both workspaces with the right token, a state used on one is refused on the other, and an
 * uninstall seen by one stops the other from answering that workspace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beginInstall, type Bot, finishInstall, inWorkspace, postToBot, startOAuthBot, uninstallEvent, WORKSPACE_A, WORKSPACE_B } from '../slack/oauth-flow.ts';
import { appMention, slashCommand } from '../slack/payloads.ts';
import { SlackStandIn, type RecordedCall, type StandInWorkspace } from '../slack/standin.ts';
import { hasRedisServer, TestRedis } from './redis-server.ts';

describe.runIf(hasRedisServer())('Slack OAuth installations shared by two replicas on Redis', () => {
  let redis: TestRedis;
  let slack: SlackStandIn;
  let one: Bot;
  let two: Bot;

  beforeAll(async () => {
    redis = await TestRedis.start();
    slack = await new SlackStandIn().start();
    one = await startOAuthBot(slack, { redisUrl: redis.url, instanceId: 'one' });
    two = await startOAuthBot(slack, { redisUrl: redis.url, instanceId: 'two' });
  });
  afterAll(async () => {
    for (const bot of [one, two]) await bot?.app.shutdown('test over');
    await slack?.close();
    await redis?.destroy();
  });

  const replies = (channel: string) => slack.calls.filter((c) => c.method.startsWith('chat.post') && c.body.channel === channel);

  async function mention(bot: Bot, workspace: StandInWorkspace, channel: string): Promise<RecordedCall> {
    expect(await postToBot(bot, inWorkspace(appMention({ text: 'When was PyTorch released?', channel }), workspace))).toBe(200);
    await slack.waitFor(() => replies(channel).length > 0, 5_000, `the answer in ${channel}`);
    return replies(channel)[0] as RecordedCall;
  }

  it('finishes on one replica an install started on the other, for each workspace', async () => {
    const startA = await beginInstall(one);
    expect((await finishInstall(two, { code: slack.grant(WORKSPACE_A), state: startA.state, cookie: startA.cookie })).status).toBe(200);
    const startB = await beginInstall(two);
    expect((await finishInstall(one, { code: slack.grant(WORKSPACE_B), state: startB.state, cookie: startB.cookie })).status).toBe(200);
    // Used on one replica, refused on the other.
    const replay = await finishInstall(one, { code: slack.grant(WORKSPACE_A), state: startA.state, cookie: startA.cookie });
    expect(replay.status).toBe(400);
  });

  it('both replicas see both installations and answer each workspace with its own token', async () => {
    expect((await mention(one, WORKSPACE_A, 'C0RA1')).token).toBe(WORKSPACE_A.botToken);
    expect((await mention(two, WORKSPACE_A, 'C0RA2')).token).toBe(WORKSPACE_A.botToken);
    expect((await mention(one, WORKSPACE_B, 'C0RB1')).token).toBe(WORKSPACE_B.botToken);
    expect((await mention(two, WORKSPACE_B, 'C0RB2')).token).toBe(WORKSPACE_B.botToken);
  });

  it('a setting saved through one replica is applied by the other', async () => {
    const fields = { ...slashCommand('/framework-desk', 'settings answers private', slack.responseUrl('rs1'), WORKSPACE_B.installerUserId), team_id: WORKSPACE_B.teamId };
    expect(await postToBot(one, new URLSearchParams(fields))).toBe(200);
    await slack.waitFor(() => slack.calls.some((c) => c.method === 'response:rs1'), 5_000, 'the settings reply');
    expect(await postToBot(two, inWorkspace(appMention({ text: 'When was PyTorch released?', channel: 'C0RB3' }), WORKSPACE_B))).toBe(200);
    await slack.waitFor(() => slack.calls.some((c) => c.body.channel === 'C0RB3'), 5_000, 'the private answer');
    expect(slack.calls.find((c) => c.body.channel === 'C0RB3')?.method).toBe('chat.postEphemeral');
  });

  it('an uninstall received by one replica stops the other from answering that workspace', async () => {
    expect(await postToBot(one, uninstallEvent(WORKSPACE_A, 'app_uninstalled', 'EvUninstallRA'))).toBe(200);
    await slack.waitFor(() => one.logs.lines.some((l) => l.msg === 'Slack installation removed'), 5_000, 'the removal');
    expect(await postToBot(two, inWorkspace(appMention({ text: 'When was PyTorch released?', channel: 'C0RA3' }), WORKSPACE_A))).toBe(200);
    await mention(two, WORKSPACE_B, 'C0RB4');
    expect(slack.calls.filter((c) => c.body.channel === 'C0RA3')).toEqual([]);
  });
});
