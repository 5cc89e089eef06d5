/**
 * A knowledge file of `kind: corrections` notes where other sources are wrong or disagree. When an answer
 * quotes a claim that such a note corrects, the note is quoted too, even though it ranks lower.
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer/compose.ts';
import { loadFixture, writeKnowledgeDir } from './fixture-kb.ts';

const file = (id: string, kind: string, sections: string) =>
  `---\nid: ${id}\ntitle: ${id}\nsource:\n  publisher: Example\n  title: ${id}\n  date: "2021"\nframeworks: [pytorch, tensorflow]\n${kind}---\n${sections}`;

const FACTS = file(
  'old-article',
  '',
  '## Visualization: TensorBoard versus matplotlib\nTensorFlow ships TensorBoard for plotting loss curves, graphs and metrics while a model trains. PyTorch has no visualization tool of its own, so people plot loss curves with matplotlib or seaborn, the article says. Plotting by hand takes more code than TensorBoard.\n\n## Debugging\nPyTorch code can be stepped through with pdb.\n',
);
const CORRECTIONS = (kind: string) =>
  file(
    'notes',
    kind,
    '## Does PyTorch have TensorBoard?\nIt does: torch.utils.tensorboard has shipped since PyTorch 1.1 in 2019, so the older claim was outdated.\n\n## Whose community is bigger?\nSources count different things.\n',
  );

async function ask(question: string, kind = 'kind: corrections\n') {
  const { snapshot, issues } = await loadFixture(writeKnowledgeDir({ 'old-article.md': FACTS, 'notes.md': CORRECTIONS(kind) }));
  if (!snapshot) throw new Error(JSON.stringify(issues));
  return answerQuestion(snapshot, question);
}

const cited = (answer: Awaited<ReturnType<typeof ask>>) => answer.snippets.map((s) => s.citation.section);

describe('corrections', () => {
  it('are quoted alongside the claim they correct', async () => {
    const answer = await ask('does pytorch have tensorboard, or matplotlib?');
    expect(answer.answered).toBe(true);
    expect(cited(answer)[0]).toBe('Visualization: TensorBoard versus matplotlib');
    expect(cited(answer)).toContain('Does PyTorch have TensorBoard?');
  });

  it('are not added when the file is plain facts, or when the note is about something else', async () => {
    expect(cited(await ask('is pytorch stuck with matplotlib, or does it have tensorboard?', ''))).not.toContain('Does PyTorch have TensorBoard?');
    expect(cited(await ask('how do i debug pytorch code with pdb'))).not.toContain('Whose community is bigger?');
  });

  it('must be declared with a known kind', async () => {
    const { issues } = await loadFixture(writeKnowledgeDir({ 'old-article.md': FACTS, 'notes.md': CORRECTIONS('kind: errata\n') }));
    expect(issues).toEqual(expect.arrayContaining([expect.objectContaining({ file: expect.stringMatching(/notes\.md$/), message: expect.stringMatching(/kind/) })]));
  });
});
