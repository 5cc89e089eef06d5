/**
 * "Sources differ" notes come only from `disagreements.yaml`: an editor's statement that two claims are
 * about the same thing. Two different numbers near each other (a production share beside a research
 * share) never make one.
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer/compose.ts';
import { renderAnswerText } from '../../src/core/answer/plain-text.ts';
import { loadFixture, writeKnowledgeDir } from './fixture-kb.ts';

const article = (id: string, publisher: string, date: string, sections: string) =>
  `---\nid: ${id}\ntitle: ${id}\nsource:\n  publisher: ${publisher}\n  title: ${id}\n  date: "${date}"\nframeworks: [pytorch, tensorflow]\n---\n${sections}`;

const BLOG = article(
  'blog',
  'Blog A',
  '2023',
  '## Research share\nPyTorch appears in 72% of research papers on arXiv.\n\n## Production share\nTensorFlow runs in 65% of enterprise production systems.\n',
);
const SURVEY = article('survey', 'Survey B (publisher not named)', '2025', '## Papers in 2024\nPyTorch appears in about 78% of research papers on arXiv in 2024.\n');
const CURATED = `- topic: PyTorch's share of research papers
  claims:
    - section: blog#research-share
      says: 72% of arXiv papers
    - section: survey#papers-in-2024
      says: about 78% in 2024
`;

async function base(disagreements?: string) {
  const files: Record<string, string> = { 'blog.md': BLOG, 'survey.md': SURVEY };
  if (disagreements !== undefined) files['disagreements.yaml'] = disagreements;
  return loadFixture(writeKnowledgeDir(files));
}

describe('curated disagreements', () => {
  it('adds a note naming each claim with its source and date when an answer cites one of them', async () => {
    const { snapshot } = await base(CURATED);
    const answer = answerQuestion(snapshot!, 'what share of research papers on arxiv use pytorch?');
    expect(answer.answered).toBe(true);
    expect(answer.disagreement).toBe("Sources differ on PyTorch's share of research papers — Blog A, 2023: 72% of arXiv papers; Survey B, 2025: about 78% in 2024.");
    expect(renderAnswerText(answer)).toMatch(/^Note: Sources differ/m);
  });

  it('never builds a note from numbers the file does not pair', async () => {
    const { snapshot } = await base();
    for (const q of ['what share of research papers on arxiv use pytorch?', 'pytorch research share vs tensorflow production share']) {
      expect(answerQuestion(snapshot!, q).disagreement, q).toBeUndefined();
    }
    // Curated, but about something else: the production figure gets no research-share note.
    const curated = await base(CURATED);
    expect(answerQuestion(curated.snapshot!, 'how much of enterprise production runs tensorflow?').disagreement).toBeUndefined();
  });

  it('reports a claim pointing at a missing section with file and line, and leaves only that note out', async () => {
    const { snapshot, issues } = await base(CURATED.replace('survey#papers-in-2024', 'survey#papers-in-2099'));
    expect(snapshot).toBeDefined();
    expect(issues).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/disagreements\.yaml$/), line: 5, severity: 'warning', message: expect.stringMatching(/survey#papers-in-2099/) }),
    ]);
    expect(snapshot?.disagreements).toEqual([]);
  });

  it('rejects a malformed file with a message that shows the expected shape', async () => {
    const { snapshot, issues } = await base('- topic: only one claim\n  claims:\n    - section: blog#research-share\n      says: 72%\n');
    expect(snapshot).toBeUndefined();
    expect(issues[0]).toMatchObject({ line: 3, severity: 'error', message: expect.stringMatching(/at least two claims/) });
  });
});
