// `stepwise export <file.md> [-o out.html] [--no-marks] [--no-experiments] [--remote-images] [--macros FILE]`: the same
// self-contained page as the editor's Export command (same code, src/extension/preview/exportHtml.ts), so
// exports can be made and tested without VS Code. Local images are inlined only from inside the workspace
// folder, taken as the current folder when the document is inside it, else the document's folder.
import { writeFile as fsWriteFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { CliIo } from './cli';
import { macrosOption } from './cliMacros';

export const exportUsage = `Usage: stepwise export <file.md> [-o out.html] [--no-marks] [--no-experiments] [--remote-images] [--macros FILE]

Writes the document as one self-contained HTML page (math, marks, counterexamples, experiment outputs),
as the editor's Export command does. Default output: the file with .html for .md.

Options:
  -o, --output FILE   where to write the page
  --no-marks          leave out verification marks, badges and experiment outputs
  --no-experiments    do not run experiment blocks
  --remote-images     keep remote (https) images; by default they are left out and opening makes no request
  --macros FILE       a JSON object of TeX macros, as for check and the stepwise.macros setting`;

export interface ExportIo extends CliIo {
  writeFile?(path: string, text: string): Promise<void>;
}

/** Runs `stepwise export` with the arguments after `export`; returns the exit code (0 written, 2 usage/I-O). */
export async function runExport(argv: string[], io: ExportIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        output: { type: 'string', short: 'o' },
        'no-marks': { type: 'boolean' },
        'no-experiments': { type: 'boolean' },
        'remote-images': { type: 'boolean' },
        macros: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (args.values.help) {
      io.stdout(`${exportUsage}\n`);
      return 0;
    }
    if (args.positionals.length !== 1) throw new Error('export takes exactly one Markdown file');
  } catch (e) {
    io.stderr(
      `stepwise: ${e instanceof Error ? e.message : String(e)}\nRun 'stepwise export --help' for usage.\n`,
    );
    return 2;
  }
  const file = args.positionals[0] as string;
  const out = args.values.output ?? file.replace(/\.(?:md|markdown)$/i, '') + '.html';
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (e) {
    io.stderr(`stepwise: cannot read '${file}': ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const option = await macrosOption(args.values.macros, io);
  if (!option) return 2;
  const macros = option.macros ?? {};
  const marks = !args.values['no-marks'];
  // Loaded only now, as `check` does: usage errors answer without loading the verifier.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { checkFile } = require('./core/check') as typeof import('./core/check');
  const { buildExport } =
    require('./extension/preview/exportHtml') as typeof import('./extension/preview/exportHtml');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const report = marks
    ? await checkFile(file, text, { experiments: !args.values['no-experiments'], verify: { macros } })
    : undefined;
  const abs = path.resolve(file);
  const cwd = process.cwd();
  const insideCwd = !path.relative(cwd, abs).startsWith('..');
  const result = buildExport({
    text,
    title: path.basename(file),
    macros,
    includeMarks: marks,
    derivations: report?.derivations ?? [],
    experiments: report?.experiments ?? [],
    baseUri: pathToFileURL(path.dirname(abs)).href + '/',
    mediaDir: path.join(__dirname, '..', 'media'),
    root: insideCwd ? cwd : path.dirname(abs),
    remoteImages: Boolean(args.values['remote-images']),
  });
  for (const w of result.warnings) io.stderr(`stepwise: ${w}\n`);
  try {
    await (io.writeFile ?? ((p: string, t: string) => fsWriteFile(p, t, 'utf8')))(out, result.html);
  } catch (e) {
    io.stderr(`stepwise: cannot write '${out}': ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  io.stdout(`${out}\n`);
  return 0;
}
