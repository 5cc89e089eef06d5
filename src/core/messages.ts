/**
 * The bot's own words that every platform says the same way: the apology for a failure on our side and
 * the reply to a 👍/👎. Adapters render them (Block Kit, embeds, text); they do not reword them.
 */
import type { FeedbackOutcome, FeedbackRecord } from './ports.ts';

export const APOLOGY = 'Sorry — something went wrong on my side while handling that. Please try again in a moment.';

export function feedbackReply(outcome: FeedbackOutcome, vote: FeedbackRecord['vote']): string {
  switch (outcome) {
    case 'recorded':
      return vote === 'up' ? 'Thanks — glad it helped!' : 'Thanks — I will flag this answer so the knowledge base gets better.';
    case 'already-rated':
      return 'You already rated this answer — thanks!';
    case 'expired':
      return 'That answer is too old to rate now — ask again for a fresh one.';
    case 'unavailable':
      return 'I could not save your rating just now — please try again in a minute.';
  }
}
