/**
 * Coverage gaps: the questions the bot declined, grouped as the Store groups them (case and spacing
 * ignored), most asked first, with the sections it suggested instead — the to-do list for `knowledge/`.
 */
import type { UsageReport } from '../../core/ports.ts';
import { suggestedSection, type SectionIndex } from './fragments.ts';
import { html, type SafeHtml } from './html.ts';
import { countOf, layout } from './layout.ts';

export function gapsPage(csrf: string, unanswered: UsageReport['unanswered'], sections: SectionIndex): SafeHtml {
  const body =
    unanswered.length === 0
      ? html`<p>No declined questions yet. Questions the bot declines — off topic, not confident, or naming something the sources lack — appear here.</p>`
      : html`<p>Most asked first. Each entry is a question the bot would not answer, and the sections it offered instead the last time.</p>
<ol class="gaps">${unanswered.map(
          (gap) => html`<li class="card">
<h2>${gap.question}</h2>
<p class="meta">asked ${countOf(gap.count, 'time')}</p>
${
  gap.suggested.length > 0
    ? html`<p>Suggested instead:</p><ul>${gap.suggested.map((heading) => html`<li>${suggestedSection(heading, sections)}</li>`)}</ul>`
    : html`<p class="meta">No section was close enough to suggest.</p>`
}
</li>`,
        )}</ol>`;
  return layout({ title: 'Coverage gaps', csrf, current: '/admin/gaps', body });
}
