/**
 * Synonym expansion over word sequences: wherever a variant from `synonyms.yaml` appears ("tflite",
 * "tf lite", "torch"), the canonical term's words are added. Used on chunk text at index time and on the
 * question at query time, so a user's "tflite" meets the article's "TensorFlow Lite" and vice versa.
 */
import type { Synonyms } from '../knowledge/synonyms.ts';
import { words } from './terms.ts';

interface Phrase {
  words: string[];
  canonical: string[];
}

export class SynonymExpander {
  /** Phrases by their first word, longest first, so "tf lite" wins over "tf". */
  private readonly byFirstWord = new Map<string, Phrase[]>();

  constructor(synonyms: Synonyms) {
    for (const [canonical, variants] of Object.entries(synonyms)) {
      const canonicalWords = words(canonical);
      if (canonicalWords.length === 0) continue;
      for (const variant of variants) {
        const phrase = words(variant);
        const first = phrase[0];
        if (!first || phrase.join(' ') === canonicalWords.join(' ')) continue;
        const list = this.byFirstWord.get(first) ?? [];
        list.push({ words: phrase, canonical: canonicalWords });
        list.sort((a, b) => b.words.length - a.words.length);
        this.byFirstWord.set(first, list);
      }
    }
  }

  /** The canonical words implied by variants found in `input` (not including the input itself). */
  additions(input: readonly string[]): string[] {
    const added: string[] = [];
    for (let i = 0; i < input.length; i++) {
      const candidates = this.byFirstWord.get(input[i] ?? '');
      if (!candidates) continue;
      const match = candidates.find((p) => p.words.every((w, k) => input[i + k] === w));
      if (match) {
        added.push(...match.canonical);
        i += match.words.length - 1;
      }
    }
    return added;
  }

  /**
   * `input` with every variant replaced by its canonical words ("tflite" → "tensorflow lite"). Used on
   * questions: chunks were indexed with canonical words added, so replacing loses nothing and keeps
   * one concept from counting twice.
   */
  canonicalize(input: readonly string[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < input.length; i++) {
      const word = input[i] ?? '';
      const match = this.byFirstWord.get(word)?.find((p) => p.words.every((w, k) => input[i + k] === w));
      if (match) {
        out.push(...match.canonical);
        i += match.words.length - 1;
      } else out.push(word);
    }
    return out;
  }

  /** `text` plus the canonical words of every variant in it, as one string for the tokenizer. */
  expand(text: string): string {
    return this.expandWords(text).text;
  }

  /**
   * `expand(text)` and its words, tokenized once: `words(expand(text))` is `text`'s words followed by
   * the added canonical words (already words themselves). Indexing a large base tokenized each chunk
   * six times; this lets it do so once.
   */
  expandWords(text: string): { text: string; words: string[] } {
    const own = words(text);
    const extra = this.additions(own);
    if (extra.length === 0) return { text, words: own };
    for (const word of extra) own.push(word);
    return { text: `${text} ${extra.join(' ')}`, words: own };
  }
}
