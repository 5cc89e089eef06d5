/**
 * The search index over knowledge chunks: MiniSearch (BM25+) with field boosts, prefix and fuzzy
 * matching, synonym expansion on both sides, and framework awareness. Two MiniSearch indexes: chunks
 * (heading, body) and their documents' descriptors (title, tags), combined per chunk as one index would
 * score them. Built once per snapshot and never mutated, so concurrent questions need no locking.
 */
import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import type { Chunk, Framework } from '../knowledge/schema.ts';
import type { Synonyms } from '../knowledge/synonyms.ts';
import { correctFrameworkTypo, editDistance, frameworksIn, FRAMEWORKS, isFrameworkTerm } from './frameworks.ts';
import { parseQuestion, type ParsedQuestion } from './question.ts';
import { SynonymExpander } from './synonym-expansion.ts';
import { isEnglishStem, loadEnglishWords } from './english-words.ts';
import { loadEverydayWords } from './everyday-words.ts';
import { analyseSentences, type AnalysedSentence } from './sentences.ts';
import { contentTerms, toTerm, words } from './terms.ts';

/** Tuned on tests/eval/questions.yaml (see `bench/retrieval.ts` for the comparison with defaults). */
export const RETRIEVAL_TUNING = {
  boost: { heading: 2.5, title: 1.2, tags: 1.5, body: 1 },
  weights: { prefix: 0.6, fuzzy: 0.4 },
  /** Framework names are in nearly every chunk; they steer via `sideBoost`, not via BM25. */
  frameworkTermBoost: 0.2,
  /**
   * For a question naming one framework, a chunk's score is multiplied by `1 + sideWeight × (share − ½)`,
   * where share is that framework's part of the chunk's framework mentions (heading counts triple).
   */
  sideWeight: 1,
  /** Share of chunks above which a word is too common to search when better words are present. */
  commonShare: 0.5,
  /** Floor for the IDF-based term weight of very common words. */
  minTermBoost: 0.15,
};

export interface SearchHit {
  chunk: Chunk;
  score: number;
  /** Distinct query terms that matched this chunk (exactly, by prefix or fuzzily). */
  matchedTerms: string[];
  /**
   * How well each matched query term matched: 1 exact, `weights.prefix` by prefix, `weights.fuzzy`
   * fuzzily. A fuzzy "weath" ~ "wealth" must not make a weather question look covered.
   */
  matchQuality: Map<string, number>;
  /** The chunk's own terms those query terms matched ("pytroch" → "pytorch"), for picking sentences. */
  chunkTerms: string[];
}

/** What is indexed per chunk: its own text. */
interface IndexedChunk {
  /** The chunk's position in the base: per-chunk facts live in arrays, read once per match. */
  id: number;
  heading: string;
  body: string;
}

/**
 * What is indexed once per distinct (document title, tags): the fields a document gives all its chunks.
 * Indexing them on every chunk made each tag's posting list as long as its documents' chunk count — 45%
 * of all postings a question walked on a 10,000-chunk base — for a score that is the same for each chunk.
 */
interface IndexedDescriptor {
  id: number;
  title: string;
  tags: string;
}

/** A chunk's match: MiniSearch's sum of field scores before its matched-terms multiplier, and the terms. */
interface Match {
  raw: number;
  queryTerms: readonly string[];
  terms: readonly string[];
}

interface RankedChunk {
  /** Position in the base. */
  id: number;
  score: number;
  queryTerms: readonly string[];
  terms: readonly string[];
}

const matchOf = (result: SearchResult): Match => ({ raw: result.score / Math.max(1, result.queryTerms.length), queryTerms: result.queryTerms, terms: result.terms });

/** Each framework's share of the mentions in a chunk; a chunk naming neither follows its file's list. */
function frameworkShares(heading: string[], body: string[], declared: readonly Framework[]): Record<Framework, number> {
  const count = (f: Framework) => 3 * heading.filter((w) => w === f).length + body.filter((w) => w === f).length;
  const tf = count('tensorflow');
  const pt = count('pytorch');
  if (tf + pt === 0) {
    const share = 1 / Math.max(1, declared.length);
    return { tensorflow: declared.includes('tensorflow') ? share : 0, pytorch: declared.includes('pytorch') ? share : 0 };
  }
  return { tensorflow: tf / (tf + pt), pytorch: pt / (tf + pt) };
}

export class KnowledgeIndex {
  readonly expander: SynonymExpander;
  /** Content term → number of chunks containing it (after stemming and synonym expansion). */
  readonly documentFrequency = new Map<string, number>();
  /** Frameworks each chunk talks about (named in its text, else the file's `frameworks`). */
  readonly sides = new Map<string, Framework[]>();
  /** Per chunk, each framework's share of its framework mentions (0–1). */
  private readonly affinity: Record<Framework, number>[] = [];
  readonly chunkCount: number;
  /**
   * Domain anchors, as term sequences: framework names and every entry of the synonyms table (tpu, onnx,
   * tensorflow lite, distributed training, …). A question with an anchor is about our domain; one without
   * must be covered almost entirely to be answered — otherwise "deploy a node app to production" would
   * pass on "deploy" and "production". A multi-word entry anchors only as a whole: its words alone are
   * everyday words ("model" of "model serving" let "tesla model 3 cost" count as ours).
   */
  private readonly anchors: string[][] = [];
  private readonly chunkSearch: MiniSearch<IndexedChunk>;
  private readonly descriptorSearch: MiniSearch<IndexedDescriptor>;
  /** By position in the base (the constructor's array): the chunks, and each one's descriptor. */
  private readonly chunkList: readonly Chunk[];
  private readonly descriptorOf: number[] = [];
  /** Per descriptor, the positions of its chunks. */
  private readonly descriptorChunks: number[][] = [];
  /** IDF of a term found in no chunk: the most specific a term can be. */
  private readonly maxIdf: number;
  private readonly sentenceCache = new Map<string, readonly AnalysedSentence[]>();
  private readonly frameworkWordCache = new Map<string, Framework | undefined>();

  constructor(
    chunks: readonly Chunk[],
    /** Kept so a derived index (benchmarks, tests) can be built with the same table. */
    readonly synonyms: Synonyms,
  ) {
    this.expander = new SynonymExpander(synonyms);
    this.chunkCount = chunks.length;
    this.chunkList = chunks;
    const indexOptions = { tokenize: (text: string) => words(text), processTerm: (term: string) => toTerm(term) };
    this.chunkSearch = new MiniSearch<IndexedChunk>({ fields: ['heading', 'body'], ...indexOptions });
    this.descriptorSearch = new MiniSearch<IndexedDescriptor>({ fields: ['title', 'tags'], ...indexOptions });
    const expand = (text: string) => this.expander.expand(text);
    const docs: IndexedChunk[] = [];
    const descriptors: IndexedDescriptor[] = [];
    const descriptorIds = new Map<string, number>();
    for (const [position, chunk] of chunks.entries()) {
      const key = `${chunk.docTitle}\u0000${chunk.tags.join('\u0000')}`;
      let descriptorId = descriptorIds.get(key);
      if (descriptorId === undefined) {
        descriptorId = descriptors.length;
        descriptorIds.set(key, descriptorId);
        descriptors.push({ id: descriptorId, title: expand(chunk.docTitle), tags: expand(chunk.tags.join(' ')) });
        this.descriptorChunks.push([]);
      }
      this.descriptorChunks[descriptorId]?.push(position);
      this.descriptorOf.push(descriptorId);
      const descriptor = descriptors[descriptorId] as IndexedDescriptor;
      const doc = { id: position, heading: expand(chunk.heading), body: expand(chunk.body) };
      docs.push(doc);
      for (const term of new Set(contentTerms(`${doc.heading} ${descriptor.tags} ${doc.body}`))) {
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      }
      const named = frameworksIn(words(`${doc.heading} ${doc.body}`));
      this.sides.set(chunk.id, named.length ? named : chunk.frameworks);
      this.affinity.push(frameworkShares(words(doc.heading), words(doc.body), chunk.frameworks));
    }
    for (const phrase of [...this.expander.canonicalPhrases(), ...FRAMEWORKS.map((f) => [f])]) {
      const terms = contentTerms(phrase.join(' '));
      if (terms.length) this.anchors.push(terms);
    }
    this.chunkSearch.addAll(docs);
    this.descriptorSearch.addAll(descriptors);
    this.maxIdf = this.idf('\u0000never-a-term');
    // The confidence check's word lists: read now, off the answer path.
    loadEnglishWords();
    loadEverydayWords();
  }

  /** Normalises a question: truncation, typo-corrected framework names, synonyms, content terms. */
  parse(question: string): ParsedQuestion {
    return parseQuestion(question, this.expander);
  }

  /**
   * Where domain anchors (a framework name, a whole synonyms-table entry) end in a question's term
   * `sequence` (`ParsedQuestion.sequence`): the indexes of their last terms. Empty when it has none.
   */
  anchorEnds(sequence: readonly string[]): number[] {
    const ends: number[] = [];
    for (let i = 0; i < sequence.length; i++) {
      for (const phrase of this.anchors) {
        if (phrase.every((t, k) => sequence[i + k] === t)) ends.push(i + phrase.length - 1);
      }
    }
    return ends;
  }

  /** Inverse document frequency of a term; unknown terms get the maximum (they are very specific). */
  idf(term: string): number {
    const df = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (this.chunkCount - df + 0.5) / (df + 0.5));
  }

  /**
   * Query term weight from its IDF over the whole base. MiniSearch's IDF is per field, so a common word
   * that happens to be rare among headings ("model") would otherwise outrank the word that matters.
   */
  termBoost(term: string): number {
    if (isFrameworkTerm(term)) return RETRIEVAL_TUNING.frameworkTermBoost;
    const df = this.documentFrequency.get(term);
    if (df === undefined) return 1; // typo or prefix: MiniSearch's own fuzzy/prefix weights apply
    return Math.max(RETRIEVAL_TUNING.minTermBoost, Math.min(1, this.idf(term) / this.maxIdf));
  }

  /** True for words found in more than `commonShare` of the chunks (after stemming). */
  isCommon(term: string): boolean {
    return (this.documentFrequency.get(term) ?? 0) > this.chunkCount * RETRIEVAL_TUNING.commonShare;
  }

  /**
   * Which framework a word of a knowledge snippet names ("TensorFlow's", "torch", "pytroch"), if any.
   * Kept per word: snippets come from the base, so the table is bounded by its vocabulary.
   */
  frameworkOfWord(word: string): Framework | undefined {
    if (!this.frameworkWordCache.has(word)) {
      this.frameworkWordCache.set(word, frameworksIn(this.expander.canonicalize([correctFrameworkTypo(word) ?? word]))[0]);
    }
    return this.frameworkWordCache.get(word);
  }

  /** A chunk's analysed sentences, worked out the first time it is quoted and kept with this index. */
  sentencesOf(chunk: Chunk): readonly AnalysedSentence[] {
    let sentences = this.sentenceCache.get(chunk.id);
    if (!sentences) {
      sentences = analyseSentences(chunk.body, (text) => this.expander.expand(text));
      this.sentenceCache.set(chunk.id, sentences);
    }
    return sentences;
  }

  /** Ranked chunks for a parsed question, best first. */
  query(parsed: ParsedQuestion, limit = 8): SearchHit[] {
    if (parsed.terms.length === 0) return [];
    const only = parsed.frameworks.length === 1 ? parsed.frameworks[0] : undefined;
    const options: SearchOptions = {
      boost: RETRIEVAL_TUNING.boost,
      weights: RETRIEVAL_TUNING.weights,
      // Prefix expansion of 4-letter stems ("mode" → "model", "modern") touches most of a large base.
      prefix: (term) => term.length >= 5 && !isFrameworkTerm(term),
      // Short words have too many one-letter neighbours ("react" ~ "reach"); framework typos are fixed earlier.
      fuzzy: (term) => (isFrameworkTerm(term) ? false : term.length >= 8 ? 2 : term.length >= 6 ? 1 : false),
      maxFuzzy: 2,
      // Terms arrive already processed by parseQuestion; stemming twice would change them.
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      boostTerm: (term) => this.termBoost(term),
    };
    // Framework names occur in nearly every chunk: searching them would score the whole base for almost
    // no signal. They steer through `sideBoost` instead, and are searched only when nothing else is asked.
    const topical = parsed.terms.filter((t) => !isFrameworkTerm(t));
    // Words in a large share of chunks score nearly everything for almost no signal (and dominate
    // latency on big bases); they are searched only when the question has nothing more specific.
    const specific = topical.filter((t) => !this.isCommon(t));
    const searched = specific.length ? specific : topical.length ? topical : parsed.terms;
    const query = searched.join(' ');
    const descriptorMatches = new Map(this.descriptorSearch.search(query, options).map((r) => [r.id as number, matchOf(r)]));
    const ranked = this.rank(this.chunkSearch.search(query, options), descriptorMatches, only, limit);
    const hits: SearchHit[] = [];
    for (const { id, score, queryTerms, terms } of ranked) {
      const chunk = this.chunkList[id];
      if (!chunk) continue;
      const matchedTerms = [...new Set(queryTerms)];
      const quality = new Map(matchedTerms.map((q) => [q, this.matchQualityOf(q, terms)]));
      hits.push({ chunk, score, matchedTerms, matchQuality: quality, chunkTerms: [...terms] });
    }
    return hits;
  }

  /**
   * The best `limit` chunks. A chunk's score is MiniSearch's: the sum of its field scores — its own
   * heading and body, plus its descriptor's title and tags — times the number of query terms matched in
   * any of them; then, for a question naming one framework, the side boost (× 0.5–1.5, by how much the
   * chunk is about that framework). Only `limit` chunks are kept as they stream past.
   */
  private rank(chunkResults: SearchResult[], descriptors: ReadonlyMap<number, Match>, side: Framework | undefined, limit: number): RankedChunk[] {
    // This loop sees every matching chunk (thousands on a big base): nothing is allocated for a chunk
    // unless it makes the cut.
    const top: RankedChunk[] = [];
    let cutoff = 0;
    const keep = (id: number, score: number, own: Match | undefined, descriptor: Match | undefined) => {
      const queryTerms = [...new Set([...(own?.queryTerms ?? []), ...(descriptor?.queryTerms ?? [])])];
      const terms = [...new Set([...(own?.terms ?? []), ...(descriptor?.terms ?? [])])];
      // Sorted, at most `limit` long; ties keep the order they arrived in.
      let i = top.length;
      while (i > 0 && (top[i - 1] as RankedChunk).score < score) i--;
      top.splice(i, 0, { id, score, queryTerms, terms });
      if (top.length > limit) top.pop();
      if (top.length === limit) cutoff = (top[limit - 1] as RankedChunk).score;
    };
    const sideFactor = (id: number) => (side ? 1 + RETRIEVAL_TUNING.sideWeight * ((this.affinity[id]?.[side] ?? 0.5) - 0.5) : 1);
    for (const result of chunkResults) {
      const id = result.id as number;
      const descriptor = descriptors.size ? descriptors.get(this.descriptorOf[id] ?? -1) : undefined;
      let score = result.score;
      if (descriptor) {
        let extra = 0;
        for (const term of descriptor.queryTerms) if (!result.queryTerms.includes(term)) extra += 1;
        const own = result.queryTerms.length;
        score = (result.score / own + descriptor.raw) * (own + extra);
      }
      score *= sideFactor(id);
      if (score > cutoff) keep(id, score, matchOf(result), descriptor);
    }
    // Chunks matched only through their descriptor: skip a descriptor whose best possible score cannot
    // make the cut, else look at its chunks that the chunk search did not return.
    const maxSideFactor = side ? 1 + RETRIEVAL_TUNING.sideWeight / 2 : 1;
    let matched: Uint8Array | undefined;
    for (const [descriptorId, descriptor] of descriptors) {
      const descriptorScore = descriptor.raw * descriptor.queryTerms.length;
      if (descriptorScore * maxSideFactor <= cutoff) continue;
      if (!matched) {
        matched = new Uint8Array(this.chunkCount);
        for (const result of chunkResults) matched[result.id as number] = 1;
      }
      for (const id of this.descriptorChunks[descriptorId] ?? []) {
        const score = descriptorScore * sideFactor(id);
        if (score > cutoff && !matched[id]) keep(id, score, undefined, descriptor);
      }
    }
    return top;
  }

  private matchQualityOf(queryTerm: string, chunkTerms: readonly string[]): number {
    if (chunkTerms.includes(queryTerm)) return 1;
    if (chunkTerms.some((t) => t.startsWith(queryTerm))) return RETRIEVAL_TUNING.weights.prefix;
    // A dictionary word the base does not contain is another word, not a typo of one it does contain
    // ("gaming" is not "naming"); spelling variants ("licence") are in the synonyms table.
    if (isEnglishStem(queryTerm)) return RETRIEVAL_TUNING.weights.fuzzy * 0.5;
    // One slip in a longer word ("distribted") is a typo; two slips are usually another word
    // ("comprehension" ~ "comprehensive").
    const distance = Math.min(...chunkTerms.map((t) => editDistance(queryTerm, t, 2)));
    if (distance <= 1) return queryTerm.length >= 6 ? 0.75 : 0.5;
    return RETRIEVAL_TUNING.weights.fuzzy * 0.5;
  }
}
