/**
 * The search index over knowledge chunks: MiniSearch (BM25+) with field boosts, prefix matching,
 * synonym expansion on both sides, and framework awareness. Typos are corrected before the search,
 * against the base's own words (`vocabulary.ts`), so MiniSearch needs no fuzzy matching. Built once per
 * snapshot and never mutated, so concurrent questions need no locking.
 */
import MiniSearch, { type SearchOptions } from 'minisearch';
import type { Chunk, Framework } from '../knowledge/schema.ts';
import type { Synonyms } from '../knowledge/synonyms.ts';
import { DirectPostings } from './direct-postings.ts';
import { frameworkShares, type FrameworkShares } from './framework-affinity.ts';
import type { FrameworkList } from './frameworks.ts';
import { loadOrdinaryWords } from './ordinary-words.ts';
import { parseQuestion, type ParsedQuestion } from './question.ts';
import { PostingScorer, type ScoreOptions } from './posting-scorer.ts';
import { type ChunkMatches, matchOf, rankChunks, type RankLayout } from './rank-chunks.ts';
import { analyseSentences, type AnalysedSentence } from './sentences.ts';
import { SynonymExpander } from './synonym-expansion.ts';
import { contentTerms, toTerm, words } from './terms.ts';
import { appendVersionPairs, BaseVocabulary } from './vocabulary.ts';
import { type WordRecord, WordTable } from './word-table.ts';

/** Tuned on tests/eval/questions.yaml (see `bench/retrieval.ts` for the comparison with defaults). */
export const RETRIEVAL_TUNING = {
  boost: { heading: 2.5, title: 1.2, tags: 1.5, body: 1 },
  /** A prefix match ("optim" → "optimization") counts this much of an exact one. */
  prefixWeight: 0.6,
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
  /** Distinct query terms that matched this chunk (exactly or by prefix). */
  matchedTerms: string[];
  /** How well each matched query term matched: 1 exact, `prefixWeight` by prefix. */
  matchQuality: Map<string, number>;
  /** The chunk's own terms those query terms matched ("optim" → "optimization"), for picking sentences. */
  chunkTerms: string[];
}

/** What is indexed per chunk: its own text. */
interface IndexedChunk {
  /** The chunk's position in the base: per-chunk facts live in arrays, read once per match. */
  id: number;
  heading: string;
  body: string;
}

/** While indexing: a descriptor's words, and their records once its first chunk resolved them. */
interface Descriptor {
  title: readonly string[];
  tags: readonly string[];
  titleRecords?: WordRecord[];
  tagsRecords?: WordRecord[];
}

/** What is indexed once per distinct (document title, tags): the fields a document gives all its chunks. */
interface IndexedDescriptor {
  id: number;
  title: string;
  tags: string;
}

export class KnowledgeIndex {
  readonly expander: SynonymExpander;
  /** The base's own words: what it knows, how rare each is, which versions it names, typo targets. */
  readonly vocabulary: BaseVocabulary;
  /** Frameworks each chunk talks about (named in its text, else the file's `frameworks`). */
  readonly sides = new Map<string, Framework[]>();
  /** Per chunk, each framework's share of its framework mentions (0–1). */
  private readonly affinity: FrameworkShares[] = [];
  /** Per framework, each chunk's side boost for a question naming only it: read once per match. */
  private readonly sideFactors = new Map<Framework, Float64Array>();
  readonly chunkCount: number;
  private readonly chunkSearch: MiniSearch<IndexedChunk>;
  private readonly descriptorSearch: MiniSearch<IndexedDescriptor>;
  /** Scores chunk queries over the chunk index's postings; undefined if MiniSearch's internals changed. */
  private readonly chunkScorer: PostingScorer | undefined;
  /** By position in the base (the constructor's array). */
  private readonly chunkList: readonly Chunk[];
  private readonly descriptorOf: number[] = [];
  private readonly descriptorChunks: number[][] = [];
  private readonly sentenceCache = new Map<string, readonly AnalysedSentence[]>();
  private readonly headingTermCache = new Map<string, ReadonlySet<string>>();
  /** While a chunk is being added through MiniSearch's `add`: its field texts and their words, so they are not split again. */
  private readonly tokenized = new Map<string, readonly string[]>();

  constructor(
    chunks: readonly Chunk[],
    /** Kept so a derived index (benchmarks, tests) can be built with the same table. */
    readonly synonyms: Synonyms,
    /** The declared frameworks; their aliases expand like synonyms, ahead of `synonyms.yaml`'s entries. */
    readonly frameworks: FrameworkList,
  ) {
    const table = withFrameworkAliases(frameworks, synonyms);
    this.expander = new SynonymExpander(table);
    this.chunkCount = chunks.length;
    this.chunkList = chunks;
    // Each chunk's text is tokenized once (see `indexChunks`); MiniSearch is handed those words.
    const tokenized = this.tokenized;
    const stemmed = new Map<string, string | null>();
    const indexOptions = {
      tokenize: (text: string) => (tokenized.get(text) as string[] | undefined) ?? words(text),
      processTerm: (term: string) => {
        let processed = stemmed.get(term);
        if (processed === undefined) {
          processed = toTerm(term);
          stemmed.set(term, processed);
        }
        return processed;
      },
    };
    this.chunkSearch = new MiniSearch<IndexedChunk>({ fields: ['heading', 'body'], ...indexOptions });
    this.descriptorSearch = new MiniSearch<IndexedDescriptor>({ fields: ['title', 'tags'], ...indexOptions });
    const variants = Object.values(table).flatMap((list) => list.flatMap((v) => words(v)));
    loadOrdinaryWords(); // the question parser reads it; loaded here so no question waits for it
    const baseWords = new WordTable(toTerm);
    this.indexChunks(chunks, baseWords, DirectPostings.for(this.chunkSearch));
    this.vocabulary = new BaseVocabulary(baseWords, variants);
    this.chunkScorer = PostingScorer.for(this.chunkSearch);
  }

  /**
   * Indexes the chunks one by one and counts each one's searchable words (title, heading, tags, body,
   * synonyms expanded) into `baseWords` for the vocabulary: a chunk is tokenized once, and each of its words
   * looked up once, however many readers need them.
   */
  private indexChunks(chunks: readonly Chunk[], baseWords: WordTable, postings: DirectPostings | undefined): void {
    const descriptors: Descriptor[] = [];
    const descriptorIds = new Map<string, number>();
    const canonicalize = (words: readonly string[]) => this.expander.canonicalize(words);
    let previous: Chunk | undefined;
    let descriptorId = -1;
    for (const [position, chunk] of chunks.entries()) {
      // A document's chunks share its title and tags: only a new pair needs its key built and looked up.
      if (previous === undefined || chunk.docTitle !== previous.docTitle || chunk.tags !== previous.tags) descriptorId = this.descriptorFor(chunk, descriptors, descriptorIds);
      previous = chunk;
      this.descriptorChunks[descriptorId]?.push(position);
      this.descriptorOf.push(descriptorId);
      const descriptor = descriptors[descriptorId] as Descriptor;
      const heading = this.expander.expandWords(chunk.heading);
      const body = this.expander.expandWords(chunk.body);
      // Searched with "tensorflow@2.0" terms too; the text MiniSearch is handed stays as it was.
      appendVersionPairs(heading.words, canonicalize);
      appendVersionPairs(body.words, canonicalize);
      // Resolved in the order the vocabulary reads a chunk, so its words keep their order of first appearance.
      descriptor.titleRecords ??= baseWords.records(descriptor.title);
      const headingRecords = baseWords.records(heading.words);
      descriptor.tagsRecords ??= baseWords.records(descriptor.tags);
      const bodyRecords = baseWords.records(body.words);
      baseWords.countChunk([descriptor.titleRecords, headingRecords, descriptor.tagsRecords, bodyRecords]);
      if (postings) postings.add(position, [headingRecords, bodyRecords]);
      else {
        this.tokenized.set(heading.text, heading.words).set(body.text, body.words);
        this.chunkSearch.add({ id: position, heading: heading.text, body: body.text });
        this.tokenized.clear();
      }
      const named = this.frameworks.namedIn(heading.words, body.words);
      this.sides.set(chunk.id, named.length ? named : chunk.frameworks);
      this.affinity.push(frameworkShares(heading.words, body.words, chunk.frameworks, this.frameworks.ids));
    }
  }

  /** The id of the chunk's (title, tags) descriptor, indexed when it is new. */
  private descriptorFor(chunk: Chunk, descriptors: Descriptor[], descriptorIds: Map<string, number>): number {
    const key = `${chunk.docTitle}\u0000${chunk.tags.join('\u0000')}`;
    let descriptorId = descriptorIds.get(key);
    if (descriptorId === undefined) {
      descriptorId = descriptors.length;
      descriptorIds.set(key, descriptorId);
      const title = this.expander.expandWords(chunk.docTitle);
      const tags = this.expander.expandWords(chunk.tags.join(' '));
      this.descriptorSearch.add({ id: descriptorId, title: title.text, tags: tags.text });
      descriptors.push({ title: title.words, tags: tags.words });
      this.descriptorChunks.push([]);
    }
    return descriptorId;
  }

  /** Normalises a question: truncation, typo correction, synonyms, content terms, what the base lacks. */
  parse(question: string): ParsedQuestion {
    return parseQuestion(question, this.expander, this.vocabulary, this.frameworks);
  }

  /** Inverse document frequency of a term; unknown terms get the maximum (they are very specific). */
  idf(term: string): number {
    return this.vocabulary.idf(term);
  }

  /**
   * Query term weight from its IDF over the whole base. MiniSearch's IDF is per field, so a common word
   * that happens to be rare among headings ("model") would otherwise outrank the word that matters.
   */
  termBoost(term: string): number {
    if (this.frameworks.has(term)) return RETRIEVAL_TUNING.frameworkTermBoost;
    if (!this.vocabulary.knows(term)) return 1; // a prefix of longer words: MiniSearch's prefix weight applies
    return Math.max(RETRIEVAL_TUNING.minTermBoost, Math.min(1, this.idf(term) / this.vocabulary.maxIdf));
  }

  /** True for words found in more than `commonShare` of the chunks (after stemming). */
  isCommon(term: string): boolean {
    return (this.vocabulary.documentFrequency.get(term) ?? 0) > this.chunkCount * RETRIEVAL_TUNING.commonShare;
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

  /** A chunk's heading as search terms (synonyms expanded), worked out once and kept with this index. */
  headingTermsOf(chunk: Chunk): ReadonlySet<string> {
    let terms = this.headingTermCache.get(chunk.id);
    if (!terms) {
      terms = new Set(contentTerms(this.expander.expand(chunk.heading)));
      this.headingTermCache.set(chunk.id, terms);
    }
    return terms;
  }

  /** For a question naming only `framework`: per chunk, `1 + sideWeight × (share − ½)`, worked out once. */
  private sideFactorsFor(framework: Framework): Float64Array {
    let factors = this.sideFactors.get(framework);
    if (!factors) {
      factors = Float64Array.from(this.affinity, (shares) => 1 + RETRIEVAL_TUNING.sideWeight * ((shares[framework] ?? 0.5) - 0.5));
      this.sideFactors.set(framework, factors);
    }
    return factors;
  }

  /** Ranked chunks for a parsed question, best first. */
  query(parsed: ParsedQuestion, limit = 8): SearchHit[] {
    if (parsed.terms.length === 0) return [];
    const only = parsed.frameworks.length === 1 ? parsed.frameworks[0] : undefined;
    const scoring: ScoreOptions = {
      boost: RETRIEVAL_TUNING.boost,
      prefixWeight: RETRIEVAL_TUNING.prefixWeight,
      // Prefix expansion of 4-letter stems ("mode" → "model", "modern") touches most of a large base.
      prefix: (term) => term.length >= 5 && !this.frameworks.has(term),
      boostTerm: (term) => this.termBoost(term),
    };
    const options: SearchOptions = {
      boost: scoring.boost,
      weights: { prefix: scoring.prefixWeight, fuzzy: 0 },
      prefix: scoring.prefix,
      fuzzy: false,
      // Terms arrive already processed by parseQuestion; stemming twice would change them.
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      boostTerm: scoring.boostTerm,
    };
    // Framework names occur in nearly every chunk: searching them would score the whole base for almost
    // no signal. They steer through the side boost instead, and are searched only when nothing else is.
    const topical = parsed.terms.filter((t) => !this.frameworks.has(t));
    // Words in a large share of chunks score nearly everything for almost no signal (and dominate
    // latency on big bases); they are searched only when the question has nothing more specific.
    const specific = topical.filter((t) => !this.isCommon(t));
    const searched = specific.length ? specific : topical.length ? topical : parsed.terms;
    const query = searched.join(' ');
    const descriptorMatches = new Map(this.descriptorSearch.search(query, options).map((r) => [r.id as number, matchOf(r)]));
    const layout: RankLayout = {
      chunkCount: this.chunkCount,
      descriptorOf: this.descriptorOf,
      descriptorChunks: this.descriptorChunks,
      sideFactors: only ? this.sideFactorsFor(only) : undefined,
      maxSideFactor: only ? 1 + RETRIEVAL_TUNING.sideWeight / 2 : 1,
    };
    const rank = (matches: ChunkMatches) => rankChunks(matches, descriptorMatches, layout, limit);
    // The same terms MiniSearch would search: the query split on spaces, empty ones dropped.
    const scored = this.chunkScorer?.score(query.split(' ').filter(Boolean), scoring, rank);
    const ranked = scored ? scored.value : rank(miniSearchMatches(this.chunkSearch, query, options));
    const hits: SearchHit[] = [];
    for (const { id, score, queryTerms, terms } of ranked) {
      const chunk = this.chunkList[id];
      if (!chunk) continue;
      const matchedTerms = [...new Set(queryTerms)];
      const quality = new Map(matchedTerms.map((q) => [q, terms.includes(q) ? 1 : RETRIEVAL_TUNING.prefixWeight]));
      hits.push({ chunk, score, matchedTerms, matchQuality: quality, chunkTerms: [...terms] });
    }
    return hits;
  }
}

/** The half of MiniSearch's `search` before it builds a result object per match and sorts them all. */
interface UnsortedSearch {
  executeQuery(query: string, options: SearchOptions): Map<number, { score: number; terms: string[]; match: object }>;
  _documentIds: Map<number, unknown>;
}

/**
 * Every match of `query` as MiniSearch's own search scores it (field scores times the number of query
 * terms matched), in its match order: the path when `PostingScorer` cannot read the index, and what
 * `tests/core/posting-scorer.test.ts` compares it with. Reads `executeQuery` (not in MiniSearch's typings)
 * to skip sorting every match; falls back to `search` should a version drop it.
 */
export function miniSearchMatches(index: MiniSearch<IndexedChunk>, query: string, options: SearchOptions): ChunkMatches {
  const unsorted = index as unknown as Partial<UnsortedSearch>;
  const list: { id: number; score: number; queryTerms: readonly string[]; match: object }[] = [];
  if (typeof unsorted.executeQuery !== 'function' || !(unsorted._documentIds instanceof Map)) {
    for (const result of index.search(query, options)) list.push({ id: result.id as number, score: result.score, queryTerms: result.queryTerms, match: result.match });
  } else {
    for (const [shortId, { score, terms, match }] of unsorted.executeQuery(query, options)) {
      list.push({ id: unsorted._documentIds.get(shortId) as number, score: score * (terms.length || 1), queryTerms: terms, match });
    }
  }
  return {
    size: list.length,
    ids: list.map((m) => m.id),
    scores: list.map((m) => m.score),
    queryTerms: (i) => list[i]?.queryTerms ?? [],
    documentTerms: (i) => Object.keys(list[i]?.match ?? {}),
  };
}

/** One table for expansion: each framework's aliases first (in declared order), then `synonyms.yaml`. */
function withFrameworkAliases(frameworks: FrameworkList, synonyms: Synonyms): Synonyms {
  const table: Synonyms = frameworks.aliasTable();
  for (const [canonical, variants] of Object.entries(synonyms)) table[canonical] = [...(table[canonical] ?? []), ...variants];
  return table;
}
