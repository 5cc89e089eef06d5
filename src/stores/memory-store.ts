/**
 * The default Store: everything in process memory, for one replica (use Redis for several). Every map is
 * bounded — session values (per key namespace) and dedupe keys expire, and the oldest are evicted beyond
 * `maxEntries`; declined and feedback tallies drop their least-counted entries beyond `maxQuestions` — so
 * a flood of abandoned questionnaires or one-off questions cannot grow memory without bound.
 */
import { type FeedbackRecord, MAX_CONVERSATION_CHARS, type Store, type StoreHealth, type UsageReport } from '../core/ports.ts';
import { ExpiringMap } from './expiring-map.ts';
import { reportKey, reportSuggestions, reportText } from './report-keys.ts';

export interface MemoryStoreOptions {
  /**
   * Most entries kept per map (oldest-written evicted first): dedupe keys, rate windows, and session
   * values per key namespace (`flow:`, `answer:`, `slack:` …), so a burst of answers cannot evict the
   * questionnaires people are clicking through.
   */
  maxEntries?: number;
  /** Most distinct questions kept in the declined and feedback tallies. */
  maxQuestions?: number;
  /** Most conversations remembered for follow-ups (least recently written forgotten first). */
  maxConversations?: number;
  /** Injectable clock (ms) for tests. */
  now?: () => number;
}

interface Tally {
  question: string;
  count: number;
  suggested: string[];
}
interface Votes {
  question: string;
  up: number;
  down: number;
  chunkIds: string[];
  at: number;
}

const MAX_NAMESPACES = 16;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export class MemoryStore implements Store {
  private readonly now: () => number;
  /** One map per key namespace (the text before the first ':'); a bounded number of namespaces. */
  private readonly sessions = new Map<string, ExpiringMap<string>>();
  private readonly maxEntries: number;
  private readonly claims: ExpiringMap<true>;
  private readonly rates: ExpiringMap<number>;
  private readonly conversations: ExpiringMap<string>;
  /** One report per workspace ('' is the deployment-wide one), so no admin ever reads another's questions. */
  private readonly reports = new Map<string, { declined: Map<string, Tally>; votes: Map<string, Votes> }>();
  /** Durable records (installations, settings): as many as there are workspaces, and never expiring. */
  private readonly records = new Map<string, string>();
  private readonly maxQuestions: number;

  constructor(options: MemoryStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    const max = options.maxEntries ?? 50_000;
    this.maxEntries = max;
    this.claims = new ExpiringMap(max, this.now);
    this.rates = new ExpiringMap(max, this.now);
    this.conversations = new ExpiringMap(options.maxConversations ?? max, this.now);
    this.maxQuestions = options.maxQuestions ?? 10_000;
  }

  /** Live sizes, for tests and metrics. */
  get sizes() {
    const maps = [...this.sessions.values()];
    return {
      sessions: sum(maps.map((m) => m.size)),
      sessionQueue: sum(maps.map((m) => m.queued)),
      claims: this.claims.size,
      rates: this.rates.size,
      conversations: this.conversations.size,
      declined: sum([...this.reports.values()].map((r) => r.declined.size)),
      feedback: sum([...this.reports.values()].map((r) => r.votes.size)),
      records: this.records.size,
    };
  }

  private scopedReport(workspace: string | undefined) {
    const scope = workspace ?? '';
    let report = this.reports.get(scope);
    if (!report) {
      report = { declined: new Map(), votes: new Map() };
      this.reports.set(scope, report);
    }
    return report;
  }

  private sessionMap(key: string): ExpiringMap<string> {
    const colon = key.indexOf(':');
    let namespace = colon > 0 ? key.slice(0, colon) : '';
    // Namespaces come from our own code; the cap only guards against a caller that puts data there.
    if (!this.sessions.has(namespace) && this.sessions.size >= MAX_NAMESPACES) namespace = '*';
    let map = this.sessions.get(namespace);
    if (!map) {
      map = new ExpiringMap(this.maxEntries, this.now);
      this.sessions.set(namespace, map);
    }
    return map;
  }

  async getSession(key: string): Promise<string | undefined> {
    return this.sessionMap(key).get(key);
  }

  async setSession(key: string, value: string, ttlMs: number): Promise<void> {
    this.sessionMap(key).set(key, value, ttlMs);
  }

  async deleteSession(key: string): Promise<void> {
    this.sessionMap(key).delete(key);
  }

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    if (this.claims.get(key)) return false;
    this.claims.set(key, true, ttlMs);
    return true;
  }

  async allowRate(key: string, limit: number, windowMs: number): Promise<boolean> {
    // Fixed window opened by the first hit, like the Redis INCR + PEXPIRE script.
    const count = (this.rates.get(key) ?? 0) + 1;
    if (!this.rates.update(key, count)) this.rates.set(key, count, windowMs);
    return count <= limit;
  }

  async getConversation(key: string): Promise<string | undefined> {
    return this.conversations.get(key);
  }

  async setConversation(key: string, value: string, ttlMs: number): Promise<void> {
    if (value.length > MAX_CONVERSATION_CHARS) this.conversations.delete(key);
    else this.conversations.set(key, value, ttlMs);
  }

  async recordFeedback(record: FeedbackRecord): Promise<void> {
    const key = reportKey(record.question);
    if (!key) return;
    const { votes: all } = this.scopedReport(record.workspace);
    const votes = all.get(key) ?? { question: reportText(record.question), up: 0, down: 0, chunkIds: [], at: record.at };
    votes[record.vote] += 1;
    votes.chunkIds = [...record.chunkIds];
    votes.at = record.at;
    all.set(key, votes);
    this.trim(all, (v) => v.down * 2 + v.up);
  }

  async recordDeclined(question: string, suggested: readonly string[] = [], workspace?: string): Promise<void> {
    const key = reportKey(question);
    if (!key) return;
    const { declined } = this.scopedReport(workspace);
    // The first phrasing stays: a report reads better than the last typo.
    const tally = declined.get(key) ?? { question: reportText(question), count: 0, suggested: [] };
    tally.count += 1;
    // The latest suggestions: they follow the base as it is edited and reloaded.
    tally.suggested = reportSuggestions(suggested);
    declined.set(key, tally);
    this.trim(declined, (t) => t.count);
  }

  /** Beyond the cap, drop the least counted (ties: the oldest), like the Redis sorted-set trim. */
  private trim<V>(map: Map<string, V>, weight: (value: V) => number): void {
    if (map.size <= this.maxQuestions) return;
    let victim: string | undefined;
    let lowest = Infinity;
    for (const [key, value] of map) {
      const w = weight(value);
      if (w < lowest) [victim, lowest] = [key, w];
    }
    if (victim !== undefined) map.delete(victim);
  }

  async report(limit: number, workspace?: string): Promise<UsageReport> {
    const scoped = this.reports.get(workspace ?? '');
    if (limit <= 0 || !scoped) return { unanswered: [], downvoted: [], feedback: [] };
    const unanswered = [...scoped.declined.values()]
      .sort((a, b) => b.count - a.count)
      .slice(0, limit)
      .map((t) => ({ ...t, suggested: [...t.suggested] }));
    const downvoted = [...scoped.votes.values()]
      .filter((v) => v.down > 0)
      .sort((a, b) => b.down - a.down || a.up - b.up)
      .slice(0, limit)
      .map((v) => ({ question: v.question, down: v.down, up: v.up, chunkIds: [...v.chunkIds] }));
    const feedback = [...scoped.votes.values()]
      .sort((a, b) => b.at - a.at)
      .slice(0, limit)
      .map((v) => ({ ...v, chunkIds: [...v.chunkIds] }));
    return { unanswered, downvoted, feedback };
  }

  async getRecord(key: string): Promise<string | undefined> {
    return this.records.get(key);
  }

  async setRecord(key: string, value: string): Promise<void> {
    this.records.set(key, value);
  }

  async deleteRecord(key: string): Promise<void> {
    this.records.delete(key);
  }

  health(): StoreHealth {
    return { kind: 'memory', up: true };
  }

  async close(): Promise<void> {
    // Nothing to release; kept async for the Store contract.
  }
}
