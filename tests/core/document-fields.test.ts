/**
 * A document's title and tags belong to all its chunks. They are indexed once per distinct (title, tags)
 * rather than on every chunk, and added to each chunk's score; a chunk whose only match is its
 * document's tags must still be found, and a term matched in both places counts once.
 */
import { describe, expect, it } from 'vitest';
import { loadFixture, writeKnowledgeDir } from './fixture-kb.ts';

const doc = (id: string, tags: string, sections: string) =>
  `---\nid: ${id}\ntitle: ${id} notes\nsource:\n  publisher: Example\n  title: ${id}\n  date: "2024"\nframeworks: [tensorflow]\ntags: [${tags}]\n---\n${sections}`;

async function base() {
  const dir = writeKnowledgeDir({
    'history.md': doc('history', 'chronicle', '## Early days\nTensorFlow appeared in 2015.\n\n## Later\nVersion 2.0 followed in 2019.\n'),
    'serving.md': doc('serving', 'deployment', '## Serving\nTensorFlow Serving answers requests over gRPC.\n\n## Chronicle of releases\nServing releases follow the framework.\n'),
    'mobile.md': doc('mobile', 'phones', '## Lite\nTensorFlow Lite runs models on phones.\n'),
  });
  const { snapshot } = await loadFixture(dir);
  if (!snapshot) throw new Error('fixture base failed to load');
  return snapshot.index;
}

describe('document title and tags', () => {
  it('find a chunk whose only match is its document’s tags', async () => {
    const index = await base();
    // "chronicle" is a tag of history.md (in none of its text) and a heading word in serving.md.
    const ids = index.query(index.parse('chronicle')).map((hit) => hit.chunk.id);
    expect(ids).toEqual(expect.arrayContaining(['history#early-days', 'history#later', 'serving#chronicle-of-releases']));
    expect(ids).not.toContain('mobile#lite');
  });

  it('add to the chunk’s own match, counting a term matched in both places once', async () => {
    const index = await base();
    const hits = index.query(index.parse('deployment serving requests'));
    const [best] = hits;
    expect(best?.chunk.id).toBe('serving#serving');
    expect(best?.matchedTerms.filter((t) => t === 'serv')).toHaveLength(1);
    // The serving document's tag ("deployment") lifts its other chunk above nothing-matched chunks.
    expect(hits.map((h) => h.chunk.id)).toContain('serving#chronicle-of-releases');
    expect(hits.map((h) => h.chunk.id)).not.toContain('mobile#lite');
  });

  it('score like one index would: the sum of every field’s score times the number of terms matched', async () => {
    const index = await base();
    const scoreOf = (question: string, chunkId: string) => index.query(index.parse(question)).find((hit) => hit.chunk.id === chunkId)?.score ?? 0;
    const own = scoreOf('grpc', 'serving#serving'); // the chunk's text only
    const fromTags = scoreOf('deployment', 'serving#chronicle-of-releases'); // its document's tags only
    expect(own).toBeGreaterThan(0);
    expect(fromTags).toBeGreaterThan(0);
    expect(scoreOf('grpc deployment', 'serving#serving')).toBeCloseTo((own + fromTags) * 2, 9);
  });
});
