/**
 * Both frameworks' scores as a tiny monospace bar chart, readable in a terminal, a Slack code block and
 * a Discord code block alike (no images, no platform markup).
 */
import type { Framework } from '../knowledge/schema.ts';
import { FRAMEWORK_NAMES } from '../answer/frameworks.ts';

const WIDTH = 10;

/**
 * @example renderScoreBars({ tensorflow: 7, pytorch: 3 })
 * // TensorFlow ██████████ 7.0
 * // PyTorch    ████░░░░░░ 3.0
 */
export function renderScoreBars(scores: Record<Framework, number>): string {
  const entries = (Object.keys(FRAMEWORK_NAMES) as Framework[]).map((f) => [f, Number.isFinite(scores[f]) ? Math.max(0, scores[f]) : 0] as const);
  const top = Math.max(...entries.map(([, s]) => s));
  const label = Math.max(...Object.values(FRAMEWORK_NAMES).map((n) => n.length));
  return entries
    .map(([framework, score]) => {
      const filled = top > 0 ? Math.round((score / top) * WIDTH) : 0;
      return `${FRAMEWORK_NAMES[framework].padEnd(label)} ${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)} ${score.toFixed(1)}`;
    })
    .join('\n');
}
