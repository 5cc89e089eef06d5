import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadKnowledgeBase } from '../src/core/knowledge/load.ts';
import { writeSyntheticBase } from './synthetic-base.ts';

const KNOWLEDGE = path.resolve('knowledge');
const dir = process.env.BASE_DIR ?? path.join(tmpdir(), 'fdesk-reload-100k');
if (!existsSync(dir)) {
  const real = await loadKnowledgeBase(KNOWLEDGE);
  writeSyntheticBase(KNOWLEDGE, real.snapshot?.chunks ?? [], 100_000, dir);
}
const load = process.env.LOADER ? ((await import(process.env.LOADER)) as { loadKnowledgeBase: typeof loadKnowledgeBase }).loadKnowledgeBase : loadKnowledgeBase;
const t = performance.now();
const r = await load(dir);
console.log(
  `${process.env.LOADER ? 'old' : 'new'} reload ${Math.round(performance.now() - t)} ms, chunks ${r.stats.chunks}, errors ${r.issues.filter((i) => i.severity === 'error').length}, user ${Math.round(process.cpuUsage().user / 1000)} ms`,
);
