/**
 * The Desk's observer in production: one log line per question (platform, latency, answered, top citation)
 * and per reload, and the Prometheus counters behind `/metrics`. Observers must never throw into the core,
 * so every hook is guarded.
 */
import type { Answer } from '../core/answer/types.ts';
import type { DeskObserver, FeedbackRecord, KnowledgeStatus, ReloadResult, Requester } from '../core/ports.ts';
import type { Logger } from './logger.ts';
import { triggerLabel, type DeskMetrics } from './metrics.ts';

/** Enough of the question to recognise it in a log, not a 50,000-character paste. */
const LOGGED_QUESTION_CHARS = 160;

export function recordKnowledgeStatus(metrics: DeskMetrics, status: KnowledgeStatus): void {
  metrics.knowledgeDocuments.set(status.documents);
  metrics.knowledgeChunks.set(status.chunks);
  metrics.knowledgeLoadedAt.set(status.loadedAt.getTime() / 1000);
}

export function createDeskObserver(logger: Logger, metrics: DeskMetrics): DeskObserver {
  const guard =
    <A extends unknown[]>(name: string, hook: (...args: A) => void) =>
    (...args: A) => {
      try {
        hook(...args);
      } catch (error) {
        logger.error({ err: error, hook: name }, 'observer hook failed; the user was answered anyway');
      }
    };

  return {
    onAnswer: guard('onAnswer', (answer: Answer, who: Requester, ms: number) => {
      const outcome = answer.answered ? 'answered' : 'declined';
      metrics.questions.inc({ platform: who.platform, outcome, reason: answer.declineReason ?? 'none' });
      metrics.answerLatency.observe({ platform: who.platform }, ms / 1000);
      const top = answer.snippets[0]?.citation;
      if (answer.declineReason === 'internal') {
        logger.error(
          { event: 'question', platform: who.platform, user: who.userId, error: answer.error, question: answer.question.slice(0, LOGGED_QUESTION_CHARS) },
          'answering failed (bug): the user got an apology',
        );
        return;
      }
      logger.info(
        {
          event: 'question',
          platform: who.platform,
          user: who.userId,
          ms: Math.round(ms * 100) / 100,
          answered: answer.answered,
          declineReason: answer.declineReason,
          topCitation: top?.chunkId,
          citations: answer.snippets.length,
          question: answer.question.slice(0, LOGGED_QUESTION_CHARS),
        },
        answer.answered ? `answered on ${who.platform} from ${top?.chunkId ?? '?'}` : `declined on ${who.platform} (${outcome}: ${answer.declineReason ?? 'unknown'})`,
      );
    }),

    onReload: guard('onReload', (result: ReloadResult) => {
      metrics.reloads.inc({ trigger: triggerLabel(result.trigger), result: result.ok ? 'ok' : 'failed' });
      metrics.reloadDuration.observe(result.ms / 1000);
      const fields = {
        event: 'reload',
        trigger: result.trigger,
        ok: result.ok,
        ms: Math.round(result.ms),
        before: result.before,
        after: result.after,
      };
      if (result.ok) {
        metrics.knowledgeDocuments.set(result.after.documents);
        metrics.knowledgeChunks.set(result.after.chunks);
        metrics.knowledgeLoadedAt.set(Date.now() / 1000);
        logger.info(
          fields,
          `knowledge reloaded (${result.trigger}): ${result.before.documents} → ${result.after.documents} documents, ` +
            `${result.before.chunks} → ${result.after.chunks} chunks in ${Math.round(result.ms)} ms`,
        );
      } else {
        const errors = result.errors.map((e) => `${e.file}:${e.line}: ${e.message}`);
        logger.warn({ ...fields, errors }, `knowledge reload (${result.trigger}) refused, the previous base keeps serving: ${errors.join('; ')}`);
      }
    }),

    onFeedback: guard('onFeedback', (record: FeedbackRecord) => {
      metrics.feedback.inc({ platform: record.platform, vote: record.vote });
      logger.info({ event: 'feedback', platform: record.platform, vote: record.vote, chunks: record.chunkIds }, `feedback ${record.vote}`);
    }),

    onFlowResult: guard('onFlowResult', (who: Requester) => {
      metrics.flowResults.inc({ platform: who.platform });
      logger.info({ event: 'flow-result', platform: who.platform }, 'choose-framework flow reached a recommendation');
    }),
  };
}
