/**
 * Knowledge file front matter: the single source of truth for what a `knowledge/*.md` file must declare.
 * Types flow from these schemas (`z.infer`); nothing else re-declares them.
 */
import { z } from 'zod';

/**
 * A framework id as `frameworks.yaml` declares it and front matter and flow rules name it: one lowercase
 * word, because it is the word retrieval matches ("tensorflow", "pytorch", "jax"). Which ids exist is
 * data (the knowledge base's `frameworks.yaml`), checked when a base loads, not a type.
 */
export const FrameworkSchema = z.string().regex(/^[a-z][a-z0-9]*$/, 'a framework id is one lowercase word of letters and digits, e.g. `jax`');
export type Framework = z.infer<typeof FrameworkSchema>;

export const SourceSchema = z.object({
  /** Who published the article, e.g. "Section (Engineering Education)". */
  publisher: z.string().min(1),
  /** The article's own title. */
  title: z.string().min(1),
  /** Only where the seed itself shows a link. Never invented. */
  url: z
    .string()
    .regex(/^https?:\/\/[^\s()<>|]+$/) // spaces, brackets and pipes would break chat link syntax
    .optional(),
  /**
   * When the claims were made: "2023", "2024-05" or "2024-05-17" — or "undated" when the source shows no
   * date at all, so a citation never presents a guess (such as the year we read it) as the source's date.
   */
  date: z.string().regex(/^(undated|\d{4}(-\d{2}(-\d{2})?)?)$/, 'use YYYY, YYYY-MM or YYYY-MM-DD, or "undated" when the source shows no date'),
  /** The seed file the facts were taken from (file name in shared/seeds), for auditing. */
  seed: z.string().min(1).optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const FrontMatterSchema = z
  .object({
    /** Stable document id; chunk ids are `${id}#${section-slug}`. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes only'),
    title: z.string().min(1),
    source: SourceSchema,
    frameworks: z.array(FrameworkSchema).min(1),
    tags: z.array(z.string().min(1)).default([]),
    /**
     * `corrections`: the file notes where other sources disagree or are wrong. Its sections are quoted
     * alongside the claims they correct, even when they rank lower (see `answer/compose.ts`).
     */
    kind: z.enum(['facts', 'corrections']).default('facts'),
  })
  .strict();
export type FrontMatter = z.infer<typeof FrontMatterSchema>;

/** One retrievable unit: a `##` section of a knowledge file. */
export interface Chunk {
  /** `${docId}#${slug(heading)}` — stable across reloads while the heading is unchanged. */
  id: string;
  docId: string;
  docTitle: string;
  heading: string;
  body: string;
  tags: string[];
  /** From the file's front matter: plain facts, or notes correcting other sources. */
  kind: 'facts' | 'corrections';
  frameworks: Framework[];
  source: Source;
  /** Path relative to the knowledge dir and 1-based line of the `##` heading, for error messages. */
  file: string;
  line: number;
}

/** A problem found while loading or linting knowledge; always points at a file and line. */
export interface KnowledgeIssue {
  file: string;
  line: number;
  message: string;
  severity: 'error' | 'warning';
  /** Stable machine-readable code, e.g. `front-matter`, `duplicate-id`, `empty-section`. */
  code: string;
}
