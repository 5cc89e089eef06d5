/** Pieces several admin pages show: a knowledge section with its file:line, and a list of load errors. */
import { isAbsolute, relative } from 'node:path';
import type { KnowledgeFile } from '../../core/knowledge/overview.ts';
import type { KnowledgeIssue } from '../../core/knowledge/schema.ts';
import { html, type SafeHtml } from './html.ts';

export interface SectionRef {
  chunkId: string;
  title: string;
  heading: string;
  file: string;
  line: number;
}

/** Where each section of the serving base lives, by chunk id and by heading. */
export interface SectionIndex {
  byId: ReadonlyMap<string, SectionRef>;
  byHeading: ReadonlyMap<string, SectionRef[]>;
}

export function indexSections(files: readonly KnowledgeFile[]): SectionIndex {
  const byId = new Map<string, SectionRef>();
  const byHeading = new Map<string, SectionRef[]>();
  for (const file of files) {
    for (const section of file.sections) {
      const ref = { chunkId: section.chunkId, title: file.title, heading: section.heading, file: file.file, line: section.line };
      byId.set(ref.chunkId, ref);
      byHeading.set(ref.heading, [...(byHeading.get(ref.heading) ?? []), ref]);
    }
  }
  return { byId, byHeading };
}

/** "Deployment — TensorFlow vs PyTorch (seed-a.md:12)". */
export function sectionLabel(ref: SectionRef): SafeHtml {
  return html`${ref.heading} <span class="meta">— ${ref.title} (<code>${ref.file}:${ref.line}</code>)</span>`;
}

/** A cited chunk id: its section when it is still in the base, else the bare id, marked as gone. */
export function citedSection(chunkId: string, sections: SectionIndex): SafeHtml {
  const ref = sections.byId.get(chunkId);
  return ref ? sectionLabel(ref) : html`<code>${chunkId}</code> <span class="meta">(no longer in the base)</span>`;
}

/** A suggested heading: every section with that heading, or the heading alone when none has it now. */
export function suggestedSection(heading: string, sections: SectionIndex): SafeHtml {
  const refs = sections.byHeading.get(heading) ?? [];
  if (refs.length === 0) return html`${heading} <span class="meta">(no longer in the base)</span>`;
  return html`${refs.map((ref, i) => html`${i > 0 ? '; ' : ''}${sectionLabel(ref)}`)}`;
}

/** A loader path as the Knowledge page shows files: relative to the knowledge dir when inside it. */
function shownPath(file: string, knowledgeDir: string | undefined): string {
  if (!knowledgeDir) return file;
  const inside = relative(knowledgeDir, file);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : file;
}

/** Knowledge errors as `file:line: message`, the form admins fix them from. */
export function issueList(issues: readonly KnowledgeIssue[], knowledgeDir?: string): SafeHtml {
  return html`<ul class="errors">${issues.map((issue) => html`<li><code>${shownPath(issue.file, knowledgeDir)}:${issue.line}</code>: ${issue.message}</li>`)}</ul>`;
}
