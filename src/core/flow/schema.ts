/**
 * The flow file's schema (`knowledge/flow/choose-framework.yaml`): questions, options, scoring rules and
 * confidence parameters are data, so changing a weight or adding an option needs no code change. Types
 * flow from this schema; `parse.ts` adds the checks zod cannot express (known chunk ids, real options).
 */
import { z } from 'zod';
import type { FrameworkList } from '../answer/frameworks.ts';
import { FrameworkSchema } from '../knowledge/schema.ts';
import type { QuestionId } from './types.ts';

/** Question ids are a public contract (CLI, buttons, other tools); see `types.ts`. */
export const QuestionIdSchema = z.enum(['goal', 'target', 'hardware', 'domain', 'team'] as const satisfies readonly QuestionId[]);

/** Option ids go into button values and CLI arguments: keep them short and URL/shell safe. */
const OptionIdSchema = z.string().regex(/^[a-z0-9_]{1,32}$/, 'use 1–32 lowercase letters, digits or underscores');

const ChunkIdSchema = z.string().min(3, 'cite a knowledge chunk id like `doc-id#section`').includes('#', { message: 'cite a knowledge chunk id like `doc-id#section`' });

export const FlowOptionSchema = z
  .object({
    id: OptionIdSchema,
    label: z.string().min(1).max(60, 'keep labels under 60 characters (they go on buttons)'),
    hint: z.string().min(1).max(100).optional(),
  })
  .strict();

export const FlowQuestionSchema = z
  .object({
    id: QuestionIdSchema,
    prompt: z.string().min(1).max(200),
    options: z.array(FlowOptionSchema).min(2, 'a question needs at least two options').max(10),
  })
  .strict();

/** `when: { goal: research, target: [mobile_edge, browser] }` — every listed question must match (AND). */
const WhenSchema = z
  .partialRecord(QuestionIdSchema, z.union([OptionIdSchema, z.array(OptionIdSchema).min(1)]))
  .refine((when) => Object.keys(when).length > 0, 'name at least one question in `when`');

export const FlowRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, dashes and underscores'),
    when: WhenSchema,
    favours: FrameworkSchema,
    weight: z.number().positive().max(10),
    /** Short, your own words; must match what the cited chunk says. */
    reason: z.string().min(1).max(240),
    cite: ChunkIdSchema,
  })
  .strict();

const CitedTextSchema = z.object({ reason: z.string().min(1).max(300), cite: ChunkIdSchema }).strict();

export const FlowDefinitionSchema = z
  .object({
    version: z.literal(1),
    title: z.string().min(1).default('Choose a framework'),
    questions: z.array(FlowQuestionSchema).min(1),
    rules: z.array(FlowRuleSchema).min(1),
    /** When the two leading frameworks both get strong support: the sources' prototype-in-one, convert-for-deployment path. */
    hybrid: CitedTextSchema.extend({
      /** The winner's and the runner-up's scores must both reach this for the answers to count as conflicting. */
      minEach: z.number().positive(),
      /** The pair the hybrid text is about: shown only when these two lead (any two when absent). */
      between: z.tuple([FrameworkSchema, FrameworkSchema]).optional(),
    }).strict(),
    /** Used when the scores tie (e.g. nothing answered): which side to name and why, cited. */
    tie: CitedTextSchema.extend({ favours: FrameworkSchema }).strict(),
    confidence: z
      .object({
        /** Margins are divided by max(total score, this), so one weak answer cannot look certain. */
        minTotal: z.number().positive(),
        /** Confidence never shown above this: the sources themselves say both are capable. */
        max: z.number().gt(0.5).max(1),
        /** Shrinks the lead over 0.5 when the hybrid path is shown (answers pull both ways). */
        hybridFactor: z.number().gt(0).max(1),
      })
      .strict(),
    /** How many reasons to show for the winner. */
    maxReasons: z.number().int().min(1).max(10).default(3),
  })
  .strict();

/** The flow file as written. */
export type FlowFile = z.infer<typeof FlowDefinitionSchema>;
/**
 * A loaded flow: the file plus the frameworks it was checked against (the base's `frameworks.yaml`),
 * which a recommendation ranks — all of them, not only those a rule favours.
 */
export type FlowDefinition = FlowFile & { frameworks: FrameworkList };
export type FlowQuestion = z.infer<typeof FlowQuestionSchema>;
export type FlowRule = z.infer<typeof FlowRuleSchema>;
