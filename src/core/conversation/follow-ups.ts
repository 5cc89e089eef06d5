/**
 * Answering a message in its conversation. A question of its own is answered as always; "source?"
 * lists the previous answer's citations; a follow-up without its subject is asked together with the
 * previous question when that one was answered (its framework names left out when the follow-up names its own, so "what about
 * pytorch?" after a TensorFlow question is about PyTorch). If that combined question cannot be answered,
 * the message is answered on its own, so reading a message as a follow-up never loses an answer it
 * would have had. Turns live in the Store, so a follow-up on one replica continues a question asked on
 * another.
 */
import { frameworksNamed } from '../answer/question.ts';
import { sanitizeUserText } from '../answer/sanitize.ts';
import type { Answer } from '../answer/types.ts';
import type { KnowledgeSnapshot } from '../knowledge/snapshot.ts';
import type { Store, ThreadRef } from '../ports.ts';
import { AnswerCache } from './answer-cache.ts';
import { classifyMessage } from './follow-up-rule.ts';
import { needsContextReply, noSourcesReply, sourcesReply } from './replies.ts';
import { keepEnd, MAX_SEARCHED_CHARS, MAX_SHOWN_CHARS, readTurn, type Turn, turnOf } from './turn.ts';

/** How a message was handled: only `question` and `follow-up` are questions put to the knowledge base. */
export type ReplyKind = 'question' | 'follow-up' | 'sources' | 'needs-context';

export interface ConversationReply {
  answer: Answer;
  kind: ReplyKind;
}

/** Of a follow-up, only this much is added to the previous question (it has at most one topic word). */
const MAX_FOLLOW_UP_CHARS = 200;

export class FollowUps {
  constructor(
    private readonly store: Store,
    /** How long a conversation's last turn is remembered after it. */
    private readonly ttlMs: number,
    /** Answers to the same text from the same snapshot, reused (see `AnswerCache`); 0 means none. */
    answerCacheSize = 0,
  ) {
    this.answers = new AnswerCache(answerCacheSize);
  }

  private readonly answers: AnswerCache;

  /** Answers `question` in the conversation `thread` (without one, the question stands alone). */
  async answer(snapshot: KnowledgeSnapshot, question: string, thread: ThreadRef | undefined): Promise<ConversationReply> {
    if (!thread) return { answer: this.answers.answer(snapshot, question), kind: 'question' };
    const { expander, vocabulary, frameworks } = snapshot.index;
    const frameworksIn = (text: string) => frameworksNamed(text, expander, vocabulary, frameworks);
    const message = classifyMessage(question, frameworksIn);
    const previous = readTurn(await this.store.getConversation(thread.continues ?? thread.key));

    if (message.kind === 'sources') {
      if (!previous) return { answer: needsContextReply(question, 'sources'), kind: 'needs-context' };
      // The turn stays the one that was cited, so "source?" twice, or a follow-up after it, still works.
      await this.remember(thread, previous);
      return { answer: previous.answered ? sourcesReply(question, previous) : noSourcesReply(question, previous), kind: 'sources' };
    }

    // Only an answered question gives a follow-up its subject: one the bot declined established none,
    // and mixing its words in would only blur the follow-up.
    if (message.kind === 'follow-up' && previous?.answered) {
      const searched = combine(previous, question, message.namesFramework, frameworksIn);
      const combined = this.answers.answer(snapshot, searched);
      if (combined.answered) {
        combined.question = keepEnd(`${previous.shown} → ${sanitizeUserText(question)}`, MAX_SHOWN_CHARS);
        await this.remember(thread, turnOf(combined, searched));
        return { answer: combined, kind: 'follow-up' };
      }
    }

    const alone = this.answers.answer(snapshot, question);
    // A follow-up with nothing before it that cannot stand alone: ask what it refers to.
    if (message.kind === 'follow-up' && !previous && !alone.answered && alone.declineReason !== 'internal') {
      return { answer: needsContextReply(question, 'follow-up'), kind: 'needs-context' };
    }
    await this.remember(thread, turnOf(alone, question));
    return { answer: alone, kind: 'question' };
  }

  private async remember(thread: ThreadRef, turn: Turn): Promise<void> {
    await this.store.setConversation(thread.key, JSON.stringify(turn), this.ttlMs);
  }
}

/**
 * The previous question followed by the follow-up. When the follow-up names a framework, the previous
 * question's framework names are left out: "what about pytorch?" replaces TensorFlow, it does not add to it.
 */
function combine(previous: Turn, followUp: string, followUpNamesFramework: boolean, frameworksIn: (text: string) => readonly string[]): string {
  const subject = followUpNamesFramework
    ? previous.searched
        .split(/\s+/)
        .filter((token) => frameworksIn(token).length === 0)
        .join(' ')
    : previous.searched;
  const added = followUp.trim().slice(0, MAX_FOLLOW_UP_CHARS);
  return `${subject.slice(0, MAX_SEARCHED_CHARS - added.length - 1)} ${added}`;
}
