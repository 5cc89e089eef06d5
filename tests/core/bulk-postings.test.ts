import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { withBulkPostings } from '../../src/core/answer/bulk-postings.ts';

const docs = [
  { id: 0, heading: 'Training loops', body: 'pytorch training loop loop with autograd and training data' },
  { id: 1, heading: 'Serving', body: 'tensorflow serving exports a saved model; serving at scale' },
  { id: 2, heading: 'Training at scale', body: 'distributed training in tensorflow and pytorch' },
];

const build = (bulk: boolean) => {
  const search = new MiniSearch<(typeof docs)[number]>({ fields: ['heading', 'body'] });
  let memoised = false;
  const add = () => {
    memoised = Object.hasOwn(search, 'addTerm');
    for (const doc of docs) search.add(doc);
  };
  if (bulk) withBulkPostings(search, add);
  else add();
  // A MiniSearch upgrade without these internals falls back silently; the test says so instead.
  if (bulk) expect(memoised, 'MiniSearch internals changed: bulk postings no longer engage').toBe(true);
  return search;
};

describe('withBulkPostings', () => {
  it('builds exactly the index plain MiniSearch adds build', () => {
    expect(JSON.stringify(build(true))).toBe(JSON.stringify(build(false)));
  });

  it('restores MiniSearch’s own addTerm afterwards, so later adds are plain ones', () => {
    const search = build(true);
    expect(Object.hasOwn(search, 'addTerm')).toBe(false);
    search.add({ id: 3, heading: 'Later', body: 'training' });
    expect(search.search('training').map((r) => r.id)).toContain(3);
  });
});
