/** Small stand-ins for ops tests that do not need the real knowledge base. */
import { Writable } from 'node:stream';
import type { ChatAdapter, HttpRoute } from '../../src/adapters/adapter.ts';
import type { Answer } from '../../src/core/answer/types.ts';
import type { Desk, ReloadResult } from '../../src/core/ports.ts';
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

export function okReload(trigger: string, overrides: Partial<ReloadResult> = {}): ReloadResult {
  return { ok: true, trigger, before: { documents: 5, chunks: 40 }, after: { documents: 6, chunks: 44 }, ms: 12, errors: [], ...overrides };
}

/** A Desk that records calls; reload results come from `reloadResult`. */
export function fakeDesk(reloadResult: (trigger: string) => ReloadResult = okReload): Desk & { reloads: string[] } {
  const reloads: string[] = [];
  const answer: Answer = { question: 'q', answered: true, lead: 'lead', snippets: [], suggestions: [] };
  return {
    reloads,
    ask: async (question) => ({ ...answer, question }),
    flow: async () => ({ kind: 'cancelled', message: 'bye' }),
    reload: async (trigger) => {
      reloads.push(trigger);
      return reloadResult(trigger);
    },
    recordFeedback: async () => 'recorded' as const,
    suggestTopics: () => [],
    report: async () => ({ unanswered: [], downvoted: [], feedback: [] }),
    status: () => ({ documents: 5, chunks: 40, loadedAt: new Date(0), frameworks: ['TensorFlow', 'PyTorch'] }),
    describeKnowledge: () => [],
  };
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
