// Names for the values of a random variable and their probabilities, as texts introduce them: "a
// discrete random variable $X$, which takes the values $x_i$ with probabilities $p_i$". In that section
// `\sum_i x_i p_i` is then the sum over the values of X of each value times its probability
// (probability/pairing.ts); without these words `x_i` and `p_i` are undeclared entries, never guessed.
import type { TexSource } from '../markdown/types';

/** X's values are the entries of `values`, their probabilities those of `probabilities`. */
export interface ValueNames {
  variable: string;
  values: string;
  probabilities: string;
}

const indexed = String.raw`\$\s*([a-z])_\{?[a-z]\}?\s*\$`;
const sentence = new RegExp(
  String.raw`^\$?[^.$]{0,80}?\btakes?\s+(?:on\s+)?(?:the\s+)?values\s+${indexed}\s+with\s+(?:the\s+)?probabilities\s+${indexed}`,
  'i',
);

/** The names the words after an inline capital (`$X$`) give its values and their probabilities. */
export function valueNamesInWords(lines: readonly string[], tex: TexSource): ValueNames | undefined {
  const last = tex.lines[tex.lines.length - 1];
  const variable = tex.text.trim();
  if (!last || !/^[A-Z]$/.test(variable)) return undefined;
  const after = (lines[last.line - 1] ?? '').slice(
    last.column - 1 + (tex.lines.length === 1 ? tex.text.length : 0),
  );
  const m = sentence.exec(after.replace(/^\$/, ''));
  if (!m || m[1] === m[2]) return undefined;
  return { variable, values: m[1] as string, probabilities: m[2] as string };
}
