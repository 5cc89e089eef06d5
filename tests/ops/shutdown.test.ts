import { describe, expect, it } from 'vitest';
import { WorkInFlight } from '../../src/adapters/work-in-flight.ts';
import { createShutdown } from '../../src/ops/shutdown.ts';
import { captureLogger } from './fakes.ts';

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

  it('waits for in-flight handler work, bounded, and forgets work that failed', async () => {
    const work = new WorkInFlight();
    let release!: () => void;
    const slow = work.track(new Promise<string>((resolve) => (release = () => resolve('slow'))));
    void work.track(Promise.reject(new Error('handler bug'))).catch(() => undefined);
    expect(work.size).toBe(2);
    expect(await work.settle(50)).toBe(false);
    setTimeout(() => release(), 30);
    expect(await work.settle(1000)).toBe(true);
    expect(await slow).toBe('slow');
    expect(work.size).toBe(0);
  });
});
