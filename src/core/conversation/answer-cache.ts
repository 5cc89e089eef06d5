/**
 * An exact memo of `answerQuestion`. The answer is a pure function of the snapshot (chunks, index,
 * framework list, disagreements) and the searched text — workspace settings, the asker and the
 * conversation only decide *which* text is searched (a follow-up searches the combined question), so the
 * key is the snapshot's identity plus that text. A reload swaps the snapshot, which drops every entry of
 * the old one at once. Bounded: least recently used entries go first past `maxEntries`; 0 turns it off.
 * Each caller gets its own deep copy, because the Desk writes an id (and follow-ups a question) into it.
 */
import { answerQuestion } from '../answer/compose.ts';
import type { Answer } from '../answer/types.ts';
import type { KnowledgeSnapshot } from '../knowledge/snapshot.ts';

export class AnswerCache {
  private snapshot: KnowledgeSnapshot | undefined;
  /** Map keeps insertion order: re-inserting on a hit makes the first key the least recently used. */
  private readonly entries = new Map<string, Answer>();

  constructor(private readonly maxEntries: number) {}

  /** `answerQuestion(snapshot, text)`, from the memo when this snapshot already answered this text. */
  answer(snapshot: KnowledgeSnapshot, text: string): Answer {
    if (this.maxEntries <= 0) return answerQuestion(snapshot, text);
    if (snapshot !== this.snapshot) {
      this.entries.clear();
      this.snapshot = snapshot;
    }
    const kept = this.entries.get(text);
    if (kept) {
      this.entries.delete(text);
      this.entries.set(text, kept);
      return structuredClone(kept);
    }
    const fresh = answerQuestion(snapshot, text);
    // A caught bug is not remembered: the next ask should run (and log) it again.
    if (fresh.declineReason === 'internal') return fresh;
    this.entries.set(text, structuredClone(fresh));
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return fresh;
  }

  /** Whether an answer to `text` is held now (for tests). */
  holds(text: string): boolean {
    return this.entries.has(text);
  }

  /** Entries held now (for tests and metrics). */
  get size(): number {
    return this.entries.size;
  }
}
