/**
 * Slash commands and buttons through the real Bolt app: private answers that can be shared, 👍/👎
 * recorded once per person, and the whole /choose-framework questionnaire by clicks in one message.
 */
import { describe, expect, it } from 'vitest';
import type { RecordedCall } from './standin.ts';
import { blockText, buttonsOf, useHarness } from './harness.ts';
import { blockAction, slashCommand, USER } from './payloads.ts';

const h = useHarness();

let n = 0;
/** A fresh response_url per request, like Slack's; returns it and a reader for what was posted there. */
function responseUrl() {
  const id = `r${++n}`;
  return { url: h().standIn.responseUrl(id), calls: (): RecordedCall[] => h().standIn.calls.filter((c) => c.method === `response:${id}`) };
}

async function runCommand(command: string, text: string, user = USER) {
  const r = responseUrl();
  const ack = await h().command(slashCommand(command, text, r.url, user));
  expect(ack.status).toBe(200);
  expect(ack.ms).toBeLessThan(3_000);
  await h().standIn.waitFor(() => r.calls().length > 0, 5_000, `reply to ${command}`);
  return r.calls();
}

async function click(button: { action_id: string; value: string }, opts: { user?: string; ephemeral?: boolean } = {}) {
  const r = responseUrl();
  const ack = await h().action(blockAction(button, { responseUrl: r.url, ...opts }));
  expect(ack.status).toBe(200);
  await h().standIn.waitFor(() => r.calls().length > 0, 5_000, `reply to click ${button.action_id}`);
  await new Promise((resolve) => setTimeout(resolve, 50));
  return r.calls();
}

describe('/framework-ask', () => {
  it('answers privately with feedback and a Share button; sharing posts it in the channel', async () => {
    const [reply] = await runCommand('/framework-ask', 'Which is easier to deploy on mobile?');
    expect(reply!.body.response_type).toBe('ephemeral');
    expect(blockText(reply!)).toContain('❓ Which is easier to deploy on mobile?');
    const buttons = buttonsOf(reply!);
    expect(buttons.map((b) => b.action_id)).toEqual(['fd_vote_up', 'fd_vote_down', 'fd_share']);
    const shared = await click(buttons[2]!);
    expect(shared[0]!.body.response_type).toBe('in_channel');
    expect(blockText(shared[0]!)).toContain('Shared by');
    expect(blockText(shared[0]!)).toContain('❓ Which is easier to deploy on mobile?');
    expect(buttonsOf(shared[0]!).map((b) => b.action_id)).toEqual(['fd_vote_up', 'fd_vote_down']);
    expect(shared.at(-1)!.body.delete_original).toBe(true);
    expect(h().problems()).toEqual([]);
  });

  it('records 👍/👎 once per person and says thanks', async () => {
    const [reply] = await runCommand('/framework-ask', 'Is PyTorch good for research?');
    const [up, down] = buttonsOf(reply!);
    const first = await click(down!);
    expect(blockText(first[0]!)).toContain('Thanks');
    const again = await click(up!);
    expect(blockText(again[0]!)).toContain('already rated');
    await click(up!, { user: 'U0SOMEONE2' });
    const report = await h().desk.report(10);
    const entry = report.downvoted.find((d) => d.question.includes('PyTorch good for research'));
    expect(entry).toMatchObject({ down: 1, up: 1 });
  });

  it('gives usage help for an empty question and an apology-free decline for nonsense', async () => {
    const [help] = await runCommand('/framework-ask', '   ');
    expect(blockText(help!)).toContain('/framework-ask');
    const [declined] = await runCommand('/framework-ask', 'what is the best pizza topping in naples');
    expect(declined!.body.response_type).toBe('ephemeral');
    expect(buttonsOf(declined!).map((b) => b.action_id)).not.toContain('fd_share');
  });
});

describe('/choose-framework', () => {
  it('runs the whole flow by clicks to a cited recommendation, replacing one message in place', async () => {
    let [message] = await runCommand('/choose-framework', '');
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
      const text = blockText(message!);
      if (text.includes('Recommendation:')) break;
      expect(text).toMatch(/question \d+ of \d+/);
      seen.push(text.match(/question \d+ of \d+/)![0]);
      const options = buttonsOf(message!).filter((b) => b.value.startsWith('cf1|a|'));
      expect(options.length).toBeGreaterThan(0);
      const replies = await click(options[0]!);
      expect(replies).toHaveLength(1);
      expect(replies[0]!.body.replace_original).toBe(true);
      message = replies[0];
    }
    const result = blockText(message!);
    expect(result).toContain('Recommendation:');
    expect(result).toMatch(/\*\[1\]\*/);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(buttonsOf(message!).map((b) => b.text)).toEqual(expect.arrayContaining(['🔄 Start over', 'Share in channel']));
    expect(h().problems()).toEqual([]);
  });

  it('goes back, cancels, and calls a stale or garbage button expired', async () => {
    const [first] = await runCommand('/choose-framework', '');
    const [second] = await click(buttonsOf(first!).find((b) => b.value.startsWith('cf1|a|'))!);
    const back = buttonsOf(second!).find((b) => b.value.startsWith('cf1|b|'));
    expect(back).toBeDefined();
    const [again] = await click(back!);
    expect(blockText(again!)).toContain('question 1 of');
    // A button from the questionnaire before a restart is stale.
    const staleOption = buttonsOf(first!).find((b) => b.value.startsWith('cf1|a|'))!;
    await runCommand('/choose-framework', '');
    const [expired] = await click(staleOption);
    expect(blockText(expired!)).toMatch(/expired/i);
    const [garbage] = await click({ action_id: 'fd_flow_0', value: 'cf1|a|../../etc|passwd' });
    expect(blockText(garbage!)).toMatch(/expired/i);
    const [unknown] = await click({ action_id: 'from_an_old_version', value: 'x' });
    expect(blockText(unknown!)).toMatch(/expired/i);
    const [fresh] = await runCommand('/choose-framework', '');
    const [cancelled] = await click(buttonsOf(fresh!).find((b) => b.value.startsWith('cf1|c|'))!);
    expect(blockText(cancelled!)).toContain('Cancelled');
    expect(h().problems()).toEqual([]);
  });

  it('takes presets and explains bad ones', async () => {
    const [bad] = await runCommand('/choose-framework', 'colour:blue');
    expect(blockText(bad!)).toContain('goal');
    const [first] = await runCommand('/choose-framework', '');
    const option = buttonsOf(first!)
      .find((b) => b.value.startsWith('cf1|a|'))!
      .value.split('|');
    const [preset] = await runCommand('/choose-framework', `${option[3]}:${option[4]}`);
    expect(blockText(preset!)).not.toContain('question 1 of');
  });

  it('a click on a shared (public) result opens a private questionnaire instead of replacing it', async () => {
    const [reply] = await click({ action_id: 'fd_flow_0', value: 'cf1|r' }, { ephemeral: false });
    expect(reply!.body.replace_original).toBe(false);
    expect(reply!.body.response_type).toBe('ephemeral');
  });
});
