/**
 * The one stop list: words that carry no topic in a chat question — function words, question framing
 * ("explain", "difference"), chat ("lol", "tbh", "pls"), and "framework", since every article here is
 * about frameworks. Kept as data in `stop-words.txt` (alphabetical, space-separated) so it is read as a
 * list, not as code; the index and the question drop the same words.
 */
import { readFileSync } from 'node:fs';

export const STOP_WORDS: ReadonlySet<string> = new Set(
  readFileSync(new URL('./stop-words.txt', import.meta.url), 'utf8')
    .split(/\s+/)
    .filter(Boolean),
);
