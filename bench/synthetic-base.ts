/**
 * A synthetic knowledge base of N chunks for latency at scale, generated from the real base so it looks
 * like it: headings and bodies are drawn from the real vocabulary with the real word frequencies, body
 * lengths follow the real chunks', and sentences mix in the real documents' framework names and figures.
 * The real chunks are included, so the evaluation questions still have their answers among the noise.
 */
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { KnowledgeIndex } from '../src/core/answer/search-index.ts';
import { words } from '../src/core/answer/terms.ts';
import type { Chunk } from '../src/core/knowledge/schema.ts';
import type { KnowledgeSnapshot } from '../src/core/knowledge/snapshot.ts';

/** Small seeded PRNG (mulberry32) so every run benchmarks the same base. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

export function syntheticChunks(real: readonly Chunk[], total: number, seed = 42): Chunk[] {
  const random = seededRandom(seed);
  // Sampling from the token stream reproduces the real word frequencies (Zipf-like) for free.
  const bodyTokens = real.flatMap((c) => c.body.split(/\s+/).filter(Boolean));
  const headingTokens = real.flatMap((c) => c.heading.split(/\s+/).filter(Boolean));
  const lengths = real.map((c) => c.body.split(/\s+/).length);
  const out = [...real];
  for (let i = 0; out.length < total; i++) {
    const template = pick(real, random);
    const length = pick(lengths, random);
    const sentences: string[] = [];
    let sentence: string[] = [];
    for (let w = 0; w < length; w++) {
      sentence.push(pick(bodyTokens, random).replace(/[.!?]+$/, ''));
      if (sentence.length >= 8 + Math.floor(random() * 14)) {
        sentences.push(`${sentence.join(' ')}.`);
        sentence = [];
      }
    }
    if (sentence.length) sentences.push(`${sentence.join(' ')}.`);
    const heading = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(headingTokens, random)).join(' ');
    const docId = `synthetic-${Math.floor(i / 8)}`;
    out.push({ ...template, id: `${docId}#s${i}`, docId, heading, body: sentences.join(' '), line: 1 + (i % 8) * 10 });
  }
  return out;
}

/** A snapshot with `total` chunks sharing the real one's synonyms, flow and citations. */
export function syntheticSnapshot(real: KnowledgeSnapshot, total: number): KnowledgeSnapshot {
  const chunks = syntheticChunks(real.chunks, total);
  const chunkById = new Map(chunks.map((c) => [c.id, c]));
  return {
    ...real,
    documents: new Set(chunks.map((c) => c.docId)).size,
    chunks,
    chunkById,
    index: new KnowledgeIndex(chunks, real.index.synonyms, real.frameworks),
  };
}

/** Distinct words in a base, for reporting how realistic the synthetic one is. */
export function vocabularySize(chunks: readonly Chunk[]): number {
  return new Set(chunks.flatMap((c) => words(c.body))).size;
}

/**
 * Writes a base of `total` chunks to `outDir` as knowledge files — the real base's files, flow and YAML
 * copied, plus one Markdown file per synthetic document — so a reload can be timed end to end (read,
 * validate, lint, flow, index) at scale. Each synthetic file takes its front matter from its first chunk.
 */
export function writeSyntheticBase(realDir: string, real: readonly Chunk[], total: number, outDir: string): void {
  cpSync(realDir, outDir, { recursive: true });
  const byDoc = new Map<string, Chunk[]>();
  for (const chunk of syntheticChunks(real, total).slice(real.length)) byDoc.set(chunk.docId, [...(byDoc.get(chunk.docId) ?? []), chunk]);
  for (const [docId, chunks] of byDoc) {
    const first = chunks[0] as Chunk;
    const front = { id: docId, title: first.docTitle, source: first.source, frameworks: first.frameworks, tags: first.tags, kind: first.kind };
    const sections = chunks.map((c, i) => `## ${c.heading} ${i + 1}\n${c.body}\n`);
    writeFileSync(path.join(outDir, `${docId}.md`), `---\n${stringify(front)}---\n\n${sections.join('\n')}`);
  }
}
