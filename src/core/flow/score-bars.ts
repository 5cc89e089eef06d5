/**
 * Both frameworks' scores as a tiny monospace bar chart, readable in a terminal, a Slack code block and
 * a Discord code block alike (no images, no platform markup).
 */
import type { Framework } from '../knowledge/schema.ts';

const WIDTH = 10;
const NAMES: Record<Framework, string> = { tensorflow: 'TensorFlow', pytorch: 'PyTorch' };

/**
 * @example renderScoreBars({ tensorflow: 7, pytorch: 3 })
 * // TensorFlow ██████████ 7.0
 * // PyTorch    ████░░░░░░ 3.0
 */
export function renderScoreBars(scores: Record<Framework, number>): string {
  const entries = (Object.keys(NAMES) as Framework[]).map((f) => [f, Number.isFinite(scores[f]) ? Math.max(0, scores[f]) : 0] as const);
  const top = Math.max(...entries.map(([, s]) => s));
  const label = Math.max(...Object.values(NAMES).map((n) => n.length));
  return entries
    .map(([framework, score]) => {
      const filled = top > 0 ? Math.round((score / top) * WIDTH) : 0;
      return `${NAMES[framework].padEnd(label)} ${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)} ${score.toFixed(1)}`;
    })
    .join('\n');
}
