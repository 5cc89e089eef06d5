/** Slack 429s: the answer waits for Retry-After and then goes out once (Bolt's WebClient, our retry policy). */
import { describe, expect, it } from 'vitest';
import { useHarness } from './harness.ts';
import { appMention } from './payloads.ts';

const h = useHarness();

describe('Slack rate limits', () => {
  it('retries chat.postMessage after Retry-After and posts exactly once', async () => {
    h().standIn.rateLimit('chat.postMessage', 1, 1);
    const ack = await h().event(appMention({ text: 'Which is easier to deploy on mobile?' }));
    expect(ack.status).toBe(200);
    const calls = () => h().standIn.calls.filter((c) => c.method === 'chat.postMessage');
    await h().standIn.waitFor(() => calls().some((c) => c.status === 200), 8_000, 'the retried post');
    const [limited, ok] = calls();
    expect(limited!.status).toBe(429);
    expect(ok!.status).toBe(200);
    // Retry-After: 1 → not before one second, and not much later either.
    expect(ok!.at - limited!.at).toBeGreaterThanOrEqual(1_000);
    expect(ok!.at - limited!.at).toBeLessThan(4_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls().filter((c) => c.status === 200)).toHaveLength(1);
  }, 15_000);
});
