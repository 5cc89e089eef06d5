/**
 * Bulk indexing for MiniSearch: its `add` looks every token up in the radix tree (`_index.fetch`), once
 * per occurrence — on a 100,000-chunk reload that walk is a large part of the index build. A term's
 * posting map is created once and never replaced while documents are only added, so while a build
 * runs each term is looked up once and its map reused. Relies on MiniSearch 7 internals (`_index`,
 * `addTerm`); if they are not there, indexing simply runs as MiniSearch does it.
 */
type Postings = Map<number, Map<unknown, number>>;

interface MiniSearchInternals {
  _index?: { fetch?: (term: string, init: () => Postings) => Postings };
  addTerm?: (fieldId: number, documentId: unknown, term: string) => void;
}

/** Runs `build` (which only adds documents to `search`) with each term's radix-tree lookup done once. */
export function withBulkPostings<T>(search: object, build: () => T): T {
  const internals = search as unknown as MiniSearchInternals;
  const tree = internals._index;
  if (typeof tree?.fetch !== 'function' || typeof internals.addTerm !== 'function' || Object.hasOwn(internals, 'addTerm')) return build();
  const postingsOf = new Map<string, Postings>();
  const createPostings = (): Postings => new Map();
  // Same steps as MiniSearch 7's `addTerm`, with the tree lookup memoised.
  internals.addTerm = (fieldId, documentId, term) => {
    let postings = postingsOf.get(term);
    if (postings === undefined) {
      postings = (tree.fetch as NonNullable<typeof tree.fetch>)(term, createPostings);
      postingsOf.set(term, postings);
    }
    const fieldPostings = postings.get(fieldId);
    if (fieldPostings === undefined) postings.set(fieldId, new Map([[documentId, 1]]));
    else fieldPostings.set(documentId, (fieldPostings.get(documentId) ?? 0) + 1);
  };
  try {
    return build();
  } finally {
    delete internals.addTerm;
  }
}
