// Names for the values of a random variable and their probabilities, as texts introduce them: "a
// discrete random variable $X$, which takes the values $x_i$ with probabilities $p_i$". In that section
// `\sum_i x_i p_i` is then the sum over the values of X of each value times its probability
// (probability/pairing.ts); without these words `x_i` and `p_i` are undeclared entries, never guessed.
import type { TexSource } from '../markdown/types';
import { wordsAfterCapital } from './capitalWords';

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
  const words = wordsAfterCapital(lines, tex);
  const m = words && sentence.exec(words.after);
  if (!m || !words || m[1] === m[2]) return undefined;
  return { variable: words.name, values: m[1] as string, probabilities: m[2] as string };
}
