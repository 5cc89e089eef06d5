import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer/types.ts';
import { loadConfig, secretValues } from '../../src/ops/config.ts';
import { createMetrics, triggerLabel } from '../../src/ops/metrics.ts';
import { createDeskObserver } from '../../src/ops/observer.ts';
import { captureLogger } from './fakes.ts';
import { okReload } from '../support/fake-desk.ts';

const citation = { title: 'T', source: 'S', date: '2024', chunkId: 'doc#deployment' };
const answered: Answer = {
  id: 'abc',
  question: 'how do I deploy tf on phones?',
  answered: true,
  lead: 'TF Lite.',
  snippets: [{ text: 'TensorFlow Lite…', citation, frameworks: ['tensorflow'] }],
  suggestions: [],
};
const declined: Answer = { question: 'weather?', answered: false, lead: 'no', snippets: [], suggestions: [], declineReason: 'off_topic' };

describe('Desk observer', () => {
  it('logs one line per question with platform, latency, outcome and top citation, and counts it', async () => {
    const { logger, lines } = captureLogger();
    const metrics = createMetrics({ defaultMetrics: false });
    const observer = createDeskObserver(logger, metrics);
    observer.onAnswer!(answered, { platform: 'slack', userId: 'U1', conversation: 'C1' }, 3.456);
    observer.onAnswer!(declined, { platform: 'discord', userId: 'D1', conversation: 'G1' }, 1);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ event: 'question', platform: 'slack', ms: 3.46, answered: true, topCitation: 'doc#deployment' });
    expect(lines[1]).toMatchObject({ event: 'question', platform: 'discord', answered: false, declineReason: 'off_topic' });
    const text = await metrics.registry.metrics();
    expect(text).toContain('fdesk_questions_total{platform="slack",outcome="answered",reason="none"} 1');
    expect(text).toContain('fdesk_questions_total{platform="discord",outcome="declined",reason="off_topic"} 1');
    expect(text).toContain('fdesk_answer_latency_seconds_count{platform="slack"} 1');
  });

  it('logs a bug while answering as an error with its message, and counts it as internal', async () => {
    const { logger, lines } = captureLogger();
    const metrics = createMetrics({ defaultMetrics: false });
    const bug: Answer = { question: 'q', answered: false, lead: 'Sorry', snippets: [], suggestions: [], declineReason: 'internal', error: 'TypeError: x is undefined' };
    createDeskObserver(logger, metrics).onAnswer!(bug, { platform: 'console', userId: 'u', conversation: 'c' }, 1);
    expect(lines[0]).toMatchObject({ level: 50, error: 'TypeError: x is undefined', msg: expect.stringMatching(/bug/) });
    expect(await metrics.registry.metrics()).toContain('fdesk_questions_total{platform="console",outcome="declined",reason="internal"} 1');
  });

  it('counts reloads by bounded trigger label and result, and logs every error with file and line', async () => {
    const { logger, lines } = captureLogger();
    const metrics = createMetrics({ defaultMetrics: false });
    const observer = createDeskObserver(logger, metrics);
    observer.onReload!(okReload('slack:U123'));
    const error = { file: 'a.md', line: 7, message: 'bad', severity: 'error' as const, code: 'x' };
    observer.onReload!(okReload('sighup', { ok: false, errors: [error], after: { documents: 5, chunks: 40 } }));
    const text = await metrics.registry.metrics();
    expect(text).toContain('fdesk_reloads_total{trigger="slack",result="ok"} 1');
    expect(text).toContain('fdesk_reloads_total{trigger="sighup",result="failed"} 1');
    expect(text).toContain('fdesk_knowledge_chunks 44');
    expect(String(lines[1]?.msg)).toContain('a.md:7: bad');
    expect(triggerLabel('U123 did it')).toBe('other');
  });

  it('counts feedback and flow results per platform, and a throwing logger never reaches the core', async () => {
    const { logger } = captureLogger();
    const metrics = createMetrics({ defaultMetrics: false });
    const observer = createDeskObserver(logger, metrics);
    observer.onFeedback!({ vote: 'down', question: 'q', chunkIds: [], platform: 'console', userId: 'me', at: 0 });
    observer.onFlowResult!({ platform: 'discord', userId: 'u', conversation: 'c' });
    const text = await metrics.registry.metrics();
    expect(text).toContain('fdesk_feedback_total{platform="console",vote="down"} 1');
    expect(text).toContain('fdesk_flow_results_total{platform="discord"} 1');
    const broken = createDeskObserver(
      {
        ...logger,
        info: () => {
          throw new Error('disk full');
        },
        error: () => undefined,
      } as never,
      metrics,
    );
    expect(() => broken.onAnswer!(answered, { platform: 'cli', userId: 'u', conversation: 'c' }, 1)).not.toThrow();
  });

  it('redacts tokens by field name and by value', () => {
    const { logger, raw } = captureLogger('info', ['xoxb-very-secret-token']);
    logger.info({ token: 'abc', headers: { authorization: 'Bearer zzz' }, env: { DISCORD_TOKEN: 'ddd' } }, 'auth failed for xoxb-very-secret-token');
    logger.error({ err: new Error('redis://:hunter2@x failed xoxb-very-secret-token') }, 'boom');
    const all = raw.join('\n');
    expect(all).not.toMatch(/xoxb-very-secret-token|Bearer zzz|"abc"|ddd/);
    expect(all).toContain('[Redacted]');
  });

  it('redacts secret values in string fields too, and the Redis password on its own', () => {
    const env = loadConfig({ REDIS_URL: 'redis://:hunter2-pass@cache:6379', DISCORD_TOKEN: 'discord.token.value.long-enough' });
    if (!env.ok) throw new Error('config should load');
    const { logger, raw } = captureLogger('info', secretValues(env.config.env));
    logger.warn({ error: 'AUTH hunter2-pass rejected', raw: 'Bot discord.token.value.long-enough' }, 'store failed');
    const all = raw.join('\n');
    expect(all).not.toMatch(/hunter2-pass|discord\.token\.value/);
    expect(all).toContain('AUTH [Redacted] rejected');
  });

  it('blanks any Slack token shape, configured or not (per-workspace bot tokens from OAuth installs)', () => {
    const { logger, raw } = captureLogger('info');
    logger.info({ detail: 'sent with xoxb-1234-5678-abcdefgh' }, 'refresh xoxe-1-abcdefgh and xapp-1-A0-123456 failed');
    logger.error({ err: new Error('invalid_auth for xoxp-99-user-token') }, 'boom');
    const all = raw.join('\n');
    expect(all).not.toMatch(/xox[bpe]-\w|xapp-1-A0/);
    expect(all).toContain('sent with [Redacted]');
  });
});
