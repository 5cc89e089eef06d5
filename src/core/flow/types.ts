/**
 * What adapters see of the /choose-framework flow: actions in, steps out. The flow file's own schema
 * lives in `flow/schema.ts`; these types are the platform-neutral contract every adapter renders.
 */
import type { Citation } from '../answer/types.ts';
import type { Framework } from '../knowledge/schema.ts';

/** Question ids and option ids are a public contract (CLI, buttons, other tools). */
export type QuestionId = 'goal' | 'target' | 'hardware' | 'domain' | 'team';

/** Partial answers, e.g. from `/choose-framework goal:research target:browser`. */
export type FlowAnswers = Partial<Record<QuestionId, string>>;

/**
 * Something a user did. `nonce` identifies the questionnaire a button belongs to: a press whose nonce
 * no longer matches the live session is stale and yields an `expired` step, never an exception.
 */
export type FlowAction =
  | { type: 'start'; preset?: FlowAnswers }
  | { type: 'answer'; nonce: string; question: string; option: string }
  | { type: 'back'; nonce: string }
  | { type: 'restart' }
  | { type: 'cancel'; nonce: string };

export interface FlowOption {
  id: string;
  label: string;
  hint?: string;
}

export interface Reason {
  text: string;
  framework: Framework;
  weight: number;
  citation: Citation;
}

/** One declared framework's place in a recommendation. */
export interface RankedFramework {
  framework: Framework;
  /** Display name from `frameworks.yaml`, so renderers need no lookup. */
  name: string;
  score: number;
}

export interface Recommendation {
  framework: Framework;
  /** 0–1, derived from the score margin. */
  confidence: number;
  /** Every declared framework's score, in declared order (the order score bars show). */
  scores: Record<Framework, number>;
  /** Every declared framework, the winner first, then by score. */
  ranking: RankedFramework[];
  /** Top reasons for the winner, best first, each cited. */
  reasons: Reason[];
  /** What answer changes would flip the verdict, in plain words. */
  wouldChange: string[];
  runnerUp: { framework: Framework; bestCase?: Reason };
  /** Present when answers pull both ways: the sources' prototype-then-convert path. */
  hybrid?: Reason;
  answers: FlowAnswers;
}

export type FlowStep =
  | {
      kind: 'question';
      nonce: string;
      questionId: QuestionId;
      prompt: string;
      options: FlowOption[];
      /** 1-based position and total, for "Question 2 of 5". */
      position: number;
      total: number;
      answers: FlowAnswers;
      canGoBack: boolean;
    }
  | { kind: 'result'; nonce: string; recommendation: Recommendation }
  | { kind: 'expired'; message: string }
  | { kind: 'cancelled'; message: string }
  | { kind: 'invalid'; message: string };
