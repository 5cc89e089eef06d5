/**
 * The one door a chat question goes through into the core: cut to the length the core reads and
 * stripped of addressing markup. Adapters only decode their platform's markup (entities, link labels)
 * and pass everything on; the limit and the mention rule live here, once, for every platform, so the
 * question echoed in a reply and recorded for the report is the one that was answered.
 */
/** Characters of a question that are read; chat questions are far shorter, pastes are cut here. */
export const MAX_QUESTION_CHARS = 600;

/**
 * Mentions and specials in every syntax we serve: Slack `<@U1>`, `<@U1|bob>`, `<!here>`, `<#C1|general>`,
 * `<!subteam^S1|@team>`; Discord `<@1>`, `<@!1>`, `<@&1>`, `<#1>`; typed `@everyone` / `@here` / `@channel`.
 * Bounded inside the brackets so an unclosed `<@` costs a fixed amount, whatever follows.
 */
const MENTION_MARKUP = /<[@#!][^<>]{0,120}>|@(?:everyone|here|channel)\b/gi;

/** What the core answers: the first MAX_QUESTION_CHARS characters, without mentions, whitespace collapsed. */
export function questionText(raw: unknown): string {
  const text = typeof raw === 'string' ? raw : '';
  return text.slice(0, MAX_QUESTION_CHARS).replace(MENTION_MARKUP, ' ').replace(/\s+/g, ' ').trim();
}
