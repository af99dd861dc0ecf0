// Canonical symbol names. A name is what a counterexample shows the student, so it is readable Unicode
// (`\lambda` → `λ`, `\tilde{X}` → `X̃`, `\mathbf{x}` → `𝐱`, `n_{\ell-1}` → `n_{ℓ-1}`, `\theta^*` → `θ*`),
// and declarations and formulas go through the same reader (the parser's), so the names they produce match.
import { readSymbolName } from './parser';
import type { ParseContext } from './types';

export { accents, applyFont, defaultFunctionNames, fonts, greek, tokensToName } from './names';

const noContext: ParseContext = { kindOf: () => undefined, macros: new Map() };

/** The canonical name of the TeX of one symbol (`\tilde X` → `X̃`, `n_{\ell-1}` → `n_{ℓ-1}`, `\theta^*` → `θ*`).
 *  TeX that is not a single symbol gets the canonical text of its tokens, so the result is always stable. */
export function canonicalName(tex: string, ctx: ParseContext = noContext): string {
  return readSymbolName(tex, ctx);
}
