/**
 * `frameworks.yaml` as kb:check and a reload see it: what it declares is the only framework vocabulary of a
 * base — front matter and flow rules naming anything else are named with file:line and the fix — and a
 * reload that adds a framework is answered from at once, no restart.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createDesk } from '../../src/core/desk.ts';
import { parseFrameworksFile } from '../../src/core/knowledge/frameworks-file.ts';
import { MemoryStore } from '../../src/stores/memory-store.ts';
import { JAX_ARTICLE } from './jax-fixture.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PIECES = path.join(ROOT, 'tests/fixtures/knowledge-jax');

/** A temp copy of the shipped base, removed when the test ends. */
function shippedCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kb-fw-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(path.join(ROOT, 'knowledge'), dir, { recursive: true });
  return dir;
}

function kbCheck(dir: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/kb-check.ts', dir], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  return { code: run.status, out: run.stdout + run.stderr };
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('kb:check and frameworks.yaml', () => {
  it('names an undeclared framework in front matter and in the flow with file:line and what to do', () => {
    const dir = shippedCopy();
    cpSync(path.join(PIECES, JAX_ARTICLE), path.join(dir, JAX_ARTICLE)); // says `frameworks: [jax]`; JAX not declared
    const flowFile = path.join(dir, 'flow/choose-framework.yaml');
    const flow = readFileSync(flowFile, 'utf8').replace(
      'favours: tensorflow\n    weight: 3\n    reason: TensorFlow Lite',
      'favours: keras\n    weight: 3\n    reason: TensorFlow Lite',
    );
    writeFileSync(flowFile, flow);
    const { code, out } = kbCheck(dir);
    expect(code).toBe(1);
    const articleLine = lineOf(readFileSync(path.join(PIECES, JAX_ARTICLE), 'utf8'), 'frameworks: [jax]');
    expect(out).toContain(`${JAX_ARTICLE}:${articleLine}: error: framework "jax" is not declared in frameworks.yaml — use one of tensorflow, pytorch, or add \`- { id: jax,`);
    expect(out).toContain(`choose-framework.yaml:${lineOf(flow, 'favours: keras')}: error: rule "mobile-edge-tflite": framework "keras" is not declared in frameworks.yaml`);
  });

  it('passes once the framework is appended to frameworks.yaml', () => {
    const dir = shippedCopy();
    cpSync(path.join(PIECES, JAX_ARTICLE), path.join(dir, JAX_ARTICLE));
    appendFileSync(path.join(dir, 'frameworks.yaml'), readFileSync(path.join(PIECES, 'frameworks-entry.yaml'), 'utf8'));
    const { code, out } = kbCheck(dir);
    expect(code, out).toBe(0);
  });

  it('requires the file, naming what to add', () => {
    const dir = shippedCopy();
    rmSync(path.join(dir, 'frameworks.yaml'));
    const { code, out } = kbCheck(dir);
    expect(code).toBe(1);
    expect(out).toMatch(/frameworks\.yaml:0: error: the frameworks file is missing — add frameworks\.yaml declaring/);
  });

  it('warns when synonyms.yaml still lists a framework (its variants still work)', () => {
    const dir = shippedCopy();
    appendFileSync(path.join(dir, 'synonyms.yaml'), 'pytorch: [pytorch3]\n');
    const { code, out } = kbCheck(dir);
    expect(code, out).toBe(0);
    expect(out).toMatch(/synonyms\.yaml:\d+: warning: "pytorch" is a framework — move these variants to its `aliases` in frameworks\.yaml/);
  });
});

describe('parseFrameworksFile', () => {
  const parse = (text: string) => parseFrameworksFile(text, 'frameworks.yaml');

  it('reads entries in order, with aliases', () => {
    const { frameworks, issues } = parse('frameworks:\n  - { id: tensorflow, name: TensorFlow, aliases: [tf] }\n  - { id: jax, name: JAX }\n');
    expect(issues).toEqual([]);
    expect(frameworks?.ids).toEqual(['tensorflow', 'jax']);
    expect(frameworks?.aliasTable()).toEqual({ tensorflow: ['tf'] });
  });

  it.each([
    ['an id that is not one lowercase word', 'frameworks:\n  - { id: Keras 3, name: Keras }\n', 2, /`frameworks.0.id`: a framework id is one lowercase word/],
    ['a missing name', 'frameworks:\n  - { id: jax }\n', 2, /`frameworks.0.name`/],
    ['an unknown key', 'frameworks:\n  - { id: jax, name: JAX, alias: [j] }\n', 2, /Unrecognized key/],
    ['another top-level key', 'version: 1\nframeworks:\n  - { id: jax, name: JAX }\n', 1, /Unrecognized key/],
    [
      'an alias claimed twice',
      'frameworks:\n  - { id: tensorflow, name: TensorFlow, aliases: [tf] }\n  - { id: jax, name: JAX, aliases: [jx, tf] }\n',
      3,
      /"tf" already means "tensorflow"/,
    ],
    ['a name used twice', 'frameworks:\n  - { id: jax, name: JAX }\n  - { id: jaxlib, name: jax }\n', 3, /name "jax" is used by "jax" too/],
    ['a stop word as id', 'frameworks:\n  - { id: the, name: The }\n', 2, /stop word/],
    ['broken YAML', 'frameworks:\n  - { id: jax\n', 3, /not valid YAML/],
  ])('rejects %s on its line', (_what, text, line, message) => {
    const { frameworks, issues } = parse(text);
    expect(frameworks).toBeUndefined();
    expect(issues[0]).toMatchObject({ line, severity: 'error' });
    expect(issues[0]?.message).toMatch(message);
  });
});

describe('reloading a base that adds a framework', () => {
  it('answers about it and lists it right after the reload, without a restart', async () => {
    const dir = shippedCopy();
    const desk = await createDesk({ knowledgeDir: dir, store: new MemoryStore() });
    const who = { platform: 'console' as const, userId: 'u', conversation: 'c' };
    expect((await desk.ask('how does jax vmap compare to pmap?', who)).answered).toBe(false);
    expect(desk.status().frameworks).toEqual(['TensorFlow', 'PyTorch']);
    cpSync(path.join(PIECES, JAX_ARTICLE), path.join(dir, JAX_ARTICLE));
    appendFileSync(path.join(dir, 'frameworks.yaml'), readFileSync(path.join(PIECES, 'frameworks-entry.yaml'), 'utf8'));
    expect((await desk.reload('test')).ok).toBe(true);
    const answer = await desk.ask('how does jax vmap compare to pmap?', who);
    expect(answer.answered).toBe(true);
    expect(answer.snippets[0]?.citation.source).toMatch(/Fixture Review/);
    expect(desk.status().frameworks).toEqual(['TensorFlow', 'PyTorch', 'JAX']);
  });
});
