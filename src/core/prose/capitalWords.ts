// The words after an inline formula that names one capital (`$X$ … takes the value …`): where worked
// examples say what a random variable is (its law, the names of its values).
import type { TexSource } from '../markdown/types';

/** The capital an inline formula names and the rest of its line after it; undefined for anything else. */
export function wordsAfterCapital(
  lines: readonly string[],
  tex: TexSource,
): { name: string; after: string } | undefined {
  const last = tex.lines[tex.lines.length - 1];
  const name = tex.text.trim();
  if (!last || !/^[A-Z]$/.test(name)) return undefined;
  const rest = (lines[last.line - 1] ?? '').slice(
    last.column - 1 + (tex.lines.length === 1 ? tex.text.length : 0),
  );
  return { name, after: rest.replace(/^\$/, '') };
}
