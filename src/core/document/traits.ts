// What the text says of functions nobody defined: `<!-- let f \text{ convex} -->` (also linear, odd,
// even, increasing, and `f > 0` for positive), and prose such as "a convex function $f$" or "$g$ is
// convex". The verifier then draws only functions with those properties (calculus/smooth.ts).
import type { FunctionTrait } from '../calculus/smooth';
import { lookupTable } from '../lookup';

const words: Record<string, FunctionTrait> = lookupTable({
  convex: 'convex',
  convexity: 'convex',
  linear: 'linear',
  odd: 'odd',
  even: 'even',
  increasing: 'increasing',
});

/** Function names as written in TeX that a trait may be stated of. */
const nameTex = String.raw`[A-Za-z]|\\ell|\\phi|\\varphi|\\psi|\\sigma`;

const canonical: Record<string, string> = lookupTable({
  '\\ell': 'ℓ',
  '\\phi': 'ϕ',
  '\\varphi': 'φ',
  '\\psi': 'ψ',
  '\\sigma': 'σ',
});
const canon = (tex: string): string => canonical[tex] ?? tex;

/** A let comment's trait statements, and its text with them blanked (offsets kept) for the declarations parser. */
export function letTraits(text: string): { traits: [string, FunctionTrait][]; rest: string } {
  const traits: [string, FunctionTrait][] = [];
  const blank = (m: string): string => ' '.repeat(m.length);
  let rest = text.replace(
    new RegExp(
      String.raw`(${nameTex})\s*\\(?:text|textrm|mathrm)\{\s*(convex|linear|odd|even|increasing)\s*\}`,
      'g',
    ),
    (m: string, name: string, word: string) => {
      traits.push([canon(name), words[word] as FunctionTrait]);
      return blank(m);
    },
  );
  rest = rest.replace(
    new RegExp(String.raw`(?<![\w\\])(${nameTex})\s*>\s*0(?![\w.])`, 'g'),
    (m: string, name: string) => {
      // Only a name used as a function elsewhere means "f > 0" of a function; a scalar keeps its bound.
      if (!/^[fgh]$|^\\/.test(name)) return m;
      traits.push([canon(name), 'positive']);
      return blank(m);
    },
  );
  return { traits, rest };
}

/** Traits a line of prose states of an inline `$f$` (or `$f: … \to …$`) at `column` (0-based). */
export function proseTraits(line: string, tex: string, column: number): [string, FunctionTrait][] {
  const m = new RegExp(String.raw`^\s*(${nameTex})\s*(?::.*)?$`).exec(tex);
  if (!m) return [];
  // The trait word must stand near the formula: "convex function $f$", "$f$ is convex", "convexity of $f$".
  const around = line.slice(Math.max(0, column - 40), column + tex.length + 40).toLowerCase();
  const out: [string, FunctionTrait][] = [];
  // Only convexity is read from prose: "even", "odd" and "linear" are ordinary words there.
  if (/\bconvex(?:ity)?\b(?!\s+(?:sets?|combinations?|hull)\b)/.test(around))
    out.push([canon(m[1] as string), 'convex']);
  return out;
}
