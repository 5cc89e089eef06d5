/**
 * Prometheus metrics on a Registry of our own (not prom-client's global one), so tests and several Desks in
 * one process never collide. Label values are bounded sets: platform, outcome, vote, result — never user
 * ids or free text, which would explode series cardinality. Our metrics are named `fdesk_*`; the process
 * metrics keep prom-client's standard `process_*` / `nodejs_*` names.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { StoreHealth } from '../core/ports.ts';

export interface DeskMetrics {
  registry: Registry;
  questions: Counter<'platform' | 'outcome' | 'reason'>;
  answerLatency: Histogram<'platform'>;
  reloads: Counter<'trigger' | 'result'>;
  reloadDuration: Histogram;
  knowledgeDocuments: Gauge;
  knowledgeChunks: Gauge;
  knowledgeLoadedAt: Gauge;
  feedback: Counter<'platform' | 'vote'>;
  flowResults: Counter<'platform'>;
  storeFailures: Counter<'operation'>;
  reloadBroadcasts: Counter<'direction'>;
  httpRequests: Counter<'route' | 'status'>;
  storeUp: Gauge<'kind'>;
  /** Tells `fdesk_store_up` where to read the store's health at each scrape. */
  watchStore(health: () => StoreHealth): void;
}

export interface MetricsOptions {
  /** Process metrics (CPU, memory, event-loop lag, GC). Off in tests that build many registries. */
  defaultMetrics?: boolean;
}

export function createMetrics(options: MetricsOptions = {}): DeskMetrics {
  const registry = new Registry();
  // prom-client's standard names (process_cpu_seconds_total, nodejs_heap_size_used_bytes, …), unprefixed:
  // the stock Node.js dashboards and alerts query exactly these. Our own metrics keep `fdesk_`.
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  let storeHealth: (() => StoreHealth) | undefined;
  return {
    registry,
    questions: new Counter({
      name: 'fdesk_questions_total',
      help: 'Questions asked, by platform and outcome (answered/declined) and decline reason.',
      labelNames: ['platform', 'outcome', 'reason'],
      registers,
    }),
    answerLatency: new Histogram({
      name: 'fdesk_answer_latency_seconds',
      help: 'Time from question to composed answer inside the Desk (retrieval, rate limit and store calls).',
      labelNames: ['platform'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    reloads: new Counter({
      name: 'fdesk_reloads_total',
      help: 'Knowledge reloads by trigger (sighup, http, admin, watch, broadcast, slack, discord, console, …) and result (ok/failed).',
      labelNames: ['trigger', 'result'],
      registers,
    }),
    reloadDuration: new Histogram({
      name: 'fdesk_reload_duration_seconds',
      help: 'Time to parse, validate and index the knowledge base on reload.',
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    knowledgeDocuments: new Gauge({ name: 'fdesk_knowledge_documents', help: 'Documents in the serving knowledge base.', registers }),
    knowledgeChunks: new Gauge({ name: 'fdesk_knowledge_chunks', help: 'Chunks in the serving knowledge base.', registers }),
    knowledgeLoadedAt: new Gauge({
      name: 'fdesk_knowledge_loaded_timestamp_seconds',
      help: 'Unix time the serving knowledge base was loaded.',
      registers,
    }),
    feedback: new Counter({
      name: 'fdesk_feedback_total',
      help: '👍/👎 clicks on answers, by platform and vote.',
      labelNames: ['platform', 'vote'],
      registers,
    }),
    flowResults: new Counter({
      name: 'fdesk_flow_results_total',
      help: '/choose-framework flows that reached a recommendation, by platform.',
      labelNames: ['platform'],
      registers,
    }),
    storeFailures: new Counter({
      name: 'fdesk_store_failures_total',
      help: 'Store (Redis) operations that failed and were answered fail-open or with "try again".',
      labelNames: ['operation'],
      registers,
    }),
    reloadBroadcasts: new Counter({
      name: 'fdesk_reload_broadcasts_total',
      help: 'Reload broadcasts over Redis pub/sub, sent by this replica or received from others.',
      labelNames: ['direction'],
      registers,
    }),
    httpRequests: new Counter({
      name: 'fdesk_http_requests_total',
      help: 'Requests on the shared HTTP port, by route and status code.',
      labelNames: ['route', 'status'],
      registers,
    }),
    storeUp: new Gauge({
      name: 'fdesk_store_up',
      help: 'Whether the shared store is reachable (1) or not (0), by kind (memory/redis); read at each scrape.',
      labelNames: ['kind'],
      registers,
      collect() {
        const health = storeHealth?.();
        if (!health) return;
        this.reset();
        this.set({ kind: health.kind }, health.up ? 1 : 0);
      },
    }),
    watchStore(health) {
      storeHealth = health;
    },
  };
}

const KNOWN_TRIGGERS = new Set(['startup', 'sighup', 'http', 'admin', 'watch', 'broadcast', 'slack', 'discord', 'console', 'cli', 'test']);

/**
 * Reload triggers arrive as free text ("slack:U123", "broadcast:replica-b"); the metric keeps only the
 * leading word when it is a known trigger, so a user id can never become a label value.
 */
export function triggerLabel(trigger: string): string {
  const head = trigger.toLowerCase().split(/[^a-z]/)[0] ?? '';
  return KNOWN_TRIGGERS.has(head) ? head : 'other';
}
