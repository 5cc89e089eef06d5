import { describe, expect, it } from 'vitest';
import { parseFlow } from '../../src/core/flow/parse.ts';
import { loadKnowledgeBase } from '../../src/core/knowledge/load.ts';
import { FIXTURE_CHUNKS, FIXTURE_FRAMEWORKS, FIXTURE_TEXT } from './fixture-flow.ts';

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('parseFlow', () => {
  it('accepts the fixture flow and keeps questions in file order', () => {
    const { flow, issues } = parseFlow(FIXTURE_TEXT, 'f.yaml', FIXTURE_CHUNKS, FIXTURE_FRAMEWORKS);
    expect(issues).toEqual([]);
    expect(flow?.questions.map((q) => q.id)).toEqual(['goal', 'target', 'hardware', 'domain', 'team']);
    expect(flow?.maxReasons).toBe(3);
  });

  it('reports an unknown cite on the line of that cite, naming the fix', () => {
    const text = FIXTURE_TEXT.replace('cite: "fx#tpu"', 'cite: "fx#nope"');
    const { flow, issues } = parseFlow(text, 'f.yaml', FIXTURE_CHUNKS, FIXTURE_FRAMEWORKS);
    expect(flow).toBeUndefined();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'f.yaml', line: lineOf(text, 'fx#nope'), severity: 'error', code: 'flow-cite' });
    expect(issues[0]?.message).toMatch(/unknown chunk "fx#nope"/);
  });

  it('rejects `when` conditions on unknown options, naming the valid ones', () => {
    const text = FIXTURE_TEXT.replace('when: { hardware: tpu }', 'when: { hardware: quantum }');
    const { issues } = parseFlow(text, 'f.yaml', FIXTURE_CHUNKS, FIXTURE_FRAMEWORKS);
    expect(issues[0]?.line).toBe(lineOf(text, 'quantum'));
    expect(issues[0]?.message).toContain('gpu, tpu, cpu');
  });

  it('rejects unknown question ids in `when` through the schema, with the line', () => {
    const text = FIXTURE_TEXT.replace('when: { hardware: tpu }', 'when: { budget: tpu }');
    const { issues } = parseFlow(text, 'f.yaml', FIXTURE_CHUNKS, FIXTURE_FRAMEWORKS);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]?.line).toBe(lineOf(text, 'budget'));
  });

  it('refuses to drop a contract option', () => {
    const text = FIXTURE_TEXT.replace('      - { id: undecided, label: Undecided }\n', '');
    const { issues } = parseFlow(text, 'f.yaml', FIXTURE_CHUNKS, FIXTURE_FRAMEWORKS);
    expect(issues.map((i) => i.message)).toContain('option "target: undecided" is missing — it is part of the public id contract');
  });

  it('points schema errors at the offending line', () => {
    const text = FIXTURE_TEXT.replace('weight: 2,', 'weight: -2,');
    const { issues } = parseFlow(text, 'f.yaml', FIXTURE_CHUNKS, FIXTURE_FRAMEWORKS);
    expect(issues[0]).toMatchObject({ line: lineOf(text, 'weight: -2'), code: 'flow-schema' });
    expect(issues[0]?.message).toMatch(/^`rules\.1\.weight`/);
  });

  it('reports YAML syntax errors with their line', () => {
    const text = 'version: 1\nquestions:\n  - id: goal\n    prompt: [unclosed\n';
    const { flow, issues } = parseFlow(text, 'f.yaml', FIXTURE_CHUNKS, FIXTURE_FRAMEWORKS);
    expect(flow).toBeUndefined();
    expect(issues[0]?.code).toBe('flow-yaml');
    expect(issues[0]?.line).toBeGreaterThanOrEqual(4);
  });

  it('reports duplicate options', () => {
    const text = FIXTURE_TEXT.replace('      - { id: cpu, label: CPU }\n', '      - { id: cpu, label: CPU }\n      - { id: cpu, label: CPU again }\n');
    expect(parseFlow(text, 'f.yaml', FIXTURE_CHUNKS, FIXTURE_FRAMEWORKS).issues[0]?.message).toMatch(/appears twice/);
  });

  it('never throws on garbage', () => {
    for (const text of ['', '---', '42', '[]', '{', 'version: 2', '\u0000\u0001', 'a: b: c']) {
      const result = parseFlow(text, 'f.yaml', FIXTURE_CHUNKS, FIXTURE_FRAMEWORKS);
      expect(result.flow).toBeUndefined();
      expect(result.issues.length).toBeGreaterThan(0);
    }
  });

  it('the real flow file loads with the real knowledge base', async () => {
    const { snapshot, issues } = await loadKnowledgeBase('knowledge');
    expect(issues.filter((i) => i.severity === 'error' && i.file.includes('flow'))).toEqual([]);
    expect(snapshot?.flow.rules.length).toBeGreaterThan(5);
  });
});
