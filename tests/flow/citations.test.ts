/** One numbering of a recommendation's sources, whichever renderer shows it: text, JSON, Slack, Discord. */
import { describe, expect, it } from 'vitest';
import { renderFlowStep as renderDiscord } from '../../src/adapters/discord/render-flow.ts';
import { renderFlowStep as renderSlack } from '../../src/adapters/slack/render-flow.ts';
import { numberCitations } from '../../src/core/flow/citations.ts';
import { renderRecommendationText } from '../../src/core/flow/plain-text.ts';
import { recommend } from '../../src/core/flow/recommend.ts';
import { toRecommendationJson } from '../../src/core/flow/recommendation-json.ts';
import type { FlowStep } from '../../src/core/flow/types.ts';
import { realSnapshot } from './real-flow.ts';

describe('recommendation citations', () => {
  it('are numbered once, in display order, and every platform cites the same source as [n]', async () => {
    const kb = await realSnapshot();
    // Research now, phones later: reasons, a runner-up best case and the hybrid path all cite.
    const rec = recommend(kb.flow, (id) => kb.citationFor(id), { goal: 'research', target: 'mobile_edge', hardware: 'tpu', domain: 'vision', team: 'none' });
    const { citations, numberOf } = numberCitations(rec);
    expect(new Set(citations.map((c) => c.chunkId)).size).toBe(citations.length);
    expect(numberOf(rec.reasons[0]!.citation)).toBe(1);
    const last = rec.hybrid ?? rec.runnerUp.bestCase;
    if (last) expect(numberOf(last.citation)).toBe(Math.max(...[...rec.reasons, rec.runnerUp.bestCase, rec.hybrid].filter((r) => r).map((r) => numberOf(r!.citation))));

    const titles = citations.map((c) => c.title);
    // Plain text and JSON list the sources in that order.
    const text = renderRecommendationText(rec);
    const listed = text
      .split('Sources:\n')[1]!
      .split('\n')
      .map((line) => line.replace(/^\[\d+\] /, ''));
    expect(listed.map((l, i) => l.startsWith(titles[i]!))).toEqual(titles.map(() => true));
    expect(toRecommendationJson(rec, kb.chunkById).citations.map((c) => c.title)).toEqual(titles);

    // Slack and Discord put the same number next to each reason.
    const step: FlowStep = { kind: 'result', nonce: 'n', recommendation: rec };
    const slack = JSON.stringify(renderSlack(step));
    const discord = JSON.stringify(renderDiscord(step));
    for (const reason of rec.reasons) {
      const n = numberOf(reason.citation);
      expect(slack).toContain(`*[${n}]*`);
      expect(discord).toContain(`[${n}]`);
    }
    expect(discord).toContain(`[${citations.length}] ${citations.at(-1)!.title}`);
  });
});
