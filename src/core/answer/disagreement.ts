/**
 * Spotting when cited snippets give different figures for the same thing ("1,200 images/sec" in one
 * source, "2,400 images/sec" in another, both for TensorFlow). The bot must say so rather than silently
 * pick one. Figures are compared only when they share a unit, a topic word and the framework they are
 * about — TensorFlow's number next to PyTorch's is a comparison, not a disagreement. Each figure belongs
 * to the framework named nearest to it in its sentence ("PyTorch at 72% and TensorFlow at 28%").
 */
import type { Framework } from '../knowledge/schema.ts';
import type { Snippet } from './types.ts';
import { FRAMEWORK_NAMES, FRAMEWORKS, isFrameworkTerm } from './frameworks.ts';
import { contentTerms, stem } from './terms.ts';

interface Figure {
  value: number;
  /** Normalised unit: "%", "x", or the stemmed word after the number ("imag", "request", "star"). */
  unit: string;
  /** As written, for the note. */
  text: string;
  topics: Set<string>;
  framework: string;
  snippet: Snippet;
}

/** Which framework a single word names ("TensorFlow's" → tensorflow, "torch" → pytorch). */
export type FrameworkOfWord = (word: string) => Framework | undefined;

const defaultFrameworkOf: FrameworkOfWord = (word) => FRAMEWORKS.find((f) => f === word);

const UNIT_ALIASES: Record<string, string> = { percent: '%', times: 'x', img: 'imag', req: 'request' };
/** Words after a number that are not units of a measurement. */
const NOT_UNITS = new Set(['and', 'or', 'to', 'in', 'of', 'the', 'a', 'on', 'for', 'with', 'by', 'from', 'than', 'vs', 'versus', 'against', 'while', 'but']);
const NUMBER = /^[(~≈]*(\d[\d,]*(?:\.\d+)?)([kKmM])?(%|x|×)?[),.;:]*$/;

function figuresOf(snippet: Snippet, frameworkOf: FrameworkOfWord): Figure[] {
  const figures: Figure[] = [];
  for (const sentence of snippet.text.split(/(?<=[.!?;])\s+/)) {
    const tokens = sentence.split(/\s+/).filter(Boolean);
    const mentions = tokens
      .map((token, i) => ({
        i,
        f: frameworkOf(
          token
            .toLowerCase()
            .replace(/[’']s\b/, '')
            .replace(/[^a-z0-9.]/g, ''),
        ),
      }))
      .filter((m): m is { i: number; f: Framework } => m.f !== undefined);
    const topics = new Set(contentTerms(sentence).filter((t) => !/^\d/.test(t) && !isFrameworkTerm(t)));
    tokens.forEach((token, i) => {
      const m = NUMBER.exec(token);
      if (!m?.[1]) return;
      const [, digits, magnitude, symbol] = m;
      // Years are dates, not measurements ("released in 2015").
      if (!magnitude && !symbol && /^(19|20)\d\d$/.test(digits)) return;
      const next = tokens[i + 1]
        ?.toLowerCase()
        .replace(/[^a-z/]/g, '')
        .split('/')[0];
      const unit = symbol ? (symbol === '%' ? '%' : 'x') : next && !NOT_UNITS.has(next) && !NUMBER.test(next) ? (UNIT_ALIASES[next] ?? stem(next)) : undefined;
      if (!unit) return;
      const value = Number(digits.replace(/,/g, '')) * (magnitude ? (magnitude.toLowerCase() === 'k' ? 1e3 : 1e6) : 1);
      // Nearest framework mention by word distance; ties go to the one before ("PyTorch at 72%").
      const nearest = [...mentions].sort((a, b) => Math.abs(a.i - i) - Math.abs(b.i - i) || a.i - b.i)[0];
      const framework = nearest?.f ?? snippet.frameworks.join('+');
      const text = symbol ? `${digits}${magnitude ?? ''}${symbol}` : `${digits}${magnitude ?? ''} ${tokens[i + 1]?.replace(/[,.;:)]+$/, '')}`;
      figures.push({ value, unit, text, topics, framework, snippet });
    });
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
export function findDisagreement(snippets: readonly Snippet[], frameworkOf: FrameworkOfWord = defaultFrameworkOf): string | undefined {
  const figures = snippets.flatMap((s) => figuresOf(s, frameworkOf));
  for (let i = 0; i < figures.length; i++) {
    for (let j = i + 1; j < figures.length; j++) {
      const a = figures[i];
      const b = figures[j];
      if (!a || !b || a.snippet === b.snippet) continue;
      // Two sections of one article do not make a disagreement between sources.
      if (a.snippet.citation.title === b.snippet.citation.title && a.snippet.citation.source === b.snippet.citation.source) continue;
      if (a.unit !== b.unit || a.framework !== b.framework || !sharesTopic(a.topics, b.topics)) continue;
      const spread = Math.abs(a.value - b.value) / Math.max(Math.abs(a.value), Math.abs(b.value), 1e-9);
      if (spread < 0.05) continue;
      const about = isFrameworkTerm(a.framework) ? ` for ${FRAMEWORK_NAMES[a.framework as Framework]}` : '';
      return `The sources disagree here${about}: ${sourceName(a.snippet, b.snippet)} says ${a.text} while ${sourceName(b.snippet, a.snippet)} says ${b.text}.`;
    }
  }
  return undefined;
}
