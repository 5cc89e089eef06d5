import { loadKnowledgeBase } from './src/core/knowledge/load.ts';
import { chooseHitsForDebug } from './src/core/answer/compose.ts';
import { loadEvalSet } from './tests/core/eval-set.ts';
import { isFrameworkTerm } from './src/core/answer/frameworks.ts';
const { snapshot } = await loadKnowledgeBase('knowledge');
const idx = snapshot!.index;
const rows: string[] = [];
for (const f of process.argv.slice(2)) {
  const set = loadEvalSet(f);
  const qs: [string, string][] = [...set.answerable.map((a) => ['A', a.q] as [string,string]), ...set.off_topic.map((q) => ['O', q] as [string,string]), ...set.uncovered.map((u) => ['U', u.q] as [string,string])];
  for (const [kind, q] of qs) {
    const p = idx.parse(q);
    const hits = idx.query(p, 10);
    const ch = chooseHitsForDebug(p, hits, idx);
    const topical = p.terms.filter((t) => !isFrameworkTerm(t));
    const known = topical.filter((t) => idx.vocabulary.knows(t));
    const unk = topical.filter((t) => !idx.vocabulary.knows(t));
    let best = 0, bestCount = 0;
    const tot = known.reduce((s, t) => s + idx.idf(t), 0);
    for (const h of ch) { let c = 0, n = 0; for (const t of known) { const qq = h.matchQuality.get(t) ?? 0; c += idx.idf(t) * qq; if (qq) n++; } if (tot && c / tot > best) { best = c / tot; bestCount = n; } }
    const anchored = p.frameworks.length > 0 || idx.anchors.anchors(p.sequence);
    rows.push([kind, anchored ? 'anc' : '---', p.missing.length ? 'MISS' : '-', best.toFixed(2), `${bestCount}/${known.length}`, `u${unk.length}`, unk.join(','), q.slice(0, 80)].join('\t'));
  }
}
console.log(rows.join('\n'));
