import { loadKnowledgeBase } from './src/core/knowledge/load.ts';
import { chooseHitsForDebug } from './src/core/answer/compose.ts';
const { snapshot } = await loadKnowledgeBase('knowledge');
const idx = snapshot!.index;
for (const q of process.argv.slice(2)) {
  const p = idx.parse(q);
  const hits = idx.query(p, 10);
  console.log('Q', q, 'terms', p.terms, 'unknown', p.unknown.map(u=>u.text), 'missing', p.missing.map(m=>m.text), 'anchored', idx.anchors.found(p.sequence), 'words', p.words.join(' '));
  const { decide } = await import('./src/core/answer/answerability.ts');
  const ch = chooseHitsForDebug(p, hits, idx);
  const d = decide(p, ch, idx); console.log('   decision', JSON.stringify(d).slice(0,200), 'topical idf', p.terms.map(t=>t+':'+idx.idf(t).toFixed(1)).join(' '));
  for (const h of hits.slice(0,3)) console.log('   ', h.score.toFixed(2), h.chunk.id, [...h.matchQuality].map(([t,q])=>t+':'+q).join(' '));
}
