/**
 * A third framework is data: the JAX fixture base (shipped knowledge + a JAX entry appended to
 * frameworks.yaml, an invented "Fixture Review" article, a flow option and rule) passes kb:check, answers
 * JAX questions from that article, leaves every other answer as it was, and the flow can recommend JAX.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerToJson } from '../../src/core/answer/answer-json.ts';
import { answerQuestion } from '../../src/core/answer/compose.ts';
import { recommend } from '../../src/core/flow/recommend.ts';
import { toRecommendationJson } from '../../src/core/flow/recommendation-json.ts';
import { loadKnowledgeBase } from '../../src/core/knowledge/load.ts';
import type { KnowledgeSnapshot } from '../../src/core/knowledge/snapshot.ts';
import { loadEvalSet } from './eval-set.ts';
import { buildJaxBase, JAX_ARTICLE } from './jax-fixture.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function load(dir: string): Promise<KnowledgeSnapshot> {
  const { snapshot, issues } = await loadKnowledgeBase(dir);
  if (!snapshot) throw new Error(issues.map((i) => `${i.file}:${i.line}: ${i.message}`).join('\n'));
  return snapshot;
}

let jax: { dir: string; remove: () => void };
let control: { dir: string; remove: () => void };
let kb: KnowledgeSnapshot;
let controlKb: KnowledgeSnapshot;
beforeAll(async () => {
  jax = buildJaxBase();
  // The same files with JAX *not* declared (the article filed under the two shipped frameworks): the
  // same words and statistics, so any difference in answers is what declaring JAX does.
  control = buildJaxBase();
  cpSync(path.join(ROOT, 'knowledge/frameworks.yaml'), path.join(control.dir, 'frameworks.yaml'));
  cpSync(path.join(ROOT, 'knowledge/flow'), path.join(control.dir, 'flow'), { recursive: true });
  const article = path.join(control.dir, JAX_ARTICLE);
  writeFileSync(article, readFileSync(article, 'utf8').replace('frameworks: [jax]', 'frameworks: [tensorflow, pytorch]'));
  [kb, controlKb] = await Promise.all([load(jax.dir), load(control.dir)]);
});
afterAll(() => {
  jax?.remove();
  control?.remove();
});

const FIXTURE = /Fixture Review/;
const citedSources = (snapshot: KnowledgeSnapshot, q: string) => answerQuestion(snapshot, q).snippets.map((s) => s.citation.source);

describe('the JAX fixture base', () => {
  it('passes npm run kb:check', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/kb-check.ts', jax.dir], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/knowledge OK: 22 documents/);
  });

  it('declares three frameworks, in file order', () => {
    expect(kb.frameworks.ids).toEqual(['tensorflow', 'pytorch', 'jax']);
    expect(kb.frameworks.names).toEqual(['TensorFlow', 'PyTorch', 'JAX']);
  });

  it.each([
    ['how does jax vmap compare to pmap?', /vmap/],
    ['what surprises newcomers about side effects in JAX?', /side effect/],
    ['can jaxlib spread work over several devices?', /pmap/],
  ])('answers "%s" from the Fixture Review, naming JAX', (question, fact) => {
    const answer = answerQuestion(kb, question);
    expect(answer.answered, answer.lead).toBe(true);
    expect(answer.snippets[0]?.citation.source).toMatch(FIXTURE);
    expect(answer.snippets[0]?.text).toMatch(fact);
    expect(answer.snippets[0]?.frameworkNames).toEqual(['JAX']);
  });

  it('reads a JAX typo and alias as JAX (the alias expands like a synonym)', () => {
    expect(kb.index.parse('is jaxlib good').frameworks).toEqual(['jax']);
    expect(kb.index.parse('jax numpy vs pytorch').frameworks).toEqual(['pytorch', 'jax']);
  });

  it('names all three frameworks when it declines', () => {
    expect(answerQuestion(kb, 'what is a good recipe for banana bread?').lead).toMatch(/I only answer TensorFlow, PyTorch and JAX questions/);
    expect(answerQuestion(kb, '???').lead).toMatch(/^Ask me something about TensorFlow, PyTorch or JAX/);
  });

  it('leaves every other eval answer as it was: same answer, same citations; only the suggestions ("Related", "You could ask about") may move', () => {
    const files = ['questions', 'held-out', 'held-out-3', 'blind-4', 'blind-5', 'blind-6', 'blind-7'];
    const questions = files.flatMap((f) => {
      const set = loadEvalSet(path.join(ROOT, `tests/eval/${f}.yaml`)) as Record<string, unknown>;
      return Object.values(set).flatMap((list) => (Array.isArray(list) ? list.map((e) => (typeof e === 'string' ? e : (e as { q: string }).q)) : []));
    });
    const others = questions.filter((q) => !/jax/i.test(q));
    expect(others.length).toBeGreaterThan(600);
    const names = (text: string) => text.replace('TensorFlow, PyTorch and JAX', 'TensorFlow and PyTorch').replace('TensorFlow, PyTorch or JAX', 'TensorFlow or PyTorch');
    const shown = (snapshot: KnowledgeSnapshot, q: string) => {
      const json = JSON.parse(answerToJson(answerQuestion(snapshot, q))) as { answer: string };
      return names(JSON.stringify({ ...json, answer: json.answer.split('\n').filter((line) => !/^(Related|You could ask about):/.test(line)) }));
    };
    const changed = others.filter((q) => shown(kb, q) !== shown(controlKb, q));
    expect(changed).toEqual([]);
    expect(others.filter((q) => citedSources(kb, q).some((s) => FIXTURE.test(s)))).toEqual([]);
  });
});

describe('/choose-framework on the JAX fixture base', () => {
  const rec = (answers: Record<string, string>) => recommend(kb.flow, (id) => kb.citationFor(id), answers);

  it('recommends JAX when a rule favours it, citing the Fixture Review, and ranks all three', () => {
    const result = rec({ team: 'jax' });
    expect(result.framework).toBe('jax');
    expect(result.reasons[0]?.citation.source).toMatch(FIXTURE);
    expect(result.ranking.map((r) => [r.framework, r.name, r.score])).toEqual([
      ['jax', 'JAX', 4],
      ['tensorflow', 'TensorFlow', 0], // level scores keep the declared order
      ['pytorch', 'PyTorch', 0],
    ]);
    expect(result.scores).toEqual({ tensorflow: 0, pytorch: 0, jax: 4 });
  });

  it('keeps `framework` (the winner) in choose --json and adds the ranking', () => {
    const json = toRecommendationJson(rec({ team: 'jax', goal: 'production' }), kb.chunkById);
    expect(json.framework).toBe('jax');
    expect(json.ranking.map((r) => r.framework)).toEqual(['jax', 'tensorflow', 'pytorch']);
    expect(json.runnerUp.framework).toBe('tensorflow');
  });

  it('ranks a framework no answer favours, and tells which answer would tip it', () => {
    const result = rec({ goal: 'research' });
    expect(result.framework).toBe('pytorch');
    expect(result.ranking.map((r) => r.framework)).toEqual(['pytorch', 'tensorflow', 'jax']);
    expect(result.wouldChange.join(' ')).toMatch(/with JAX would tip it to JAX/);
  });

  it('shows the PyTorch→TensorFlow hybrid path only when those two lead', () => {
    expect(rec({ goal: 'research', hardware: 'tpu' }).hybrid).toBeDefined();
    const jaxAndPytorch = rec({ goal: 'research', team: 'jax' });
    expect(jaxAndPytorch.ranking.slice(0, 2).map((r) => r.framework)).toEqual(['jax', 'pytorch']);
    expect(jaxAndPytorch.hybrid).toBeUndefined();
  });
});
