/** Types for `run-built.mjs` (plain JavaScript so it runs before anything is compiled). */
export declare const BUILD_STAMP: string;
/** `built` (dist/ matches src/), `missing` (never built) or `stale` (a source changed since the build). */
export declare function buildState(root?: string): 'built' | 'missing' | 'stale';
