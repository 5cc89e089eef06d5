/**
 * The tables `bench/slack-e2e.ts` prints: per bot, min / median / max over the rounds, and for each bot
 * but the first (the bare Bolt app) the ratio to it — computed round by round, so both sides of a ratio
 * met the same moment of the machine's load.
 */
import type { RunFigures } from './slack-load.ts';
import { percentile } from './timing.ts';

/** The figures of one run that the report compares. */
export function summary(f: RunFigures) {
  const per = (ms: number) => ms / Math.max(1, f.answers.length);
  return {
    e2eP50: percentile(f.answers, 50),
    e2eP99: percentile(f.answers, 99),
    ackP50: percentile(f.acks, 50),
    ackP99: percentile(f.acks, 99),
    perSecond: (f.answers.length * 1000) / f.wallMs,
    cpuPerEvent: per(f.cpuMs),
    driverCpuPerEvent: per(f.driverCpuMs),
  };
}
export type Summary = ReturnType<typeof summary>;
export type Metric = keyof Summary;

const minMedianMax = (values: number[], digits: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return [sorted[0]!, percentile(sorted, 50), sorted.at(-1)!].map((v) => v.toFixed(digits)).join(' / ');
};

/** Round-by-round ratios of `metric`, `runs` over `anchor`. */
export function ratios(metric: Metric, anchor: Summary[], runs: Summary[]): number[] {
  return runs.map((r, i) => r[metric] / anchor[i]![metric]);
}

export const medianRatio = (metric: Metric, anchor: Summary[], runs: Summary[]) => percentile(ratios(metric, anchor, runs), 50);

/** A table: one line per metric, a column per bot (the first is the anchor), ratios beside the others. */
export function printTable(title: string, bots: { name: string; runs: Summary[] }[], metrics: [label: string, metric: Metric, digits?: number][]): void {
  const [anchor, ...others] = bots;
  const cell = 26;
  console.log(title);
  console.log(`  ${''.padEnd(22)}${anchor!.name.padEnd(cell)}${others.map((b) => `${b.name.padEnd(cell)}${`÷ ${anchor!.name}`.padEnd(cell)}`).join('')}`);
  for (const [label, metric, digits = 2] of metrics) {
    const values = (runs: Summary[]) =>
      minMedianMax(
        runs.map((r) => r[metric]),
        digits,
      ).padEnd(cell);
    const rest = others.map((b) => `${values(b.runs)}${`${minMedianMax(ratios(metric, anchor!.runs, b.runs), 2)}×`.padEnd(cell)}`);
    console.log(`  ${label.padEnd(22)}${values(anchor!.runs)}${rest.join('')}`);
  }
}
