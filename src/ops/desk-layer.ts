/**
 * The one way ops adds a concern around the Desk (today: reload fan-out across replicas). A layer names
 * only the methods it changes; every other call is forwarded here, the single place that lists the
 * Desk's methods, so a new Desk method is added once instead of in every wrapper.
 */
import type { Desk } from '../core/ports.ts';

/**
 * Returns `inner` with the methods in `layer` replaced (and any extra members of `layer` added).
 * @example layerDesk(desk, { reload: async (t) => announce(await desk.reload(t)) })
 */
export function layerDesk<Layer extends Partial<Desk>>(inner: Desk, layer: Layer): Desk & Layer {
  const forwarded: Desk = {
    ask: (question, who) => inner.ask(question, who),
    flow: (who, action) => inner.flow(who, action),
    reload: (trigger) => inner.reload(trigger),
    recordFeedback: (answerId, vote, who) => inner.recordFeedback(answerId, vote, who),
    suggestTopics: (prefix, limit) => inner.suggestTopics(prefix, limit),
    report: (limit, workspace) => inner.report(limit, workspace),
    settings: inner.settings,
    status: () => inner.status(),
    describeKnowledge: () => inner.describeKnowledge(),
  };
  return { ...forwarded, ...layer };
}
