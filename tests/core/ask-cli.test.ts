/** The `npm run ask` contract, run as a real process against the real knowledge base. */
import { describe, expect, it } from 'vitest';
import { runScript } from '../cli/run-script.ts';
import { writeKnowledgeDir } from './fixture-kb.ts';

function ask(args: string[], stdin?: string) {
  return runScript('src/cli/ask.ts', args, { stdin: stdin ?? '', timeoutMs: 15_000 });
}

interface AskJson {
  question: string;
  answered: boolean;
  answer: string;
  citations: { title: string; source: string; url?: string; section?: string; snippet: string }[];
}

describe('npm run ask -- --json', () => {
  it('prints exactly one JSON line with cited snippets', async () => {
    const { code, stdout, stderr } = await ask(['--json', 'when was pytorch first released?']);
    expect(code, stderr).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0] ?? '') as AskJson;
    expect(Object.keys(json).sort()).toEqual(['answer', 'answered', 'citations', 'question']);
    expect(json).toMatchObject({ question: 'when was pytorch first released?', answered: true });
    expect(json.citations.length).toBeGreaterThan(0);
    expect(json.citations.length).toBeLessThanOrEqual(3);
    for (const c of json.citations) {
      expect(c.title).toBeTruthy();
      expect(c.source).toBeTruthy();
      expect(c.snippet.length).toBeGreaterThan(10);
      expect(json.answer).toContain(c.snippet);
      if (c.url !== undefined) expect(c.url).toMatch(/^https?:\/\//);
    }
    expect(json.answer).toMatch(/\[1\]/);
  });

  it('declines off-topic questions with no citations and never echoes mentions', async () => {
    const { code, stdout } = await ask(['--json', '<!channel> @everyone what is the best lasagna recipe?']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as AskJson;
    expect(json).toMatchObject({ answered: false, citations: [] });
    expect(stdout).not.toMatch(/@everyone|<!channel>/);
  });

  it('answers exactly one JSON line per stdin line, blank lines included, so batches stay aligned', async () => {
    const { code, stdout } = await ask(['--json'], 'is pytorch good for research?\n\n   \nhow do I bake bread\ndoes tflite run on phones\n');
    expect(code).toBe(0);
    const answers = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AskJson);
    expect(answers.map((a) => [a.question, a.answered])).toEqual([
      ['is pytorch good for research?', true],
      ['', false],
      ['', false],
      ['how do I bake bread', false],
      ['does tflite run on phones', true],
    ]);
    // A blank line's answer is a hint, not silence.
    expect(answers[1]?.answer).toMatch(/Ask me something/);
  });

  it('prints readable text without --json', async () => {
    const { code, stdout } = await ask(['does tensorflow run on TPUs?']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Sources:\n\[1\] /);
    expect(() => JSON.parse(stdout)).toThrow();
  });

  it('exits 1 with file:line when the knowledge base is broken', async () => {
    const dir = writeKnowledgeDir({ 'bad.md': '---\nid: bad\ntitle: Bad\nframeworks: [pytorch]\n---\n## A\ntext\n' });
    const { code, stdout, stderr } = await ask(['--knowledge', dir, '--json', 'anything']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/bad\.md:2: `source` is required/);
  });
});
