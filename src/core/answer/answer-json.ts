/** The JSON shape of an answer for scripts (`npm run ask -- --json`), built on the plain-text rendering. */
import { renderAnswerText } from './plain-text.ts';
import type { Answer } from './types.ts';

export interface AnswerJson {
  question: string;
  answered: boolean;
  /** `renderAnswerText(answer)`: lead, numbered snippets, sources. */
  answer: string;
  citations: { title: string; source: string; url?: string; section?: string; snippet: string }[];
  /** On a decline: the named things the sources do not cover ("pytorch 2.5"). */
  missing?: string[];
}

function toAnswerJson(answer: Answer): AnswerJson {
  return {
    question: answer.question,
    answered: answer.answered,
    answer: renderAnswerText(answer),
    citations: answer.snippets.map((s) => ({
      title: s.citation.title,
      source: s.citation.source,
      ...(s.citation.url ? { url: s.citation.url } : {}),
      ...(s.citation.section ? { section: s.citation.section } : {}),
      snippet: s.text,
    })),
    ...(answer.missing?.length ? { missing: answer.missing } : {}),
  };
}

/** One line of JSON, no pretty-printing (one answer per line in batch mode). */
export function answerToJson(answer: Answer): string {
  return JSON.stringify(toAnswerJson(answer));
}
