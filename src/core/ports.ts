/**
 * Ports: what the core needs from the outside world (storage, observation) and what adapters get from
 * the core (`Desk`). Implementations are chosen in `src/main.ts`: memory by default, Redis with REDIS_URL.
 */
import type { Answer } from './answer/types.ts';
import type { FlowAction, FlowStep } from './flow/types.ts';
import type { KnowledgeIssue } from './knowledge/schema.ts';

export type Platform = 'slack' | 'discord' | 'console' | 'cli' | 'http';

/** Who is talking, where. `conversation` is a channel/thread/DM id; it scopes flow sessions. */
export interface Requester {
  platform: Platform;
  userId: string;
  conversation: string;
}

export interface FeedbackRecord {
  vote: 'up' | 'down';
  question: string;
  chunkIds: string[];
  platform: Platform;
  userId: string;
  at: number;
}

/**
 * What became of a 👍/👎: counted; not counted because this person already rated this answer; the answer
 * is unknown or past its feedback window; or the store is unreachable right now.
 */
export type FeedbackOutcome = 'recorded' | 'already-rated' | 'expired' | 'unavailable';

export interface UsageReport {
  /** Most asked questions the bot declined, most frequent first. */
  unanswered: { question: string; count: number }[];
  /** Answers with the most down-votes, by question. */
  downvoted: { question: string; down: number; up: number; chunkIds: string[] }[];
}

/** Where shared state lives and whether it is reachable right now (for /readyz and metrics). */
export interface StoreHealth {
  kind: 'memory' | 'redis';
  /** False while the backing service is unreachable; the store then answers fail-open or fail-fast. */
  up: boolean;
}

/**
 * Thrown by a Store when shared state cannot be read (Redis down); the message is safe to show to a
 * user. The Desk turns it into a "try again" step or an `unavailable` vote, never a crash.
 */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The shared session store is unreachable right now — please try again in a moment.', { cause });
    this.name = 'StoreUnavailableError';
  }
}

/** Shared state. Every method is async so Redis can stand behind it. */
export interface Store {
  /** Flow sessions, expiring `ttlMs` after the last write. */
  getSession(key: string): Promise<string | undefined>;
  setSession(key: string, value: string, ttlMs: number): Promise<void>;
  deleteSession(key: string): Promise<void>;
  /** Returns true the first time `key` is claimed within `ttlMs`, false for duplicates. */
  claimOnce(key: string, ttlMs: number): Promise<boolean>;
  /** Token bucket / fixed window per key; true when the call is allowed. */
  allowRate(key: string, limit: number, windowMs: number): Promise<boolean>;
  recordFeedback(record: FeedbackRecord): Promise<void>;
  recordDeclined(question: string): Promise<void>;
  report(limit: number): Promise<UsageReport>;
  /** Reachability right now, answered from connection state without a round trip. */
  health(): StoreHealth;
  close(): Promise<void>;
}

/**
 * A publish/subscribe channel between replicas for reload announcements: Redis pub/sub in production
 * (`src/stores/redis-reload-bus.ts`), the ShardingManager's IPC channel for Discord shard children.
 */
export interface ReloadBus {
  publish(message: string): Promise<void>;
  /** Starts delivering messages published by anyone (including this process) to `onMessage`. */
  subscribe(onMessage: (message: string) => void): Promise<void>;
  close(): Promise<void>;
}

export interface ReloadResult {
  ok: boolean;
  trigger: string;
  before: { documents: number; chunks: number };
  after: { documents: number; chunks: number };
  ms: number;
  /** Every error with file and line; empty when ok. The old base keeps serving on failure. */
  errors: KnowledgeIssue[];
}

export interface KnowledgeStatus {
  documents: number;
  chunks: number;
  loadedAt: Date;
}

/** Hooks for logs and metrics; the core calls them, `src/ops` implements them. */
export interface DeskObserver {
  onAnswer?(answer: Answer, who: Requester, ms: number): void;
  onReload?(result: ReloadResult): void;
  onFeedback?(record: FeedbackRecord): void;
  onFlowResult?(who: Requester): void;
}

/** Everything an adapter needs from the core. */
export interface Desk {
  /** Answers a question; never throws for any input. Declined answers are recorded for the report. */
  ask(question: string, who: Requester): Promise<Answer>;
  /** Advances the /choose-framework flow of `who`; stale or tampered actions yield expired/invalid steps. */
  flow(who: Requester, action: FlowAction): Promise<FlowStep>;
  /** Reloads knowledge + flow all-or-nothing; concurrent calls are serialised. */
  reload(trigger: string): Promise<ReloadResult>;
  /**
   * Records a 👍/👎 on an answer by its `Answer.id` (buttons carry only that id: Discord custom_ids are
   * 100 characters). One vote per person per answer counts, on every platform.
   */
  recordFeedback(answerId: string, vote: FeedbackRecord['vote'], who: Requester): Promise<FeedbackOutcome>;
  /** Knowledge-base topics matching what the user has typed so far (autocomplete). */
  suggestTopics(prefix: string, limit: number): string[];
  report(limit: number): Promise<UsageReport>;
  status(): KnowledgeStatus;
}
