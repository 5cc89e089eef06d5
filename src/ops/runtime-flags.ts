/**
 * Node flags every bot process runs with: `npm start`, the Dockerfile, Discord shard children and
 * `npm run bench` (so the benchmark measures what production runs). `tests/ops/runtime-flags.test.ts`
 * keeps those places in step with this list.
 *
 * A search on a large base builds thousands of short-lived result objects per question. With V8's
 * default 16 MiB semi-space a scavenge lands in the middle of most questions and copies everything the
 * question is still holding; 64 MiB makes that rare. Cost: up to ~64 MB more resident memory. Measured
 * by `npm run bench -- retrieval` (docs/quality.md, "Previous engine: Quality and speed").
 */
export const NODE_RUNTIME_FLAGS = ['--max-semi-space-size=64'] as const;
