/**
 * `loadKnowledgeBase(dir)`: the entry point the Desk, the CLIs and reloads use. Wires the real flow
 * parser into the loader (`load-base.ts` holds the logic).
 */
import { parseFlow } from '../flow/parse.ts';
import { loadKnowledgeBaseWith, type LoadResult } from './load-base.ts';

/** Reads `dir` (Markdown, synonyms, flow); `snapshot` is set only when there are no errors. */
export function loadKnowledgeBase(dir: string): Promise<LoadResult> {
  return loadKnowledgeBaseWith(dir, parseFlow);
}
