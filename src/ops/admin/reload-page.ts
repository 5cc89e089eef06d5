/**
 * Reload: one button that re-reads `KNOWLEDGE_DIR` all-or-nothing. After a click the page shows the old
 * → new counts, or every error with file:line and that the old base keeps serving.
 */
import type { KnowledgeStatus, ReloadResult } from '../../core/ports.ts';
import { issueList } from './fragments.ts';
import { html, type SafeHtml } from './html.ts';
import { countOf, csrfField, layout } from './layout.ts';

function outcome(result: ReloadResult, knowledgeDir: string | undefined): SafeHtml {
  if (result.ok) {
    return html`<div class="notice good" role="status" id="reload-result"><p><strong>Reloaded.</strong> Files ${result.before.documents} → ${result.after.documents}, sections ${result.before.chunks} → ${result.after.chunks} (${Math.round(result.ms)} ms).</p></div>`;
  }
  return html`<div class="notice bad" role="alert" id="reload-result">
<p><strong>Reload refused</strong> with ${countOf(result.errors.length, 'error')}. Fix ${result.errors.length === 1 ? 'it' : 'them'} and reload again.</p>
${issueList(result.errors, knowledgeDir)}
<p>The old base keeps serving: ${countOf(result.after.documents, 'file')}, ${countOf(result.after.chunks, 'section')}.</p>
</div>`;
}

export function reloadPage(csrf: string, status: KnowledgeStatus, result?: ReloadResult, knowledgeDir?: string): SafeHtml {
  const body = html`${result && outcome(result, knowledgeDir)}
<p>Serving ${countOf(status.documents, 'file')} and ${countOf(status.chunks, 'section')}. A reload reads every knowledge file again and swaps the new base in only when it has no errors; with Redis, every replica reloads too.</p>
<form method="post" action="/admin/reload">${csrfField(csrf)}<button type="submit">Reload knowledge</button></form>`;
  return layout({ title: 'Reload', csrf, current: '/admin/reload', body });
}
