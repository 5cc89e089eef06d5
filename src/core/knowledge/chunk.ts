/**
 * Chunking: each `##` section of a knowledge file is one retrievable chunk. Ids are derived from the
 * heading (`${docId}#${slug}`) so they stay stable across reloads and edits of the text below it —
 * feedback records and flow reasons refer to chunks by these ids.
 */
import type { Chunk, FrontMatter, KnowledgeIssue } from './schema.ts';

/** Sections longer than this are hard to cite well; split them. */
export const MAX_CHUNK_WORDS = 320;

/** `"Eager mode & tf.function"` → `"eager-mode-tf-function"`. */
export function slugify(heading: string): string {
  const slug = heading
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'section';
}

/** `\s` in a regex: ASCII and Unicode white space. */
const isSpace = (c: number) =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  (c >= 0x80 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));

/**
 * Runs of non-space characters (`text.split(/\s+/).filter(Boolean).length`), counted without making the
 * words: every chunk is counted twice per load (the length check, then the stats), 200,000 times at 100k.
 */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) count += 1;
    inWord = !space;
  }
  return count;
}

interface Section {
  heading: string;
  line: number;
  lines: string[];
}

/**
 * Splits a body into `##` sections (ignoring `##` inside code fences). `relFile` is the path relative to
 * the knowledge dir (stored on chunks); `displayFile` is what issues show.
 */
export function chunkDocument(frontMatter: FrontMatter, body: string, bodyLine: number, relFile: string, displayFile: string): { chunks: Chunk[]; issues: KnowledgeIssue[] } {
  const issues: KnowledgeIssue[] = [];
  const warn = (line: number, message: string, code: string, severity: KnowledgeIssue['severity'] = 'warning') => issues.push({ file: displayFile, line, message, severity, code });

  const sections: Section[] = [];
  const preamble: { line: number; text: string }[] = [];
  let inFence = false;
  body.split(/\r?\n/).forEach((raw, i) => {
    const line = bodyLine + i;
    if (/^\s*(```|~~~)/.test(raw)) inFence = !inFence;
    const heading = !inFence ? /^##\s+(.+?)\s*#*\s*$/.exec(raw) : null;
    if (heading?.[1]) sections.push({ heading: heading[1].trim(), line, lines: [] });
    else if (sections.length > 0) sections[sections.length - 1]?.lines.push(raw);
    else if (raw.trim() && !/^#\s/.test(raw)) preamble.push({ line, text: raw });
  });

  const first = preamble[0];
  if (first) {
    warn(first.line, 'text before the first `##` heading is not searchable — move it under a `## …` section', 'preamble');
  }
  if (sections.length === 0) warn(bodyLine, 'no `##` sections — add at least one `## Heading` with text below it', 'no-sections', 'error');

  const chunks: Chunk[] = [];
  const seen = new Map<string, number>();
  for (const section of sections) {
    const id = `${frontMatter.id}#${slugify(section.heading)}`;
    const body = section.lines.join('\n').trim();
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      warn(section.line, `duplicate section id \`${id}\` (also at line ${earlier}) — give the headings different names`, 'duplicate-id', 'error');
      continue;
    }
    seen.set(id, section.line);
    if (!body) {
      warn(section.line, `section "${section.heading}" is empty — add text below the heading or remove it`, 'empty-section', 'error');
      continue;
    }
    const words = countWords(body);
    if (words > MAX_CHUNK_WORDS) {
      warn(
        section.line,
        `section "${section.heading}" has ${words} words (over ${MAX_CHUNK_WORDS}) — split it into smaller \`##\` sections so snippets stay focused`,
        'long-section',
      );
    }
    chunks.push({
      id,
      docId: frontMatter.id,
      docTitle: frontMatter.title,
      heading: section.heading,
      body,
      tags: frontMatter.tags,
      kind: frontMatter.kind,
      frameworks: frontMatter.frameworks,
      source: frontMatter.source,
      file: relFile,
      line: section.line,
    });
  }
  return { chunks, issues };
}
