/**
 * The Desk: the one object adapters talk to. It owns the serving knowledge snapshot and swaps it
 * atomically on reload (build aside, validate, index, then one assignment), so a question in flight
 * always sees one whole base — the old one or the new one, never a mix.
 */
import { randomUUID } from 'node:crypto';
import type { Answer } from './answer/types.ts';
import { sanitizeUserText } from './answer/sanitize.ts';
import { suggestTopics } from './answer/suggest.ts';
import type { FlowAction, FlowStep } from './flow/types.ts';
import { advanceFlow, type FlowSession } from './flow/machine.ts';
import { FollowUps } from './conversation/follow-ups.ts';
import { loadKnowledgeBase } from './knowledge/load.ts';
import { describeKnowledge, type KnowledgeFile } from './knowledge/overview.ts';
import type { KnowledgeSnapshot } from './knowledge/snapshot.ts';
import { questionText } from './question-text.ts';
import { parseStoredJson } from './stored-json.ts';
import { WorkspaceSettingsStore } from './settings/settings-store.ts';
import { StoreUnavailableError, type Desk, type DeskObserver, type FeedbackOutcome, type FeedbackRecord, type ReloadResult, type Requester, type Store } from './ports.ts';

export interface DeskOptions {
  knowledgeDir: string;
  store: Store;
  observer?: DeskObserver;
  /** Flow sessions expire this long after the last click. */
  sessionTtlMs?: number;
  /** A conversation's last question is remembered this long for follow-ups (default one hour). */
  followUpTtlMs?: number;
  /** Per-user question budget; unset means unlimited. */
  rateLimit?: { limit: number; windowMs: number };
  /** Answers kept per question text for the serving snapshot (LRU, emptied on reload); 0 or unset: none. */
  answerCacheSize?: number;
}

const THIRTY_MINUTES = 30 * 60_000;
const ONE_HOUR = 60 * 60_000;
/** How long after an answer its 👍/👎 buttons still count. */
const FEEDBACK_WINDOW_MS = 7 * 24 * 3_600_000;

/** Loads the knowledge base once (throwing a readable error if it is broken) and returns the Desk. */
export async function createDesk(options: DeskOptions): Promise<Desk> {
  const first = await loadKnowledgeBase(options.knowledgeDir);
  if (!first.snapshot) {
    const lines = first.issues.filter((i) => i.severity === 'error').map((i) => `  ${i.file}:${i.line}: ${i.message}`);
    throw new Error(`The knowledge base in ${options.knowledgeDir} has errors; fix them and start again:\n${lines.join('\n')}`);
  }
  return new KnowledgeDesk(options, first.snapshot);
}

class KnowledgeDesk implements Desk {
  private snapshot: KnowledgeSnapshot;
  private lastReload: (ReloadResult & { at: Date }) | undefined;
  private reloading: Promise<unknown> = Promise.resolve();
  private readonly followUps: FollowUps;
  readonly settings: WorkspaceSettingsStore;

  constructor(
    private readonly options: DeskOptions,
    initial: KnowledgeSnapshot,
  ) {
    this.snapshot = initial;
    this.followUps = new FollowUps(options.store, options.followUpTtlMs ?? ONE_HOUR, options.answerCacheSize ?? 0);
    this.settings = new WorkspaceSettingsStore(options.store);
  }

  async ask(raw: string, who: Requester): Promise<Answer> {
    const started = performance.now();
    const question = questionText(raw);
    const { rateLimit, store } = this.options;
    let answer: Answer;
    // Budgets per workspace: a Discord user in two servers is two askers. Unscoped keys stay as they were.
    const asker = `${who.platform}:${who.workspace ? `${who.workspace}:` : ''}${who.userId}`;
    if (rateLimit && !(await store.allowRate(`rate:${asker}`, rateLimit.limit, rateLimit.windowMs))) {
      const firstNotice = await store.claimOnce(`rate-notice:${asker}`, rateLimit.windowMs);
      answer = {
        ...(firstNotice ? {} : { quiet: true }),
        question: sanitizeUserText(question),
        answered: false,
        lead: "You're asking faster than I can keep up — give me a minute and try again.",
        snippets: [],
        suggestions: [],
        declineReason: 'rate_limited',
      };
    } else {
      // Follow-ups ("and for mobile?", "source?") are read with the conversation's previous question.
      const reply = await this.followUps.answer(this.snapshot, question, who.thread);
      answer = reply.answer;
      if (reply.kind === 'sources' || reply.kind === 'needs-context') {
        // A sources list or a question back: no feedback buttons, and no gap in the knowledge base.
        this.options.observer?.onAnswer?.(answer, who, performance.now() - started);
        return answer;
      }
      if (answer.answered) {
        answer.id = randomUUID().slice(0, 12);
        // The workspace travels with the answer, so its votes land in that workspace's report.
        const context = { question: answer.question, chunkIds: answer.snippets.map((s) => s.citation.chunkId), ...(who.workspace && { workspace: who.workspace }) };
        await store.setSession(`answer:${answer.id}`, JSON.stringify(context), FEEDBACK_WINDOW_MS);
      } else if (answer.declineReason !== 'empty' && answer.declineReason !== 'internal') {
        await store.recordDeclined(question, answer.suggestions, who.workspace);
      }
    }
    this.options.observer?.onAnswer?.(answer, who, performance.now() - started);
    return answer;
  }

  async flow(who: Requester, action: FlowAction): Promise<FlowStep> {
    try {
      return await this.advance(who, action);
    } catch (error) {
      // Shared state unreadable (Redis down): a normal "try again" step every adapter already renders.
      if (error instanceof StoreUnavailableError) return { kind: 'invalid', message: error.message };
      throw error;
    }
  }

  private async advance(who: Requester, action: FlowAction): Promise<FlowStep> {
    const key = `flow:${who.platform}:${who.userId}:${who.conversation}`;
    const { store } = this.options;
    const raw = await store.getSession(key);
    const session = parseStoredJson<FlowSession>(raw) as FlowSession | undefined;
    const snapshot = this.snapshot;
    const { session: next, step } = advanceFlow(snapshot.flow, (id) => snapshot.citationFor(id), session, action);
    if (next) await store.setSession(key, JSON.stringify(next), this.options.sessionTtlMs ?? THIRTY_MINUTES);
    else if (session) await store.deleteSession(key);
    if (step.kind === 'result') this.options.observer?.onFlowResult?.(who);
    return step;
  }

  reload(trigger: string): Promise<ReloadResult> {
    // Serialise: each reload starts after the previous one settled, whatever its outcome.
    const run = this.reloading.then(() => this.reloadNow(trigger));
    this.reloading = run.catch(() => undefined);
    return run;
  }

  private async reloadNow(trigger: string): Promise<ReloadResult> {
    const started = performance.now();
    const before = { documents: this.snapshot.documents, chunks: this.snapshot.chunks.length };
    let result: ReloadResult;
    try {
      const loaded = await loadKnowledgeBase(this.options.knowledgeDir);
      if (loaded.snapshot) this.snapshot = loaded.snapshot;
      const after = { documents: this.snapshot.documents, chunks: this.snapshot.chunks.length };
      const errors = loaded.issues.filter((i) => i.severity === 'error');
      result = { ok: Boolean(loaded.snapshot), trigger, before, after, ms: performance.now() - started, errors };
    } catch (error) {
      // A bug in loading must not take down the serving base either.
      const message = error instanceof Error ? error.message : String(error);
      const errors = [{ file: this.options.knowledgeDir, line: 0, message, severity: 'error' as const, code: 'internal' }];
      result = { ok: false, trigger, before, after: before, ms: performance.now() - started, errors };
    }
    this.lastReload = { ...result, at: new Date() };
    this.options.observer?.onReload?.(result);
    return result;
  }

  async recordFeedback(answerId: string, vote: FeedbackRecord['vote'], who: Requester): Promise<FeedbackOutcome> {
    try {
      return await this.countVote(answerId, vote, who);
    } catch (error) {
      if (error instanceof StoreUnavailableError) return 'unavailable';
      throw error;
    }
  }

  private async countVote(answerId: string, vote: FeedbackRecord['vote'], who: Requester): Promise<FeedbackOutcome> {
    const { store } = this.options;
    const context = parseStoredJson<{ question: string; chunkIds: string[]; workspace: string }>(await store.getSession(`answer:${answerId}`));
    // Unknown, expired or corrupt: the vote cannot be tied to an answer, so it is not counted.
    if (typeof context?.question !== 'string' || !Array.isArray(context.chunkIds)) return 'expired';
    // One vote per person per answer, whatever the platform's buttons allow. Claimed only for a known
    // answer, just before recording (a store failure between the two loses that one vote, never doubles it).
    if (!(await store.claimOnce(`vote:${answerId}:${who.platform}:${who.userId}`, FEEDBACK_WINDOW_MS))) return 'already-rated';
    const record: FeedbackRecord = { question: context.question, chunkIds: context.chunkIds, vote, platform: who.platform, userId: who.userId, at: Date.now() };
    if (typeof context.workspace === 'string') record.workspace = context.workspace;
    await store.recordFeedback(record);
    this.options.observer?.onFeedback?.(record);
    return 'recorded';
  }

  suggestTopics(prefix: string, limit: number): string[] {
    return suggestTopics(this.snapshot, prefix, limit);
  }

  report(limit: number, workspace?: string) {
    return this.options.store.report(limit, workspace);
  }

  status() {
    const { documents, chunks, loadedAt, frameworks } = this.snapshot;
    return { documents, chunks: chunks.length, loadedAt, frameworks: frameworks.names, ...(this.lastReload && { lastReload: this.lastReload }) };
  }

  describeKnowledge(): KnowledgeFile[] {
    return describeKnowledge(this.snapshot);
  }
}
