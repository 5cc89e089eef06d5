/**
 * The shared Store for several replicas, on Redis. Same contract as MemoryStore (the same test suite runs
 * against both). What happens while Redis is unreachable is a deliberate choice per operation:
 * - dedupe and rate limits fail OPEN (a rare duplicate beats a silent bot),
 * - best-effort writes (answer context, declined questions, feedback) are skipped with a warning,
 * - reading a flow session fails with `StoreUnavailableError`, whose message tells the user to try again.
 * Questions are therefore always answered; only flows pause until Redis is back.
 */
import type { ChainableCommander, Redis } from 'ioredis';
import { type FeedbackRecord, MAX_CONVERSATION_CHARS, StoreUnavailableError, type Store, type StoreHealth, type UsageReport } from '../core/ports.ts';
import { openRedis, connectRedis } from './redis-connection.ts';
import { parseStoredJson } from '../core/stored-json.ts';
import { reportKey, reportSuggestions, reportText } from './report-keys.ts';

export interface RedisStoreOptions {
  url: string;
  /** Prefix for every key, so deployments can share one Redis (default `fdesk:`). */
  keyPrefix?: string;
  commandTimeoutMs?: number;
  /** Told about every operation that failed and was answered fail-open (for logs and metrics). */
  onFailure?: (operation: string, error: unknown) => void;
  /**
   * Distinct questions kept for the report, each list: declined (the least asked are dropped beyond
   * this) and voted on (the least recently voted are dropped).
   */
  maxReported?: number;
  /** Most conversations remembered for follow-ups; the least recently written are forgotten beyond it. */
  maxConversations?: number;
}

/** Atomic fixed window: the first hit of a window sets its expiry, so a crash can never leave a key immortal. */
const RATE_SCRIPT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

/**
 * Saves a conversation turn and orders conversations by last write, for the cap: a write sequence, not
 * the clock, so writes in the same millisecond keep their order. Members whose key already expired are
 * the oldest and are dropped first. Returns the number of conversations remembered.
 */
const CONVERSATION_SCRIPT = `redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[3])
return redis.call('ZCARD', KEYS[2])`;

export class RedisStore implements Store {
  readonly redis: Redis;
  private readonly prefix: string;
  private readonly maxReported: number;
  private readonly maxConversations: number;

  constructor(private readonly options: RedisStoreOptions) {
    this.prefix = options.keyPrefix ?? 'fdesk:';
    this.maxReported = options.maxReported ?? 10_000;
    this.maxConversations = options.maxConversations ?? 100_000;
    this.redis = openRedis({ url: options.url, name: 'framework-desk:store', commandTimeoutMs: options.commandTimeoutMs ?? 1_000 });
  }

  /** Opens the connection; false when Redis did not answer within `timeoutMs` (it keeps retrying). */
  connect(timeoutMs = 5_000): Promise<boolean> {
    return connectRedis(this.redis, timeoutMs);
  }

  private key(...parts: string[]): string {
    return this.prefix + parts.join(':');
  }

  /** A report key of one workspace; the deployment-wide report keeps the key names it always had. */
  private reportKey(workspace: string | undefined, ...parts: string[]): string {
    return workspace ? this.key('w', workspace, ...parts) : this.key(...parts);
  }

  private async failOpen<T>(operation: string, fallback: T, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      this.options.onFailure?.(operation, error);
      return fallback;
    }
  }

  async getSession(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.get(this.key('s', key))) ?? undefined;
    } catch (error) {
      this.options.onFailure?.('getSession', error);
      throw new StoreUnavailableError(error);
    }
  }

  async setSession(key: string, value: string, ttlMs: number): Promise<void> {
    await this.failOpen('setSession', undefined, async () => {
      await this.redis.set(this.key('s', key), value, 'PX', Math.max(1, Math.round(ttlMs)));
    });
  }

  async deleteSession(key: string): Promise<void> {
    await this.failOpen('deleteSession', undefined, async () => {
      await this.redis.del(this.key('s', key));
    });
  }

  claimOnce(key: string, ttlMs: number): Promise<boolean> {
    return this.failOpen('claimOnce', true, async () => {
      const set = await this.redis.set(this.key('once', key), '1', 'PX', Math.max(1, Math.round(ttlMs)), 'NX');
      return set === 'OK';
    });
  }

  allowRate(key: string, limit: number, windowMs: number): Promise<boolean> {
    return this.failOpen('allowRate', true, async () => {
      const count = Number(await this.redis.eval(RATE_SCRIPT, 1, this.key('rate', key), Math.max(1, Math.round(windowMs))));
      return count <= limit;
    });
  }

  /** Fail-open: without Redis a follow-up is read as a new question, which is still answered. */
  getConversation(key: string): Promise<string | undefined> {
    return this.failOpen('getConversation', undefined, async () => (await this.redis.get(this.key('conv', key))) ?? undefined);
  }

  async setConversation(key: string, value: string, ttlMs: number): Promise<void> {
    await this.failOpen('setConversation', undefined, async () => {
      const stored = this.key('conv', key);
      if (value.length > MAX_CONVERSATION_CHARS) {
        await this.redis.del(stored);
        return;
      }
      const recent = this.key('conv-recent');
      const size = await this.redis.eval(CONVERSATION_SCRIPT, 3, stored, recent, this.key('conv-seq'), value, Math.max(1, Math.round(ttlMs)), key);
      await this.dropLowest(recent, size, (drop, dropped) => drop.del(...dropped.map((k) => this.key('conv', k))), this.maxConversations);
    });
  }

  async recordFeedback(record: FeedbackRecord): Promise<void> {
    const question = reportKey(record.question);
    if (!question) return;
    const ws = record.workspace;
    await this.failOpen('recordFeedback', undefined, async () => {
      const hash = this.reportKey(ws, 'fb', question);
      const recent = this.reportKey(ws, 'fb-recent');
      const multi = this.redis
        .multi()
        .hincrby(hash, record.vote, 1)
        .hsetnx(hash, 'question', reportText(record.question))
        .hset(hash, 'chunkIds', JSON.stringify(record.chunkIds))
        .zadd(recent, record.at, question);
      if (record.vote === 'down') multi.zincrby(this.reportKey(ws, 'fb-down'), 1, question);
      const replies = await multi.zcard(recent).exec();
      // Forget the questions voted on longest ago, so feedback cannot grow Redis without bound.
      await this.dropLowest(recent, replies?.at(-1)?.[1], (drop, dropped) =>
        drop.zrem(this.reportKey(ws, 'fb-down'), ...dropped).del(...dropped.map((q) => this.reportKey(ws, 'fb', q))),
      );
    });
  }

  async recordDeclined(question: string, suggested: readonly string[] = [], ws?: string): Promise<void> {
    const normalised = reportKey(question);
    if (!normalised) return;
    await this.failOpen('recordDeclined', undefined, async () => {
      const zset = this.reportKey(ws, 'declined');
      const texts = this.reportKey(ws, 'declined-text');
      const suggestions = this.reportKey(ws, 'declined-suggested');
      const replies = await this.redis
        .multi()
        .zincrby(zset, 1, normalised)
        // The first phrasing stays: a report reads better than the last typo.
        .hsetnx(texts, normalised, reportText(question))
        // The latest suggestions: they follow the base as it is edited and reloaded.
        .hset(suggestions, normalised, JSON.stringify(reportSuggestions(suggested)))
        .zcard(zset)
        .exec();
      // Drop the least asked so a flood of one-off questions cannot grow Redis without bound.
      await this.dropLowest(zset, replies?.[3]?.[1], (drop, dropped) => drop.hdel(texts, ...dropped).hdel(suggestions, ...dropped));
    });
  }

  /**
   * Keeps a sorted set at `max` members (a report's: `maxReported`): when `size` (its ZCARD) is over, the
   * lowest scored are removed from it, and `also` removes what belongs to them, in one transaction.
   */
  private async dropLowest(zset: string, size: unknown, also: (drop: ChainableCommander, dropped: string[]) => ChainableCommander, max = this.maxReported): Promise<void> {
    const over = Number(size) - max;
    if (!(over > 0)) return;
    const dropped = await this.redis.zrange(zset, 0, String(over - 1));
    if (dropped.length > 0) await also(this.redis.multi().zrem(zset, ...dropped), dropped).exec();
  }

  async report(limit: number, ws?: string): Promise<UsageReport> {
    if (limit <= 0) return { unanswered: [], downvoted: [], feedback: [] };
    try {
      return await this.readReport(limit, ws);
    } catch (error) {
      this.options.onFailure?.('report', error);
      throw new StoreUnavailableError(error);
    }
  }

  private async readReport(limit: number, ws: string | undefined): Promise<UsageReport> {
    const declined = await this.redis.zrevrange(this.reportKey(ws, 'declined'), 0, limit - 1, 'WITHSCORES');
    const declinedKeys = declined.filter((_, i) => i % 2 === 0);
    const texts = declinedKeys.length > 0 ? await this.redis.hmget(this.reportKey(ws, 'declined-text'), ...declinedKeys) : [];
    const suggested = declinedKeys.length > 0 ? await this.redis.hmget(this.reportKey(ws, 'declined-suggested'), ...declinedKeys) : [];
    const unanswered = declinedKeys.map((key, i) => ({ question: texts[i] ?? key, count: Number(declined[i * 2 + 1]), suggested: stringsOf(suggested[i]) }));

    const down = await this.redis.zrevrange(this.reportKey(ws, 'fb-down'), 0, limit - 1, 'WITHSCORES');
    const downKeys = down.filter((_, i) => i % 2 === 0);
    const downHashes = await this.feedbackHashes(ws, downKeys);
    const downvoted = downKeys.map((key, i) => {
      const hash = downHashes[i] ?? {};
      return {
        question: hash.question ?? key,
        down: Number(hash.down ?? down[i * 2 + 1] ?? 0),
        up: Number(hash.up ?? 0),
        chunkIds: stringsOf(hash.chunkIds),
      };
    });

    const recent = await this.redis.zrevrange(this.reportKey(ws, 'fb-recent'), 0, limit - 1, 'WITHSCORES');
    const recentKeys = recent.filter((_, i) => i % 2 === 0);
    const recentHashes = await this.feedbackHashes(ws, recentKeys);
    const feedback = recentKeys.map((key, i) => {
      const hash = recentHashes[i] ?? {};
      return { question: hash.question ?? key, up: Number(hash.up ?? 0), down: Number(hash.down ?? 0), chunkIds: stringsOf(hash.chunkIds), at: Number(recent[i * 2 + 1]) };
    });
    return { unanswered, downvoted, feedback };
  }

  /** The vote hashes of these questions, in one round trip. */
  private async feedbackHashes(ws: string | undefined, questions: string[]): Promise<Record<string, string>[]> {
    if (questions.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const question of questions) pipeline.hgetall(this.reportKey(ws, 'fb', question));
    const replies = (await pipeline.exec()) ?? [];
    return questions.map((_, i) => (replies[i]?.[1] ?? {}) as Record<string, string>);
  }

  /** Durable records: a plain key without expiry. An outage is reported, never answered with a guess. */
  async getRecord(key: string): Promise<string | undefined> {
    return (await this.strict('getRecord', () => this.redis.get(this.key('rec', key)))) ?? undefined;
  }

  async setRecord(key: string, value: string): Promise<void> {
    await this.strict('setRecord', () => this.redis.set(this.key('rec', key), value));
  }

  async deleteRecord(key: string): Promise<void> {
    await this.strict('deleteRecord', () => this.redis.del(this.key('rec', key)));
  }

  private async strict<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      this.options.onFailure?.(operation, error);
      throw new StoreUnavailableError(error);
    }
  }

  health(): StoreHealth {
    return { kind: 'redis', up: this.redis.status === 'ready' };
  }

  async close(): Promise<void> {
    if (this.redis.status !== 'ready') {
      this.redis.disconnect();
      return;
    }
    try {
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }
}

/** A stored JSON list of strings (chunk ids, headings); a corrupt value (hand-edited, older release) reads as none. */
function stringsOf(raw: string | null | undefined): string[] {
  const parsed = parseStoredJson<unknown[]>(raw);
  return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
}
