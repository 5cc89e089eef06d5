/** The fixture flow (tests/fixtures/flow) parsed with its fake chunk ids, and a stand-in `citeOf`. */
import { readFileSync } from 'node:fs';
import { FrameworkList } from '../../src/core/answer/frameworks.ts';
import type { Citation } from '../../src/core/answer/types.ts';
import { parseFlow } from '../../src/core/flow/parse.ts';
import type { FlowDefinition } from '../../src/core/flow/schema.ts';

export const FIXTURE_FLOW_FILE = new URL('../fixtures/flow/choose-framework.yaml', import.meta.url).pathname;
export const FIXTURE_TEXT = readFileSync(FIXTURE_FLOW_FILE, 'utf8');
export const FIXTURE_CHUNKS: ReadonlySet<string> = new Set(['fx#mobile', 'fx#tpu', 'fx#research', 'fx#hybrid', 'fx#tie']);

/** What the fixture flow is checked against: the shipped base's two frameworks. */
export const FIXTURE_FRAMEWORKS = new FrameworkList([
  { id: 'tensorflow', name: 'TensorFlow', aliases: [] },
  { id: 'pytorch', name: 'PyTorch', aliases: [] },
]);

export function fixtureFlow(): FlowDefinition {
  const { flow, issues } = parseFlow(FIXTURE_TEXT, 'fixture.yaml', FIXTURE_CHUNKS, FIXTURE_FRAMEWORKS);
  if (!flow) throw new Error(`fixture flow does not parse: ${JSON.stringify(issues)}`);
  return flow;
}

export const citeOf = (chunkId: string): Citation => {
  if (!FIXTURE_CHUNKS.has(chunkId)) throw new Error(`unknown chunk ${chunkId}`);
  return { title: 'Fixture', source: 'Tests', date: '2024', section: chunkId.split('#')[1] ?? '', chunkId };
};
