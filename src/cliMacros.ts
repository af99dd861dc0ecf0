// `--macros <file>` of `stepwise check` and `stepwise export`: a JSON object like the `stepwise.macros`
// setting (`{ "\\R": "\\mathbb{R}" }`, names with or without the backslash), so the CLI reads the math as
// the editor does. One reader for both commands: a file one accepts the other accepts.
import type { CliIo } from './cli';

/** The `--macros FILE` option of either command: `{}` when it is absent, `{ macros }` when the file reads,
 *  and undefined once the reason it does not is written to stderr (the command then exits with 2). */
export async function macrosOption(
  file: string | undefined,
  io: Pick<CliIo, 'readFile' | 'stderr'>,
): Promise<{ macros?: Record<string, string> } | undefined> {
  if (file === undefined) return {};
  const read = await readMacrosFile(file, io);
  if ('macros' in read) return read;
  io.stderr(`stepwise: ${read.error}\n`);
  return undefined;
}

/** Reads a macros file; a message (for exit code 2) when it cannot be read or is not such an object. */
async function readMacrosFile(
  file: string,
  io: Pick<CliIo, 'readFile'>,
): Promise<{ macros: Record<string, string> } | { error: string }> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (e) {
    return { error: `cannot read macros file '${file}': ${e instanceof Error ? e.message : String(e)}` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: `macros file '${file}' is not JSON` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { error: `macros file '${file}' must hold one JSON object of names to TeX` };
  const macros: Record<string, string> = {};
  for (const [name, body] of Object.entries(value)) {
    // The same names the setting allows (`normalizeMacros`): letters, with or without the backslash.
    if (typeof body !== 'string' || !/^\\?[A-Za-z]+$/.test(name))
      return { error: `macros file '${file}': '${name}' must be a command name with a TeX string` };
    macros[name.startsWith('\\') ? name : `\\${name}`] = body;
  }
  return { macros };
}
