/**
 * Turns a shared-store outage into friendly replies at the Desk boundary, so every adapter behaves the
 * same while Redis is down: a /choose-framework click gets "try again in a moment" (a normal `invalid`
 * step the adapters already render), a 👍/👎 click is reported as not recorded. Questions need no help:
 * the store answers them fail-open.
 */
import type { Desk } from '../core/ports.ts';
import { StoreUnavailableError } from '../stores/redis-store.ts';

export function withStoreOutageReplies(inner: Desk): Desk {
  return {
    ask: (question, who) => inner.ask(question, who),
    async flow(who, action) {
      try {
        return await inner.flow(who, action);
      } catch (error) {
        if (error instanceof StoreUnavailableError) return { kind: 'invalid', message: error.message };
        throw error;
      }
    },
    reload: (trigger) => inner.reload(trigger),
    async recordFeedback(answerId, vote, who) {
      try {
        return await inner.recordFeedback(answerId, vote, who);
      } catch (error) {
        if (error instanceof StoreUnavailableError) return 'unavailable';
        throw error;
      }
    },
    suggestTopics: (prefix, limit) => inner.suggestTopics(prefix, limit),
    report: (limit) => inner.report(limit),
    status: () => inner.status(),
    describeKnowledge: () => inner.describeKnowledge(),
  };
}
