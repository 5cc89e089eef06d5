/**
 * The JAX fixture base: a temporary copy of the shipped `knowledge/` plus a third framework, built the way
 * a team would add one — an entry appended to `frameworks.yaml`, an article, a flow option and a rule —
 * from the pieces in `tests/fixtures/knowledge-jax/` (whose article is an invented test fixture).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isSeq, parse, parseDocument } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PIECES = path.join(ROOT, 'tests/fixtures/knowledge-jax');
export const JAX_ARTICLE = 'fixture-review-jax.md';

/** Writes the JAX base into a fresh temp dir and returns it with a function that removes it. */
export function buildJaxBase(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'kb-jax-'));
  cpSync(path.join(ROOT, 'knowledge'), dir, { recursive: true });
  // `frameworks:` is the file's last key, so appending an entry is all a tool has to do.
  writeFileSync(path.join(dir, 'frameworks.yaml'), readFileSync(path.join(dir, 'frameworks.yaml'), 'utf8') + readFileSync(path.join(PIECES, 'frameworks-entry.yaml'), 'utf8'));
  cpSync(path.join(PIECES, JAX_ARTICLE), path.join(dir, JAX_ARTICLE));
  const flowFile = path.join(dir, 'flow/choose-framework.yaml');
  const flow = parseDocument(readFileSync(flowFile, 'utf8'));
  const additions = parse(readFileSync(path.join(PIECES, 'flow-additions.yaml'), 'utf8')) as { team_option: object; rules: object[] };
  const questions = flow.get('questions');
  const team = isSeq(questions) ? questions.items.find((q) => isMap(q) && q.get('id') === 'team') : undefined;
  const options = isMap(team) ? team.get('options') : undefined;
  const rules = flow.get('rules');
  if (!isSeq(options) || !isSeq(rules)) throw new Error('the shipped flow has no team options or rules to extend — update tests/core/jax-fixture.ts');
  options.add(flow.createNode(additions.team_option));
  for (const rule of additions.rules) rules.add(flow.createNode(rule));
  writeFileSync(flowFile, flow.toString());
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
