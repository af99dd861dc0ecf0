// `stepwise`: the command-line adapter over the core. It reads files, calls `checkFile` and prints the
// report; everything it knows about math lives in the core. Exit codes: 0 nothing refuted and no
// experiment failed, 1 otherwise, 2 usage or I/O errors.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { version } from '../package.json';
import { buildReport, type FileReport, formatReport, reportExitCode } from './core';
import { macrosOption } from './cliMacros';

export const usage = `Usage: stepwise check <file.md…> [options]
       stepwise export <file.md> [-o out.html] [--no-marks] [--macros FILE]
       stepwise --help | --version

Verifies every derivation step of Markdown homework by sampling, and runs its experiment blocks.

Options:
  --json             print one JSON report (version 1) instead of text
  --samples N        samples per step (default 24)
  --seed S           fixed random seed (default: each block seeds from its own text)
  --no-experiments   list experiment blocks as skipped instead of running them
  --macros FILE      a JSON object of TeX macros, like the stepwise.macros setting ({"\\R": "\\mathbb{R}"})
  -h, --help         show this help
  -v, --version      show the version

Exit codes: 0 nothing refuted, 1 a step refuted or an experiment failed, 2 usage or I/O error.`;

/** The outside world as the CLI sees it, so tests can run it in-process. */
export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  readFile(path: string): Promise<string>;
  color: boolean;
}

class UsageError extends Error {}

function ioMessage(path: string, e: unknown): string {
  const code = (e as { code?: string }).code;
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'is a directory'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : e instanceof Error
            ? e.message
            : String(e);
  return `stepwise: cannot read '${path}': ${why}`;
}

function integer(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const v = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(v) || v < min || v > max) {
    throw new UsageError(`--${name} expects an integer from ${min} to ${max}, got '${raw}'`);
  }
  return v;
}

/** Options whose value may be a negative number: `--seed -5` is the value -5, not an option `-5`. */
const numericOptions = new Set(['--seed', '--samples']);

/** `--seed -5` as `--seed=-5`, which parseArgs reads as a value. */
function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const next = argv[i + 1];
    if (numericOptions.has(a) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: joinNegativeValues(argv),
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        samples: { type: 'string' },
        seed: { type: 'string' },
        'no-experiments': { type: 'boolean' },
        macros: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    // parseArgs' own messages suggest `--` tricks; a short one-line reason serves better.
    const m = e instanceof Error ? e.message : String(e);
    const opt = /'(-[^' ]*)/.exec(m)?.[1];
    const code = (e as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option '${opt ?? m}'`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = /(--?[\w-]+)/.exec(m)?.[1] ?? m;
      throw new UsageError(
        /does not take an argument/.test(m)
          ? `option '${name}' takes no value`
          : `option '${name}' needs a value`,
      );
    }
    throw new UsageError(m);
  }
}

/** Runs the CLI on `argv` (without `node` and the script) and returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv[0] === 'export') {
    // `export` has its own options (src/cliExport.ts); loaded only when asked for.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('./cliExport') as typeof import('./cliExport')).runExport(argv.slice(1), io);
  }
  let args: ReturnType<typeof parse>;
  let samples: number | undefined;
  let seed: number | undefined;
  try {
    args = parse(argv);
    if (args.values.help) {
      io.stdout(`${usage}\n`);
      return 0;
    }
    if (args.values.version) {
      io.stdout(`${version}\n`);
      return 0;
    }
    const [command, ...rest] = args.positionals;
    if (command === undefined) throw new UsageError('missing command: try `stepwise check <file.md>`');
    if (command !== 'check') throw new UsageError(`unknown command '${command}'`);
    if (rest.length === 0) throw new UsageError('check needs at least one Markdown file');
    samples = integer('samples', args.values.samples, 1, 10_000);
    seed = integer('seed', args.values.seed, -(2 ** 31), 2 ** 32);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`stepwise: ${e.message}\nRun 'stepwise --help' for usage.\n`);
    return 2;
  }

  const macros = await macrosOption(args.values.macros, io);
  if (!macros) return 2;
  const texts: { path: string; text: string }[] = [];
  let ioFailed = false;
  for (const p of args.positionals.slice(1)) {
    try {
      texts.push({ path: p, text: await io.readFile(p) });
    } catch (e) {
      io.stderr(`${ioMessage(p, e)}\n`);
      ioFailed = true;
    }
  }
  const files: FileReport[] = [];
  if (texts.length > 0) {
    // Loaded only now, so that help, usage errors and unreadable files answer without loading mathjs.
    // `require`, not `import()`: under tsx and in the esbuild bundle alike it resolves the TypeScript path.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { checkFile } = require('./core/check') as typeof import('./core/check');
    for (const { path, text } of texts) {
      files.push(
        await checkFile(path, text, {
          experiments: !args.values['no-experiments'],
          verify: {
            ...(samples !== undefined ? { samples } : {}),
            ...(seed !== undefined ? { seed } : {}),
            ...macros,
          },
        }),
      );
    }
  }
  const report = buildReport(files);
  if (args.values.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (files.length > 0) io.stdout(`${formatReport(report, { color: io.color })}\n`);
  return ioFailed ? 2 : reportExitCode(report);
}

/** Colours only for a terminal, and never when NO_COLOR is set to anything (https://no-color.org). */
export function wantsColor(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  return Boolean(isTTY) && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}

if (require.main === module) {
  const io: CliIo = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readFile: (p) => readFile(p, 'utf8'),
    color: wantsColor(process.stdout.isTTY, process.env),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      // Exit once the output has drained, even if a worker or timer would keep the process alive.
      process.stdout.write('', () => process.exit(code));
    },
    (e: unknown) => {
      process.stderr.write(`stepwise: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(2);
    },
  );
}
