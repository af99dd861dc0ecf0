// A finite law stated in words, as worked examples do: "let's take $X$ to be the random variable which
// takes the value $a-2$ with probability $p$, $a+2$ with probability $p$ and $a$ with probability $1-2p$".
// The words after an inline formula naming one capital become the declaration a student would have
// written, `X \sim \operatorname{Values}(a-2, p, a+2, p, a, 1-2p)`, read by the same declaration parser.
import type { TexSource } from '../markdown/types';
import { wordsAfterCapital } from './capitalWords';

/** One "$v$ with probability $p$" pair; the list joins them with commas and a last "and". */
const pair = String.raw`\$([^$]+)\$\s+with\s+probability\s+\$([^$]+)\$`;
const sentence = new RegExp(
  String.raw`^\$?[^.$]{0,80}?\btakes?\s+(?:on\s+)?the\s+values?\s+((?:${pair}(?:\s*,\s*(?:and\s+)?|\s+and\s+)?)+)`,
  'i',
);

/** The law the words after an inline capital (`$X$`) give it, as a declaration at the formula's place. */
export function finiteLawInWords(lines: readonly string[], tex: TexSource): TexSource | undefined {
  const words = wordsAfterCapital(lines, tex);
  const m = words && sentence.exec(words.after);
  if (!m) return undefined;
  const pairs = [...(m[1] as string).matchAll(new RegExp(pair, 'g'))].map((p) => `${p[1]}, ${p[2]}`);
  if (pairs.length < 2) return undefined;
  return {
    text: `${tex.text} \\sim \\operatorname{Values}(${pairs.join(', ')})`,
    lines: tex.lines,
  };
}
