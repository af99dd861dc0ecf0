// Functions indexed by a bound variable and derivatives numbered in a label. Inside `\sum_{i=1}^n`,
// `f_i(x)` and `l^{(i)}(w, b)` name one function per index (a family: the verifier draws an independent
// unknown function for each), while `f^{(i)}(x_0)` is the i-th derivative of f, as in Taylor's formula.
// Which reading a name gets is settled here, from the letter and the shape of the application, and a use
// that fits neither is refused with a reason rather than guessed.
import { isCallOpen, parseCallArgs, readPrimes, type Atom } from './atoms';
import { fail } from './errors';
import { fn, num, sym, type MathNode } from './nodes';
import type { Token } from './tokens';
import type { ParserApi } from './handlers/api';

/** Letters that name a family when indexed and applied to one argument, `f_i(x)`, `l^{(i)}(w)`. Other
 *  function letters stay out: `\sigma_i (x_i - \mu)` is a standard deviation times a difference. */
const familyLetters: ReadonlySet<string> = new Set(['f', 'g', 'F', 'G', 'l', 'ℓ', 'L', 'ℒ']);

/** Letters whose `^{(k)}` label is the order of a derivative: `f^{(3)}(x)`, `f^{(i)}(x_0)`. A loss
 *  `l^{(i)}` or a layer `h^{(i)}` keeps the label as an index. */
const derivativeLetters: ReadonlySet<string> = new Set(['f', 'g']);

/** May `name`, indexed by a bound variable and applied, name a family: a family letter, or any
 *  undeclared letter applied to several arguments (checked once they are read). */
export function isFamilyLetter(atom: Atom): boolean {
  // A plain `l` is a length as often as a loss: `l_i(a + b)` stays a product, `l^{(i)}(w)` is a loss.
  if (atom.name === 'l') return atom.label === true;
  return familyLetters.has(atom.name);
}

/** `f_i(x)`, `f_i'(x)`, `l^{(i)}(w, b)`, `f^{(i)}(x_0)`, with the parser at the primes or the `(`. */
export function familyApplication(p: ParserApi, atom: Atom, start: Token): MathNode {
  const indices = atom.indices ?? [];
  const written = atom.literal ?? atom.name;
  const kind = p.ctx.kindOf(atom.name);
  const { primes, next } = readPrimes(p);
  const derivative = atom.label === true && derivativeLetters.has(atom.name) && indices.length === 1;
  if (kind !== undefined && kind !== 'function')
    fail(
      `${atom.name} is declared as a ${kind}, so ${written}(…) cannot be read`,
      start.offset,
      'unsupported',
    );
  if (p.ctx.kindOf(written) !== undefined)
    fail(
      `${written} is declared for one value of its index, so ${written}(…) inside a sum over it cannot be read`,
      start.offset,
      'unsupported',
    );
  p.pos = next;
  const args = parseCallArgs(p);
  if (!derivative && !isFamilyLetter(atom) && args.length < 2)
    fail(
      `a function indexed by a bound variable, ${written}(…), is read only for f, g, F, G, ℓ, L, l^{(i)} or with several arguments`,
      start.offset,
      'unsupported',
    );
  if (derivative) {
    if (primes > 0 || args.length !== 1)
      fail(`${written}(…) as a derivative takes one argument and no primes`, start.offset, 'unsupported');
    // The order is the index's value at each term: f^{(0)} is f itself.
    return fn('derivFn', [sym(atom.name), indices[0] as MathNode, ...args]);
  }
  const head = fn('entry', [sym(atom.name), ...indices]);
  return primes > 0 ? fn('derivFn', [head, num(primes), ...args]) : fn('call', [head, ...args]);
}

/** `f^{(3)}` → [f, 3] when the label of a derivative letter is a derivative order. */
function numbered(name: string): [string, number] | undefined {
  const m = /^(.+)\^\{\((\d)\)\}$/.exec(name);
  const base = m?.[1];
  return m && base && derivativeLetters.has(base) ? [base, Number(m[2])] : undefined;
}

/** Is `name` a derivative written with its order, `f^{(3)}`? Then `f^{(3)}(x) = …` defines no function. */
export function isNumberedDerivative(name: string): boolean {
  return numbered(name) !== undefined;
}

/** `f^{(3)}(x)` of f or g (unknown, or a declared function): its third derivative at x. The parser stands
 *  after the name. */
export function numberedDerivative(p: ParserApi, name: string): MathNode | undefined {
  const [base, order] = numbered(name) ?? [];
  if (base === undefined || order === undefined || p.ctx.kindOf(name) !== undefined) return undefined;
  const kind = p.ctx.kindOf(base);
  if ((kind !== undefined && kind !== 'function') || !isCallOpen(p)) return undefined;
  const saved = p.pos;
  const args = parseCallArgs(p);
  if (args.length !== 1) {
    p.pos = saved;
    return undefined;
  }
  return fn('derivFn', [sym(base), num(order), ...args]);
}
