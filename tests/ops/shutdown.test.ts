import { describe, expect, it } from 'vitest';
import { trackInFlight } from '../../src/ops/in-flight.ts';
import { createShutdown } from '../../src/ops/shutdown.ts';
import { captureLogger, fakeDesk } from './fakes.ts';

describe('graceful shutdown steps', () => {
  it('runs every step in order once, bounds a hung step, and exits 0', async () => {
    const { logger, lines } = captureLogger();
    const order: string[] = [];
    const codes: number[] = [];
    const shutdown = createShutdown({
      logger,
      graceMs: 300,
      exit: (code) => codes.push(code),
      steps: [
        { name: 'first', run: async () => void order.push('first') },
        { name: 'hangs', run: () => new Promise(() => order.push('hangs')) },
        { name: 'throws', run: () => Promise.reject(new Error('close failed')) },
        { name: 'last', run: async () => void order.push('last') },
      ],
    });
    const started = Date.now();
    await Promise.all([shutdown('SIGTERM'), shutdown('SIGINT')]);
    expect(order).toEqual(['first', 'hangs', 'last']);
    expect(codes).toEqual([0]);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(lines.some((l) => String(l.msg).includes('"hangs" ran out of time'))).toBe(true);
    expect(lines.some((l) => String(l.msg).includes('"throws" failed'))).toBe(true);
  });

  it('waits for in-flight Desk calls, bounded', async () => {
    const inner = fakeDesk();
    let release!: () => void;
    inner.ask = (question) => new Promise((resolve) => (release = () => resolve({ question, answered: true, lead: '', snippets: [], suggestions: [] })));
    const desk = trackInFlight(inner);
    const pending = desk.ask('slow', { platform: 'cli', userId: 'u', conversation: 'c' });
    expect(desk.inFlight()).toBe(1);
    expect(await desk.drain(50)).toBe(false);
    setTimeout(() => release(), 30);
    expect(await desk.drain(1000)).toBe(true);
    expect((await pending).question).toBe('slow');
    expect(desk.inFlight()).toBe(0);
  });
});
