/**
 * Spotting when cited snippets give different figures for the same thing ("2,400 images/sec" in one
 * source, "1,900 images/sec" in another for the same framework and metric). The bot must say so rather
 * than silently pick one. Figures are compared only when they share a unit, a topic word and the
 * framework they are about — TensorFlow's number next to PyTorch's is a comparison, not a disagreement.
 */
import type { Snippet } from './types.ts';
import { FRAMEWORKS } from './frameworks.ts';
import { contentTerms, stem, words } from './terms.ts';

interface Figure {
  value: number;
  /** Normalised unit: "%", "x", or the stemmed word after the number ("imag", "request", "star"). */
  unit: string;
  /** As written, for the note. */
  text: string;
  topics: Set<string>;
  frameworks: string;
  snippet: Snippet;
}

const UNIT_ALIASES: Record<string, string> = { percent: '%', times: 'x', img: 'imag', req: 'request' };
/** Words after a number that are not units of a measurement. */
const NOT_UNITS = new Set(['and', 'or', 'to', 'in', 'of', 'the', 'a', 'on', 'for', 'with', 'by', 'from', 'than']);

function figuresOf(snippet: Snippet): Figure[] {
  const figures: Figure[] = [];
  const sentences = snippet.text.split(/(?<=[.!?;])\s+/);
  for (const sentence of sentences) {
    const named = FRAMEWORKS.filter((f) => words(sentence).includes(f)).join('+') || snippet.frameworks.join('+');
    const topics = new Set(contentTerms(sentence).filter((t) => !/^\d/.test(t) && !(FRAMEWORKS as readonly string[]).includes(t)));
    // number, optional magnitude (50K, 1.2M), optional % or x, optional unit word ("images/sec").
    const pattern = /(\d[\d,]*(?:\.\d+)?)(?:\s?([kKmM])(?![A-Za-z]))?\s*(%|x\b|×)?\s*([A-Za-z]+(?:\/[A-Za-z]+)?)?/g;
    for (const m of sentence.matchAll(pattern)) {
      const magnitude = m[2] ? (m[2].toLowerCase() === 'k' ? 1e3 : 1e6) : 1;
      const value = Number((m[1] ?? '').replace(/,/g, '')) * magnitude;
      if (!Number.isFinite(value)) continue;
      // Years are dates, not measurements ("released in 2015").
      if (!m[2] && !m[3] && /^(19|20)\d\d$/.test(m[1] ?? '')) continue;
      const word = m[4]?.toLowerCase().split('/')[0];
      const unit = m[3] ? (m[3] === '%' ? '%' : 'x') : word && !NOT_UNITS.has(word) ? (UNIT_ALIASES[word] ?? stem(word)) : undefined;
      if (!unit) continue;
      topics.delete(unit);
      figures.push({ value, unit, text: m[0].trim(), topics, frameworks: named, snippet });
    }
  }
  return figures;
}

function sharesTopic(a: Set<string>, b: Set<string>): boolean {
  for (const t of a) if (b.has(t)) return true;
  return false;
}

/** The publisher, or the article title when both snippets come from the same publisher. */
function sourceName(snippet: Snippet, other: Snippet): string {
  const { source, title } = snippet.citation;
  return source === other.citation.source ? `“${title}”` : source;
}

/** A one-line note naming the conflicting figures and their sources, or undefined when they agree. */
export function findDisagreement(snippets: readonly Snippet[]): string | undefined {
  const figures = snippets.flatMap(figuresOf);
  for (let i = 0; i < figures.length; i++) {
    for (let j = i + 1; j < figures.length; j++) {
      const a = figures[i];
      const b = figures[j];
      if (!a || !b || a.snippet === b.snippet) continue;
      if (a.snippet.citation.chunkId === b.snippet.citation.chunkId) continue;
      if (a.unit !== b.unit || a.frameworks !== b.frameworks || !sharesTopic(a.topics, b.topics)) continue;
      const spread = Math.abs(a.value - b.value) / Math.max(Math.abs(a.value), Math.abs(b.value), 1e-9);
      if (spread < 0.05) continue;
      return `The sources disagree here: ${sourceName(a.snippet, b.snippet)} says “${a.text}” while ${sourceName(b.snippet, a.snippet)} says “${b.text}”.`;
    }
  }
  return undefined;
}
