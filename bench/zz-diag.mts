import { loadKnowledgeBase } from '../src/core/knowledge/load.ts';
import { isEnglishWord } from '../src/core/answer/english-words.ts';
import { decide } from '../src/core/answer/confidence.ts';
const { snapshot } = await loadKnowledgeBase('knowledge');
const idx = snapshot!.index;
for (const q of process.argv.slice(2)) {
  const p = idx.parse(q);
  const hits = idx.query(p, 10);
  const top = hits[0];
  const desc = p.terms
    .map((t) => `${t}${idx.documentFrequency.has(t) ? '' : isEnglishWord(t) ? '(?en)' : '(?)'}${top?.matchQuality.get(t) ? '✓' : ''}${idx.isCommon(t) ? '(c)' : ''}`)
    .join(' ');
  const d = decide(p, hits, idx);
  console.log(
    `${d.answer ? 'ANS' : 'DEC'} cov ${d.coverage.toFixed(2)} top ${top?.score.toFixed(1)} anchors ${idx.anchorEnds(p.sequence).length} | ${desc} | ${hits
      .slice(0, 3)
      .map((h) => h.chunk.heading)
      .join(' / ')}`,
  );
}
