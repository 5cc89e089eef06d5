/** The platform-neutral answer every adapter renders (Block Kit, embed, terminal, JSON). */
import type { Framework } from '../knowledge/schema.ts';

export interface Citation {
  /** Title of the source article. */
  title: string;
  /** Publisher of the source article. */
  source: string;
  url?: string;
  /** Heading of the knowledge-base section the snippet came from. */
  section?: string;
  /** When the source made the claim (YYYY[-MM[-DD]]). */
  date: string;
  /** Knowledge chunk id, e.g. `seed-a-overview#deployment`. */
  chunkId: string;
}

export interface Snippet {
  /** The most relevant sentences of the chunk, never the whole chunk. */
  text: string;
  citation: Citation;
  /** Ids of the frameworks the snippet speaks about. */
  frameworks: Framework[];
  /**
   * Their display names, in the same order (from the base's `frameworks.yaml`). Absent in answers
   * stored before frameworks became data: renderers fall back on the ids.
   */
  frameworkNames?: string[];
}

/** `internal`: a bug on our side; logged as an error, never counted as a question the base lacks. */
/** `not_covered`: on topic, but it names something the base has never heard of (listed in `missing`). */
/** `fact_not_given`: the sources discuss the topic but never give the year, figure, version or name asked for. */
export type DeclineReason = 'empty' | 'off_topic' | 'low_confidence' | 'not_covered' | 'fact_not_given' | 'rate_limited' | 'internal';

export interface Answer {
  /** Short id for feedback buttons; set by the Desk on answered questions. */
  id?: string;
  question: string;
  answered: boolean;
  /** One friendly line that leads the reply. */
  lead: string;
  /** Up to 3 cited snippets, best first. Empty when not answered. */
  snippets: Snippet[];
  /** Set when cited snippets give different figures for the same thing. */
  disagreement?: string;
  /** Follow-up questions the bot can answer well. */
  suggestions: string[];
  declineReason?: DeclineReason;
  /** With `declineReason: 'not_covered'`: what the sources lack, lowercase ("pytorch 2.5"). */
  missing?: string[];
  /**
   * Rate-limited again inside the same window: the person already got the "slow down" reply, so chat
   * adapters post nothing in channels (one reply per message would turn a flood into a bigger one).
   */
  quiet?: boolean;
  /** With `declineReason: 'internal'`: what went wrong, for the log (never shown to users). */
  error?: string;
}
