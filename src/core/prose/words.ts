// Domains stated in words: "for a positive number $u$", "nonnegative weights $w_1, w_2$", "positive
// integers $n, m$", "a vector of length $s$". The words just before an inline formula that only names symbols become the
// declaration a student would have written (`u > 0`), read by the same declaration parser.
import type { TexSource } from '../markdown/types';

const nouns = String.raw`(?:\s+(?:real|integer|integers|number|numbers|reals|constant|constants|scalar|scalars|weights?|values?|quantit(?:y|ies)|parameters?))*`;
const said = new RegExp(
  String.raw`\b(strictly positive|positive|nonnegative|non-negative)(${nouns})\s*$`,
  'i',
);
/** "the vector $\mathbf{v}$ is length $r$", "of length $s$", "has norm $c$": a length is nonnegative. */
const length = /\b(?:is|of|has|with)\s+(?:length|norm|magnitude|radius)\s*$/i;

/** Only symbols, commas and sub/superscripts: `u`, `w_1, w_2`, `\sigma`. */
const symbolList = /^[\sA-Za-z0-9_{},\\']+$/;

/** The declaration the words before an inline formula make of it, as TeX (`u > 0`) at the formula's place. */
export function domainInWords(lines: readonly string[], tex: TexSource): TexSource | undefined {
  const first = tex.lines[0];
  const text = tex.text.trim();
  if (!first || !symbolList.test(text) || /\\(?:in|le|ge|to)\b/.test(text)) return undefined;
  const before = (lines[first.line - 1] ?? '').slice(0, Math.max(0, first.column - 2));
  if (length.test(before.slice(-80))) return { text: tex.text + String.raw` \ge 0`, lines: tex.lines };
  const m = said.exec(before.slice(-80));
  if (!m) return undefined;
  const integer = /integer/i.test(m[2] ?? '');
  const strict = /^(?:strictly )?positive$/i.test(m[1] ?? '');
  const domain = integer
    ? strict
      ? String.raw` \in \mathbb{N}`
      : String.raw` \in \{0, \dots, 1000\}`
    : strict
      ? ' > 0'
      : String.raw` \ge 0`;
  return { text: tex.text + domain, lines: tex.lines };
}
