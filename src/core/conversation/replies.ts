/**
 * What the bot says when a message leans on the conversation: the previous answer's citations, or a
 * short question back when there is nothing before it to lean on. Platform-neutral `Answer`s, so every
 * adapter renders them as it renders any answer (the snippets carry the full citations).
 */
import { sanitizeUserText } from '../answer/sanitize.ts';
import type { Answer } from '../answer/types.ts';
import type { Turn } from './turn.ts';

/** Quotes user text back in one short line. */
const quoted = (text: string) => `“${sanitizeUserText(text, 120)}”`;

function reply(question: string, answered: boolean, lead: string, turn?: Turn): Answer {
  return { question: sanitizeUserText(question), answered, lead, snippets: turn?.snippets ?? [], suggestions: [] };
}

/** "source?" after an answer: that answer's snippets and citations again. */
export function sourcesReply(question: string, previous: Turn): Answer {
  return reply(question, true, `Sources for ${quoted(previous.shown)}:`, previous);
}

/** "source?" after a question the bot declined: there was nothing to cite. */
export function noSourcesReply(question: string, previous: Turn): Answer {
  return reply(
    question,
    false,
    `My last reply, to ${quoted(previous.shown)}, cited nothing: my sources don't cover it. Ask another question and "source?" will list what I quote.`,
  );
}

/** A follow-up or "source?" with no earlier question in this conversation (or one that has expired). */
export function needsContextReply(question: string, kind: 'sources' | 'follow-up'): Answer {
  const lead =
    kind === 'sources'
      ? 'Sources for which answer? I have no earlier question in this conversation — ask me one, and "source?" will list what I cite.'
      : `What does ${quoted(question)} refer to? I have no earlier question in this conversation — could you ask it in full?`;
  return reply(question, false, lead);
}
