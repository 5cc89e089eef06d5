/** How both stores key the usage report, so memory and Redis group questions the same way. */

/** Longest question text a report keeps (a storage bound; the Desk already cuts questions shorter). */
export const MAX_REPORTED_CHARS = 500;

/** Groups "Is TF faster?" and "is tf  faster? " as one question in the report. */
export function reportKey(question: string): string {
  return question.replace(/\s+/g, ' ').trim().toLowerCase().slice(0, MAX_REPORTED_CHARS);
}

/** The phrasing a report shows for a question. */
export function reportText(question: string): string {
  return question.trim().slice(0, MAX_REPORTED_CHARS);
}

/** Most suggested headings kept per declined question, and their longest length. */
const MAX_SUGGESTIONS = 5;
const MAX_HEADING_CHARS = 200;

/** The suggested section headings a report keeps for a declined question (bounded: they come from the base). */
export function reportSuggestions(suggested: readonly string[]): string[] {
  return suggested.slice(0, MAX_SUGGESTIONS).map((heading) => heading.slice(0, MAX_HEADING_CHARS));
}
