/**
 * An exact memo of `answerQuestion`. The answer is a pure function of the snapshot (chunks, index,
 * framework list, disagreements) and the searched text — workspace settings, the asker and the
 * conversation only decide *which* text is searched (a follow-up searches the combined question), so the
 * key is the snapshot's identity plus that text. A reload swaps the snapshot, which drops every entry of
 * the old one at once. Bounded: least recently used entries go first past `maxEntries`; 0 turns it off.
 * A kept answer is deep-frozen and each caller gets a shallow copy: the Desk writes an id (and follow-ups
 * a question) on the top level, which stays the caller's own; anything deeper is shared, so writing to it
 * throws instead of changing the next caller's answer. (A deep copy per hit cost ~45 µs an event.)
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
    const held = this.entries.get(text);
    if (held) {
      this.entries.delete(text);
      this.entries.set(text, held);
      return { ...held };
    }
    const fresh = answerQuestion(snapshot, text);
    // A caught bug is not remembered: the next ask should run (and log) it again.
    if (fresh.declineReason === 'internal') return fresh;
    const kept = deepFreeze(fresh);
    this.entries.set(text, kept);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return { ...kept };
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

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
