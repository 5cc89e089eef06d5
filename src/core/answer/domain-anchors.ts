/**
 * The base's named things: framework names, every synonyms-table entry (tpu, onnx, tensorflow lite) and
 * every tag an author gave a file (tensorboard, google brain, llama). A question naming one is about
 * our domain; one naming none must be covered almost entirely to be answered — otherwise "deploy a
 * node app to production" would pass on "deploy" and "production". A multi-word entry anchors only as a
 * whole: its words alone are everyday words ("model" of "model serving").
 */
import { contentTerms } from './terms.ts';

export class DomainAnchors {
  private readonly phrases: string[][] = [];

  constructor(phrases: Iterable<string>) {
    const seen = new Set<string>();
    for (const phrase of phrases) {
      const terms = contentTerms(phrase);
      if (terms.length === 0 || seen.has(terms.join(' '))) continue;
      seen.add(terms.join(' '));
      this.phrases.push(terms);
    }
  }

  /** Does the question's term `sequence` (`ParsedQuestion.sequence`) contain a whole anchor? */
  anchors(sequence: readonly string[]): boolean {
    return this.found(sequence).length > 0;
  }

  /** The anchors found in a question's term sequence, as phrases. */
  found(sequence: readonly string[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < sequence.length; i++) {
      for (const phrase of this.phrases) if (phrase.every((t, k) => sequence[i + k] === t)) out.push(phrase.join(' '));
    }
    return out;
  }
}
