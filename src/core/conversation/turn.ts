/**
 * A conversation's last turn, as kept in the Store between messages: what was asked (as shown and as
 * searched) and the snippets the answer cited, so "source?" can list them and a follow-up can be read
 * with its subject. Validated on the way back in: a stored value may be corrupt, foreign or from an
 * older release, and then it simply reads as "no previous question".
 */
import { z } from 'zod';
import type { Answer } from '../answer/types.ts';
import { FrameworkSchema } from '../knowledge/schema.ts';
import { parseStoredJson } from '../stored-json.ts';

/** Longest question kept as shown to the user (the start is dropped with an ellipsis beyond it). */
export const MAX_SHOWN_CHARS = 300;
/** Longest question kept as searched; the question parser reads 600 characters. */
export const MAX_SEARCHED_CHARS = 500;
/** Longest snippet text kept; the answer's snippets are 1–3 sentences, far shorter. */
const MAX_SNIPPET_CHARS = 1_200;
const MAX_SNIPPETS = 3;

const CitationSchema = z.object({
  title: z.string(),
  source: z.string(),
  url: z.string().optional(),
  section: z.string().optional(),
  date: z.string(),
  chunkId: z.string(),
});

const SnippetSchema = z.object({ text: z.string(), citation: CitationSchema, frameworks: z.array(FrameworkSchema), frameworkNames: z.array(z.string()).optional() });

export const TurnSchema = z.object({
  /** Bumped when the shape changes, so an older release's turn reads as none instead of wrongly. */
  v: z.literal(1),
  /** The question as the user saw it answered ("which is better for production? → and for mobile?"). */
  shown: z.string(),
  /** The text that was searched: a follow-up's is the previous question's plus its own. */
  searched: z.string(),
  answered: z.boolean(),
  snippets: z.array(SnippetSchema).max(MAX_SNIPPETS),
});

export type Turn = z.infer<typeof TurnSchema>;

/** Keeps the end of `text` (the latest part of a chain of follow-ups) within `max` characters. */
export function keepEnd(text: string, max: number): string {
  return text.length <= max ? text : `…${text.slice(text.length - max + 1)}`;
}

/** The turn to remember after `answer`, which answered `searched`. Sizes are capped here. */
export function turnOf(answer: Answer, searched: string): Turn {
  return {
    v: 1,
    shown: keepEnd(answer.question, MAX_SHOWN_CHARS),
    searched: searched.slice(0, MAX_SEARCHED_CHARS),
    answered: answer.answered,
    snippets: answer.snippets.slice(0, MAX_SNIPPETS).map((s) => {
      const citation = { ...s.citation };
      return { text: s.text.slice(0, MAX_SNIPPET_CHARS), citation, frameworks: [...s.frameworks], ...(s.frameworkNames && { frameworkNames: [...s.frameworkNames] }) };
    }),
  };
}

/** A stored turn, or undefined when there is none or it is not one we can read. */
export function readTurn(raw: string | undefined): Turn | undefined {
  const parsed = TurnSchema.safeParse(parseStoredJson(raw));
  return parsed.success ? parsed.data : undefined;
}
