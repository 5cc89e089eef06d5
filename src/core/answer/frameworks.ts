/**
 * The frameworks a knowledge base is about, as declared in its `frameworks.yaml`: recognising which of
 * them a question names, including abbreviations (their aliases, expanded like synonyms: tf, torch, pt)
 * and typos ("pytroch", "tensorflwo", "tensorlfow"), using edit distance with transpositions so a
 * swapped pair of letters counts as one slip, not two. One immutable list per knowledge snapshot, so a
 * reload that adds a framework needs no restart and no module holds a registry.
 */
import type { Framework } from '../knowledge/schema.ts';
import { toTerm } from './terms.ts';

/** One declared framework: its id (the word retrieval uses), display name and what users type for it. */
export interface FrameworkInfo {
  id: Framework;
  name: string;
  aliases: readonly string[];
}

/** The declared frameworks, in file order (which is the order answers and score bars list them). */
export class FrameworkList {
  /** Ids in declared order. */
  readonly ids: readonly Framework[];
  private readonly byId: ReadonlyMap<Framework, FrameworkInfo>;
  /** Ids and their stemmed terms (a question's terms are stemmed). */
  private readonly terms: ReadonlySet<string>;
  private readonly letters: ReadonlyMap<Framework, ReadonlySet<string>>;

  constructor(readonly all: readonly FrameworkInfo[]) {
    this.ids = all.map((f) => f.id);
    this.byId = new Map(all.map((f) => [f.id, f]));
    this.terms = new Set(this.ids.flatMap((id) => [id, toTerm(id) ?? id]));
    this.letters = new Map(this.ids.map((id) => [id, new Set(id)]));
  }

  /** Does the list declare exactly this id? */
  declares(id: string): boolean {
    return this.byId.has(id);
  }

  /** Is this word or term (stemmed) a framework's id? */
  has(term: string): boolean {
    return this.terms.has(term);
  }

  /** How every platform writes the framework's name; the id itself for one the list lacks. */
  nameOf(id: string): string {
    return this.byId.get(id)?.name ?? id;
  }

  /** Display names in declared order. */
  get names(): string[] {
    return this.all.map((f) => f.name);
  }

  /** The framework a single (lowercase) word misspells, if any: "pytroch" → pytorch. */
  correctTypo(word: string): Framework | undefined {
    if (word.length < 6) return undefined;
    for (const id of this.ids) {
      if (word === id) return id;
      const allowed = id.length >= 10 ? 2 : 1; // "tensorflow" tolerates two slips, "pytorch" one
      // Every letter the name lacks costs at least one edit; most words fail this before the DP runs.
      if (lettersNotIn(word, this.letters.get(id) ?? new Set()) > allowed) continue;
      if (editDistance(word, id, allowed) <= allowed) return id;
    }
    return undefined;
  }

  /**
   * Frameworks named in already-expanded words (ids were added by alias expansion), in declared order;
   * several lists are read as one, without joining them.
   */
  namedIn(...expandedWords: readonly (readonly string[])[]): Framework[] {
    return this.ids.filter((f) => expandedWords.some((list) => list.includes(f)));
  }

  /** The aliases as a synonyms table (id → aliases), for expansion; frameworks without aliases are left out. */
  aliasTable(): Record<string, string[]> {
    const table: Record<string, string[]> = {};
    for (const f of this.all) if (f.aliases.length > 0) table[f.id] = [...f.aliases];
    return table;
  }
}

/** "TensorFlow or PyTorch", "TensorFlow, PyTorch or JAX" (`joiner` 'and' for "… and …"). */
export function listNames(names: readonly string[], joiner: 'or' | 'and' = 'or'): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${joiner} ${names.at(-1)}`;
}

/** Optimal string alignment distance (Levenshtein + adjacent transpositions), capped early. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (prev2[j - 2] ?? 0) + 1);
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

function lettersNotIn(word: string, letters: ReadonlySet<string>): number {
  let missing = 0;
  for (const ch of word) if (!letters.has(ch)) missing += 1;
  return missing;
}
