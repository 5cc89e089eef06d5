/**
 * `npm run bench`: the retrieval benchmark first, then every other `bench/*.ts` that exports
 * `async function run()` (each team adds its own, e.g. `bench/slack-e2e.ts`). Modules without `run`
 * (shared helpers) are skipped. A failing bench is reported and the rest still run; exit code 1 then.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const FIRST = 'retrieval.ts';

async function main(): Promise<number> {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const files = readdirSync(HERE)
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.d.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
    .sort((a, b) => (a === FIRST ? -1 : b === FIRST ? 1 : a.localeCompare(b)));
  let failed = 0;
  for (const file of files) {
    const mod = (await import(new URL(file, `file://${HERE}`).href)) as { run?: unknown };
    if (typeof mod.run !== 'function') continue;
    console.log(`\n=== bench/${file} ===`);
    try {
      await (mod.run as () => Promise<void>)();
    } catch (error) {
      failed += 1;
      console.error(`bench/${file} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
