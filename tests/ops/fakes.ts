/** Small stand-ins for ops tests (the fake Desk is tests/support/fake-desk.ts, shared by every suite). */
import { Writable } from 'node:stream';
import type { ChatAdapter, HttpRoute } from '../../src/adapters/adapter.ts';
import { createLogger, type Logger } from '../../src/ops/logger.ts';

/** A logger whose JSON lines land in `lines` (parsed). */
export function captureLogger(level: 'info' | 'debug' | 'warn' = 'info', secrets: string[] = []): { logger: Logger; lines: Record<string, unknown>[]; raw: string[] } {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { logger: createLogger({ level, destination, secrets }), lines, raw };
}

export function fakeAdapter(name: ChatAdapter['name'], routes: HttpRoute[] = []): ChatAdapter & { ready: boolean; stopped: number } {
  return {
    name,
    ready: true,
    stopped: 0,
    httpRoutes: routes,
    async start() {},
    async stop() {
      this.stopped += 1;
      this.ready = false;
    },
    isReady() {
      return this.ready;
    },
  };
}
