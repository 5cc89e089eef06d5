/** While the adapter drains for shutdown, a slash command is still acked, with a "restarting" note, never left to time out. */
import { describe, expect, it } from 'vitest';
import { useHarness } from './harness.ts';
import { slashCommand } from './payloads.ts';

const h = useHarness();

describe('Slack while shutting down', () => {
  it('acks a slash command with a friendly restarting note and does no work', async () => {
    await h().adapter.stop();
    const ack = await h().command(slashCommand('/framework-ask', 'is pytorch good for research?', h().standIn.responseUrl('late')));
    expect(ack.status).toBe(200);
    expect(JSON.parse(ack.body)).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/restarting/) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h().standIn.calls.filter((c) => c.method === 'response:late')).toHaveLength(0);
  });
});
