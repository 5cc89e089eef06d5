/**
 * Metric names: ours carry `fdesk_`; prom-client's default process metrics keep their standard names
 * (`process_*`, `nodejs_*`) so stock Node.js dashboards and alerts work unchanged.
 */
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/ops/metrics.ts';

/** Every metric family name in Prometheus text format, from its `# TYPE` line. */
function families(text: string): string[] {
  return [...text.matchAll(/^# TYPE (\S+) \S+$/gm)].map((m) => m[1] ?? '');
}

describe('metric names', () => {
  it('default process metrics use the standard process_* / nodejs_* names, without our prefix', async () => {
    const names = families(await createMetrics().registry.metrics());
    for (const standard of [
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'process_start_time_seconds',
      'nodejs_eventloop_lag_seconds',
      'nodejs_heap_size_used_bytes',
      'nodejs_gc_duration_seconds',
    ]) {
      expect(names).toContain(standard);
    }
    expect(names.filter((n) => /^fdesk_(process|nodejs)_/.test(n))).toEqual([]);
  });

  it('every other metric is one of ours and carries fdesk_', async () => {
    const withDefaults = families(await createMetrics().registry.metrics());
    const ours = families(await createMetrics({ defaultMetrics: false }).registry.metrics());
    expect(ours.length).toBeGreaterThan(10);
    for (const name of ours) expect(name).toMatch(/^fdesk_/);
    for (const name of withDefaults) expect(name).toMatch(/^(fdesk_|process_|nodejs_)/);
  });
});
