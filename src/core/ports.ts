/**
 * Ports: what the core needs from the outside world (storage, observation) and what adapters get from
 * the core (`Desk`). Implementations are chosen in `src/main.ts`: memory by default, Redis with REDIS_URL.
 */
import type { Answer } from './answer/types.ts';
import type { FlowAction, FlowStep } from './flow/types.ts';
import type { KnowledgeFile } from './knowledge/overview.ts';
import type { KnowledgeIssue } from './knowledge/schema.ts';
import type { WorkspaceSettingsStore } from './settings/settings-store.ts';

export type Platform = 'slack' | 'discord' | 'console' | 'cli' | 'http';

/** Who is talking, where. `conversation` is a channel/thread/DM id; it scopes flow sessions. */
export interface Requester {
  platform: Platform;
  userId: string;
  conversation: string;
  /** The conversation a question belongs to, for follow-ups; unset, every question stands alone. */
  thread?: ThreadRef;
  /**
   * The workspace the question comes from (`slack:T…` when Slack runs multi-workspace, `discord:{guild}`);
   * the usage report, feedback and rate limits are kept apart per workspace. Unset: the deployment-wide
   * scope (single-token Slack, DMs, the console).
   */
  workspace?: string;
}

/**
 * Where a question sits in a conversation (see docs/follow-ups.md). Keys start with the platform and
 * name the whole place: Slack team + channel + thread, a Discord thread or reply chain, a DM, a console
 * session.
 */
export interface ThreadRef {
  /** Where this question's turn is saved. */
  key: string;
  /** The turn this question continues, when that is not `key` (a Discord reply to an earlier answer). */
  continues?: string;
}

/** Longest conversation turn a Store keeps; the core writes far smaller ones (capped question and snippets). */
export const MAX_CONVERSATION_CHARS = 16_000;

export interface FeedbackRecord {
  vote: 'up' | 'down';
  question: string;
  chunkIds: string[];
  platform: Platform;
  userId: string;
  at: number;
  /** The workspace the rated answer was given in (see `Requester.workspace`); unset: deployment-wide. */
  workspace?: string;
}

/**
 * What became of a 👍/👎: counted; not counted because this person already rated this answer; the answer
 * is unknown or past its feedback window; or the store is unreachable right now.
 */
export type FeedbackOutcome = 'recorded' | 'already-rated' | 'expired' | 'unavailable';

export interface UsageReport {
  /**
   * Most asked questions the bot declined, most frequent first, with the section headings it suggested
   * instead the last time it declined them (near misses first).
   */
  unanswered: { question: string; count: number; suggested: string[] }[];
  /** Answers with the most down-votes, by question. */
  downvoted: { question: string; down: number; up: number; chunkIds: string[] }[];
  /** Every answer people voted on, by question, most recently voted first (`at`: ms of the last vote). */
  feedback: { question: string; up: number; down: number; chunkIds: string[]; at: number }[];
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
  /** A conversation's last turn (the core's JSON); undefined when none, expired or unreachable (fail-open). */
  getConversation(key: string): Promise<string | undefined>;
  /**
   * Saves a conversation's last turn, expiring `ttlMs` after this write. Beyond the store's cap the least
   * recently written conversations are forgotten; a value over `MAX_CONVERSATION_CHARS` is not kept and
   * forgets the old turn too, so a follow-up never reads a stale one.
   */
  setConversation(key: string, value: string, ttlMs: number): Promise<void>;
  /** Counts a vote in the report of `record.workspace` (deployment-wide when unset). */
  recordFeedback(record: FeedbackRecord): Promise<void>;
  /**
   * Counts a declined question in the report of `workspace` (deployment-wide when unset); `suggested`
   * are the section headings the bot offered instead.
   */
  recordDeclined(question: string, suggested?: readonly string[], workspace?: string): Promise<void>;
  /** The usage report of one workspace (deployment-wide when unset): never another workspace's questions. */
  report(limit: number, workspace?: string): Promise<UsageReport>;
  /**
   * Durable records that never expire (installations, per-workspace settings). Reading one while the
   * store is unreachable throws `StoreUnavailableError`; so does a write, so nothing is lost silently.
   */
  getRecord(key: string): Promise<string | undefined>;
  setRecord(key: string, value: string): Promise<void>;
  deleteRecord(key: string): Promise<void>;
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
  /** The latest reload of this process, whatever its trigger and outcome; unset until the first one. */
  lastReload?: ReloadResult & { at: Date };
  /** The display names of the frameworks the base declares (`frameworks.yaml`), in its order. */
  frameworks: string[];
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
  /** The usage report of one workspace (see `Requester.workspace`); deployment-wide when unset. */
  report(limit: number, workspace?: string): Promise<UsageReport>;
  /** Per-workspace settings admins change from chat (`src/core/settings/`). */
  readonly settings: WorkspaceSettingsStore;
  status(): KnowledgeStatus;
  /** The serving base file by file (sources, sections with lines), for the admin page. */
  describeKnowledge(): KnowledgeFile[];
}
