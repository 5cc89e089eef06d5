/**
 * The one way every `npm run` CLI starts: read `.env` (the real environment wins), parse the arguments with
 * `node:util` `parseArgs` (strict: an unknown flag is an error, never silently a question word), `--help`,
 * exit codes, and a quiet exit when `… | head -1` closes the pipe early.
 *
 * Exit codes, the same for every CLI: 0 done, 1 the work failed (broken base, unreachable Redis, …),
 * 2 the command line or the settings are wrong (the message says what to type instead).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { describeEnvFile, loadEnvFile } from '../ops/env-file.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What a CLI declares about itself; the `help` flag is added to every CLI. */
export interface CliSpec<O extends Options> {
  /** As typed after `npm run`, e.g. `ask`. */
  name: string;
  /** The usage line without the leading `usage: `. */
  usage: string;
  /** What it does, the options and the environment it reads, shown by `--help`. */
  help: string;
  options: O;
  /** Whether words that are not options are allowed (a question, `goal=research`, a directory). */
  positionals: boolean;
  /** Exit as soon as `main` returns (a Redis client still backing off would otherwise hold the process open). */
  exitWhenDone?: boolean;
}

/** The parsed command line, typed from the spec's options. */
export type CliArgs<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>;

/** Either the arguments, or what to print and the exit code (`--help` → 0, a bad command line → 2). */
export type ParsedCli<O extends Options> = { ok: true; args: CliArgs<O> } | { ok: false; code: 0 | 2; text: string };

/** `parseArgs` messages are written for developers; these say what to type. */
function explain(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  const flag = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${flag}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return /argument missing/.test(message) ? `${flag} needs a value` : `${flag} takes no value`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? ''}`.trim();
  return message;
}

/** Parses `argv` against the spec. Pure, so the rules are testable without a process. */
export function parseCli<O extends Options>(spec: CliSpec<O>, argv: string[]): ParsedCli<O> {
  const usage = `usage: ${spec.usage}`;
  try {
    const args = parseArgs({
      args: argv,
      options: { ...spec.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if ((args.values as { help?: boolean }).help) return { ok: false, code: 0, text: `${usage}\n\n${spec.help.trim()}` };
    if (!spec.positionals && args.positionals.length > 0)
      return { ok: false, code: 2, text: `${spec.name}: unexpected argument "${args.positionals[0]}"\n${usage}\nRun with --help for details.` };
    return { ok: true, args: args as unknown as CliArgs<O> };
  } catch (error) {
    return { ok: false, code: 2, text: `${spec.name}: ${explain(error)}\n${usage}\nRun with --help for details.` };
  }
}

/**
 * Runs a CLI: `.env`, arguments, then `main`, whose result is the exit code. `--help` goes to stdout
 * (it was asked for); errors go to stderr so a script's stdout stays clean. A thrown error is one line, exit 1.
 */
export function runCli<O extends Options>(spec: CliSpec<O>, main: (args: CliArgs<O>) => Promise<number> | number): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const run = async (): Promise<number> => {
    const envFile = loadEnvFile();
    if (envFile.status === 'failed') {
      console.error(`${spec.name}: ${describeEnvFile(envFile)}`);
      return 2;
    }
    const parsed = parseCli(spec, process.argv.slice(2));
    if (!parsed.ok) {
      (parsed.code === 0 ? console.log : console.error)(parsed.text);
      return parsed.code;
    }
    return main(parsed.args);
  };
  run().then(
    (code) => {
      process.exitCode = code;
      if (spec.exitWhenDone) process.exit(code);
    },
    (error: unknown) => {
      console.error(`${spec.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
      if (spec.exitWhenDone) process.exit(1);
    },
  );
}

/** Lines every `--help` ends with: where settings come from. */
export const ENV_HELP =
  'Settings: environment variables, or a .env file in the working directory (the real environment wins; ENV_FILE names another file, ENV_FILE=none reads none).';
