/**
 * Knowledge: what the serving base holds — files, their sources (publisher, date, link) and sections
 * with line numbers — and how the last reload went, with its errors as file:line.
 */
import type { KnowledgeFile } from '../../core/knowledge/overview.ts';
import type { KnowledgeStatus } from '../../core/ports.ts';
import { issueList } from './fragments.ts';
import { html, type SafeHtml } from './html.ts';
import { countOf, formatTime, layout } from './layout.ts';

function lastReload(status: KnowledgeStatus, knowledgeDir: string | undefined): SafeHtml {
  const reload = status.lastReload;
  if (!reload) return html`<p>No reload since this process started; the base was loaded at ${formatTime(status.loadedAt)}.</p>`;
  const when = html`${formatTime(reload.at)} (trigger: <code>${reload.trigger}</code>)`;
  if (reload.ok) {
    return html`<p class="notice good">Last reload ${when} succeeded: ${reload.before.documents} → ${reload.after.documents} files, ${reload.before.chunks} → ${reload.after.chunks} sections.</p>`;
  }
  return html`<div class="notice bad"><p>Last reload ${when} was refused with ${countOf(reload.errors.length, 'error')}; the base loaded at ${formatTime(status.loadedAt)} keeps serving.</p>${issueList(reload.errors, knowledgeDir)}</div>`;
}

function fileCard(file: KnowledgeFile): SafeHtml {
  const { source } = file;
  const published = html`${source.publisher}, ${source.date === 'undated' ? 'undated' : source.date}`;
  return html`<article class="card">
<h3>${file.title}</h3>
<p class="meta"><code>${file.file}</code> · ${file.frameworks.join(', ')}${file.kind === 'corrections' ? ' · corrections' : ''}</p>
<p>Source: ${source.url ? html`<a href="${source.url}" rel="noreferrer">${source.title}</a>` : html`<cite>${source.title}</cite>`} — ${published}</p>
<details><summary>${countOf(file.sections.length, 'section')}</summary><ul>${file.sections.map(
    (section) => html`<li>${section.heading} <span class="meta">(line ${section.line})</span></li>`,
  )}</ul></details>
</article>`;
}

export function knowledgePage(csrf: string, status: KnowledgeStatus, files: readonly KnowledgeFile[], knowledgeDir?: string): SafeHtml {
  const sources = new Set(files.map((f) => `${f.source.publisher}\u0000${f.source.title}`)).size;
  const body = html`<ul class="counts" aria-label="Serving knowledge base">
<li><strong id="count-files">${status.documents}</strong> files</li>
<li><strong id="count-sections">${status.chunks}</strong> sections</li>
<li><strong>${sources}</strong> sources</li>
</ul>
<h2>Last reload</h2>
${lastReload(status, knowledgeDir)}
<h2>Files</h2>
${files.map(fileCard)}`;
  return layout({ title: 'Knowledge', csrf, current: '/admin', body });
}
