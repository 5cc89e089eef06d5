/** Feedback: every answer people rated, by question, newest vote first, with 👍/👎 and the cited sections. */
import type { UsageReport } from '../../core/ports.ts';
import { citedSection, type SectionIndex } from './fragments.ts';
import { html, type SafeHtml } from './html.ts';
import { formatTime, layout } from './layout.ts';

export function feedbackPage(csrf: string, feedback: UsageReport['feedback'], sections: SectionIndex): SafeHtml {
  const up = feedback.reduce((sum, f) => sum + f.up, 0);
  const down = feedback.reduce((sum, f) => sum + f.down, 0);
  const body =
    feedback.length === 0
      ? html`<p>No votes yet. When people press 👍 or 👎 under an answer in Slack or Discord, the answer appears here.</p>`
      : html`<ul class="counts" aria-label="Votes"><li><strong>${up}</strong> 👍 helpful</li><li><strong>${down}</strong> 👎 not helpful</li></ul>
<ol class="feedback">${feedback.map(
          (item) => html`<li class="card">
<h2>${item.question}</h2>
<p><span class="votes">👍 ${item.up} · 👎 ${item.down}</span> <span class="meta">last vote ${formatTime(item.at)}</span></p>
<p>Cited:</p><ul>${item.chunkIds.map((id) => html`<li>${citedSection(id, sections)}</li>`)}</ul>
</li>`,
        )}</ol>`;
  return layout({ title: 'Feedback', csrf, current: '/admin/feedback', body });
}
