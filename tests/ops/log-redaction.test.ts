import { describe, expect, it } from 'vitest';
import { redactSecretFields } from '../../src/ops/log-redaction.ts';
import { captureLogger } from './fakes.ts';

describe('log redaction by field name', () => {
  it('blanks secret fields at the top level and one or two levels down, in objects and arrays', () => {
    const { logger, lines } = captureLogger('info');
    logger.info(
      {
        token: 'top',
        config: { SLACK_BOT_TOKEN: 'one-down', redis: { REDIS_URL: 'two-down' } },
        req: { headers: { authorization: 'Bearer b', 'x-slack-signature': 'v0=sig', host: 'h' } },
        attempts: [{ password: 'p' }],
      },
      'hello',
    );
    expect(lines[0]).toMatchObject({
      token: '[Redacted]',
      config: { SLACK_BOT_TOKEN: '[Redacted]', redis: { REDIS_URL: '[Redacted]' } },
      req: { headers: { authorization: '[Redacted]', 'x-slack-signature': '[Redacted]', host: 'h' } },
      attempts: [{ password: '[Redacted]' }],
      msg: 'hello',
    });
  });

  it('never changes the objects the caller logged', () => {
    const { logger } = captureLogger('info');
    const fields = { user: 'U1', nested: { token: 'keep-me' } };
    logger.info(fields, 'x');
    expect(fields).toEqual({ user: 'U1', nested: { token: 'keep-me' } });
  });

  it('keeps an error an error: message and stack logged, its secret field blanked', () => {
    const { logger, raw, lines } = captureLogger('info');
    const error = Object.assign(new Error('connect failed'), { code: 'ECONNREFUSED', password: 'hunter2' });
    logger.error({ err: error }, 'store down');
    expect(raw.join('\n')).not.toContain('hunter2');
    expect(lines[0]!.err).toMatchObject({ type: 'Error', message: 'connect failed', code: 'ECONNREFUSED', password: '[Redacted]' });
    expect(String((lines[0]!.err as { stack: string }).stack)).toContain('connect failed');
    expect(error.password).toBe('hunter2');
  });

  it('blanks secret fields in child-logger bindings too', () => {
    const { logger, lines } = captureLogger('info');
    logger.child({ adapter: 'slack', botToken: 'xoxb-child' }).info('ready');
    expect(lines[0]).toMatchObject({ adapter: 'slack', botToken: '[Redacted]', msg: 'ready' });
  });

  it('returns the very same object when there is nothing to blank (no copy per log line)', () => {
    const fields = { event: 'question', user: 'U1', ms: 0.4, at: new Date(0), list: [1, 2] };
    expect(redactSecretFields(fields)).toBe(fields);
  });

  it('blanks secret values inside string fields, without touching the caller’s object, and logs other fields as given', () => {
    const { logger, lines } = captureLogger('info', ['redis-password-123']);
    const fields = { event: 'question', error: 'AUTH redis-password-123 refused', raw: 'sent xoxb-1234567-abcdef', user: 'U1', ms: 1.5, answered: true, none: undefined };
    logger.info(fields, 'x');
    logger.info({ event: 'question', user: 'U2', question: 'plain' }, 'y');
    class Line {
      note = 'xoxb-1234567-abcdef in a class';
    }
    logger.info(new Line(), 'z');
    expect(lines[0]).toMatchObject({ event: 'question', error: 'AUTH [Redacted] refused', raw: 'sent [Redacted]', user: 'U1', ms: 1.5, answered: true });
    expect(lines[0]).not.toHaveProperty('none');
    expect(fields.error).toBe('AUTH redis-password-123 refused');
    expect(lines[1]).toMatchObject({ event: 'question', user: 'U2', question: 'plain', msg: 'y' });
    expect(lines[2]).toMatchObject({ note: '[Redacted] in a class', msg: 'z' });
  });
});
