/**
 * Boots the real Discord adapter (production client configuration) against the stand-in, with a real
 * Desk over a private copy of the knowledge base, and checks every REST body against the spec.
 */
import { layerDesk } from '../../src/ops/desk-layer.ts';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { ChatAdapter } from '../../src/adapters/adapter.ts';
import { createDiscordAdapter } from '../../src/adapters/discord/index.ts';
import { createDesk } from '../../src/core/desk.ts';
import type { Desk } from '../../src/core/ports.ts';
import { MemoryStore } from '../../src/stores/memory-store.ts';
import { LISTED_ADMIN_ID } from './payloads.ts';
import { specValidator } from './spec-validator.ts';
import { DiscordStandIn, type RecordedCall } from './standin.ts';

export interface Harness {
  standIn: DiscordStandIn;
  desk: Desk;
  knowledgeDir: string;
  adapter: ChatAdapter;
  logs: { level: number; msg: string }[];
  /** Dispatches an event and returns the REST calls it caused (waits for `count` of them). */
  send(t: 'MESSAGE_CREATE' | 'INTERACTION_CREATE', d: unknown, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  close(): Promise<void>;
}

/** Problems with any recorded call: spec violations, or a message body without `allowed_mentions: {parse: []}`. */
export function problemsIn(calls: RecordedCall[]): string[] {
  const problems: string[] = [];
  for (const call of calls) {
    for (const p of specValidator().check(call.method, call.path, call.body)) problems.push(`${call.method} ${call.path}: ${p}`);
    const body = call.body as { type?: number; data?: Record<string, unknown> } & Record<string, unknown>;
    const message = call.path.endsWith('/callback') ? body.data : call.path.includes('/commands') ? undefined : body;
    // Deferrals (type 5/6) and autocomplete (8) carry no content that could mention anyone.
    const carriesContent = message && ('content' in message || 'embeds' in message);
    const mentions = message?.allowed_mentions as { parse?: unknown[] } | undefined;
    if (carriesContent && !(Array.isArray(mentions?.parse) && mentions.parse.length === 0)) {
      problems.push(`${call.method} ${call.path}: allowed_mentions.parse is not [] (${JSON.stringify(mentions)})`);
    }
  }
  return problems;
}

/**
 * `wrapDesk` can replace Desk methods; `realDesk: false` skips loading the knowledge base (for
 * wrappers that script every answer).
 */
export async function startHarness(wrapDesk: (desk: Desk) => Desk = (d) => d, realDesk = true): Promise<Harness> {
  const knowledgeDir = mkdtempSync(join(tmpdir(), 'fd-discord-kb-'));
  if (realDesk) cpSync('knowledge', knowledgeDir, { recursive: true });
  const store = new MemoryStore();
  const base = realDesk ? await createDesk({ knowledgeDir, store }) : (undefined as unknown as Desk);
  const desk = wrapDesk(base);
  const standIn = await DiscordStandIn.start();
  const logs: { level: number; msg: string }[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line) as { level: number; msg: string }) });
  const adapter = createDiscordAdapter({ desk, store, logger, token: 'test-token.standin.0000000000', apiUrl: standIn.apiUrl, adminUserIds: [LISTED_ADMIN_ID] });
  await adapter.start();
  return {
    standIn,
    desk,
    knowledgeDir,
    adapter,
    logs,
    async send(t, d, count = 1, timeoutMs = 5_000) {
      const from = standIn.calls.length;
      standIn.dispatch(t, d);
      const calls = await standIn.waitForCalls(() => true, count, from, timeoutMs);
      return calls.slice(0, count);
    },
    async close() {
      await adapter.stop();
      await standIn.close();
      rmSync(knowledgeDir, { recursive: true, force: true });
    },
  };
}

/** Delegating wrapper so a test can replace one Desk method (failures, slowness, spies): ops' one Desk layer. */
export function overrideDesk(desk: Desk, overrides: Partial<Desk>): Desk {
  return layerDesk(desk, overrides);
}
