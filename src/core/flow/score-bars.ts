/**
 * Every framework's score as a tiny monospace bar chart, readable in a terminal, a Slack code block and
 * a Discord code block alike (no images, no platform markup). One bar per declared framework, in the
 * order `frameworks.yaml` lists them, so the chart keeps its shape from one recommendation to the next.
 */
import type { Framework } from '../knowledge/schema.ts';
import type { Recommendation } from './types.ts';

const WIDTH = 10;

/**
 * A framework's display name as the recommendation carries it; the id for one stored before
 * recommendations carried names.
 */
export function frameworkName(rec: Pick<Recommendation, 'ranking'>, id: Framework): string {
  return (rec.ranking ?? []).find((r) => r.framework === id)?.name ?? id;
}

/**
 * @example renderScoreBars({ scores: { tensorflow: 7, pytorch: 3 }, ranking })
 * // TensorFlow ██████████ 7.0
 * // PyTorch    ████░░░░░░ 3.0
 */
export function renderScoreBars(rec: Pick<Recommendation, 'scores' | 'ranking'>): string {
  const entries = Object.entries(rec.scores).map(([f, s]) => [frameworkName(rec, f), Number.isFinite(s) ? Math.max(0, s) : 0] as const);
  const top = Math.max(...entries.map(([, s]) => s));
  const label = Math.max(...entries.map(([name]) => name.length));
  return entries
    .map(([name, score]) => {
      const filled = top > 0 ? Math.round((score / top) * WIDTH) : 0;
      return `${name.padEnd(label)} ${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)} ${score.toFixed(1)}`;
    })
    .join('\n');
}
