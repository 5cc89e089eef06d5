/** The real flow (knowledge/flow/choose-framework.yaml) with the real knowledge base, loaded once. */
import { loadKnowledgeBase } from '../../src/core/knowledge/load.ts';
import type { KnowledgeSnapshot } from '../../src/core/knowledge/snapshot.ts';

let loading: Promise<KnowledgeSnapshot> | undefined;

export function realSnapshot(): Promise<KnowledgeSnapshot> {
  loading ??= loadKnowledgeBase('knowledge').then(({ snapshot, issues }) => {
    if (!snapshot)
      throw new Error(
        `knowledge/ does not load: ${issues
          .filter((i) => i.severity === 'error')
          .map((i) => `${i.file}:${i.line}: ${i.message}`)
          .join('\n')}`,
      );
    return snapshot;
  });
  return loading;
}
