// Leibniz derivatives, read from a `\\frac`: `\\frac{d}{dx} f`, `\\frac{df}{dx}(x_0)`,
// `\\frac{\\partial^2 f}{\\partial x \\partial y}`, and their orders.
import { isCallOpen, isFunctionName, parseCallArgs, readVariable } from '../atoms';
import { fail, unexpected } from '../errors';
import { skipArgument } from '../macros';
import { accents, fonts, greek } from '../names';
import { fn, isConstant, isSymbol, num, sym, type MathNode } from '../nodes';
import { isChar, isCmd, type Token } from '../tokens';
import type { CommandSpec, ParserApi } from './registry';

/** Index after a `d`, `\mathrm{d}` or `\partial` marker at token `i`, or -1. */
function markerAt(p: ParserApi, i: number): number {
  const k = p.sigIndex(i);
  const t = p.toks[k];
  if (isCmd(t, 'partial')) return k + 1;
  if (t?.kind === 'letter' && t.value === 'd' && p.ctx.kindOf('d') === undefined) return k + 1;
  if (
    t?.kind === 'cmd' &&
    ['mathrm', 'operatorname', 'text', 'mathit'].includes(t.value) &&
    isChar(p.toks[k + 1], '{') &&
    isChar(p.toks[k + 2], 'd') &&
    isChar(p.toks[k + 3], '}')
  )
    return k + 4;
  return -1;
}

export function isDerivativeAhead(p: ParserApi): boolean {
  const i = p.sigIndex(p.pos);
  if (!isChar(p.toks[i], '{') || markerAt(p, i + 1) < 0) return false;
  const j = p.sigIndex(skipArgument(p.toks, i));
  if (!isChar(p.toks[j], '{')) return false;
  const m = markerAt(p, j + 1);
  if (m < 0) return false;
  const v = p.at(m);
  return (
    v.kind === 'letter' ||
    (v.kind === 'cmd' && (!!greek[v.value] || !!accents[v.value] || !!fonts[v.value])) ||
    isChar(v, '{')
  );
}

function parseOrder(p: ParserApi, owner: Token): number {
  if (!isChar(p.peek(), '^')) return 1;
  p.next();
  const o = p.parseArgument('^');
  const k = isConstant(o) ? Number(o.value) : NaN;
  if (!Number.isInteger(k) || k < 1 || k > 4)
    fail(`derivative order must be a small whole number`, owner.offset, 'unsupported');
  return k;
}

/** `\frac{d}{dx} f`, `\frac{df}{dx}`, `\frac{\partial^2 f}{\partial x \partial y}`. */
export function parseDerivative(p: ParserApi, t: Token): MathNode {
  const open = p.next();
  const partial = isCmd(p.at(p.pos), 'partial');
  p.pos = markerAt(p, p.pos);
  const order = parseOrder(p, t);
  let body: MathNode | undefined;
  if (!isChar(p.peek(), '}')) body = p.parseAdditive();
  p.expectChar('}', open);
  const open2 = p.expectChar('{');
  const vars: MathNode[] = [];
  while (!isChar(p.peek(), '}')) {
    const m = markerAt(p, p.pos);
    if (m < 0) unexpected(p.peek(), 'expected d or \\partial in the denominator of a derivative');
    p.pos = m;
    const v = readVariable(p);
    const k = parseOrder(p, t);
    for (let r = 0; r < k; r++) vars.push(v);
  }
  p.expectChar('}', open2);
  if (vars.length !== order)
    fail(`derivative: order ${order} above, ${vars.length} below`, t.offset, 'unsupported');
  if (!body) {
    if (!p.startsFactor(p.peek())) fail(`nothing to differentiate after the derivative`, t.offset);
    // The operand of d/dx runs over the whole product that follows: d/dx sin x cos x is (sin x cos x)'.
    body = p.parseImplicit(false);
  }
  const evaluatedAt = isCallOpen(p);
  if (
    !partial &&
    isSymbol(body) &&
    isFunctionName(p, body.name) &&
    new Set(vars.map((v) => v.toString())).size === 1
  ) {
    // `\frac{df}{dx}`, `\frac{d^2 f}{dx^2}(x_0)`: the derivative of a one-variable function, at the
    // point in parentheses if one follows (not a product with it).
    if (!evaluatedAt) return fn('derivFn', [body, num(order), vars[0] as MathNode]);
    const args = parseCallArgs(p);
    return fn('derivFn', [body, num(order), ...args]);
  }
  // `\frac{\partial f}{\partial x}(a, b)`: the partial in the slot x names, at (a, b) (verify/partialAt.ts).
  if (evaluatedAt && isSymbol(body) && isFunctionName(p, body.name))
    return fn('partialAt', [body, num(vars.length), ...vars, ...parseCallArgs(p)]);
  body = applyBareFunction(p, body, vars);
  for (let r = vars.length - 1; r >= 0; r--) body = fn('deriv', [vars[r] as MathNode, body]);
  return body;
}

/** `\frac{\partial f}{\partial x}` with f a function symbol means f applied to x. With several variables
 *  the text does not say in which order f takes them, so they go in one order, by name: ∂²f/∂x∂y and
 *  ∂²f/∂y∂x must differentiate the same f(x, y), or Schwarz's theorem would be refuted. */
export function applyBareFunction(p: ParserApi, body: MathNode, vars: MathNode[]): MathNode {
  if (!isSymbol(body) || !isFunctionName(p, body.name)) return body;
  const distinct: MathNode[] = [];
  for (const v of vars) if (!distinct.some((d) => d.equals(v))) distinct.push(v);
  const key = (v: MathNode): string => v.toString();
  distinct.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return fn('call', [body, ...distinct]);
}

/** `\partial_x f(x, y)`, `\partial_x f`: `\frac{\partial}{\partial x}` of what follows (a bare function
 *  name applied to x, as in `\frac{\partial f}{\partial x}`). Declines a `\partial` without a subscript. */
const indexLetters = new Set(['i', 'j', 'k', 'l', 'm', 'n']);

export const partialSubscript: CommandSpec = {
  names: ['partial'],
  parse: (p, t) => {
    if (!isChar(p.at(p.sigIndex(p.pos) + 1), '_')) return undefined;
    // `\partial_x^2 f`, `\partial_x \partial_y f`: one derivative per variable, read together so that a bare
    // f is applied to every variable (f(x, y)), not to the last alone.
    const vars: MathNode[] = [];
    while (isCmd(p.peek(), 'partial') && isChar(p.at(p.sigIndex(p.pos) + 1), '_')) {
      const at = p.next();
      p.next();
      const open = isChar(p.peek(), '{') ? p.next() : undefined;
      const v = readVariable(p);
      if (open) p.expectChar('}', open);
      // `\partial_i f` (d2l) means the i-th slot, ∂f/∂x_i: reading i as the variable would differentiate f(i).
      if (isSymbol(v) && indexLetters.has(v.name))
        fail(
          `\\partial_${v.name} names an argument slot by its index, which is not read`,
          at.offset,
          'unsupported',
        );
      const k = partialPower(p, at);
      for (let r = 0; r < k; r++) vars.push(v);
    }
    if (!p.startsFactor(p.peek())) fail(`nothing to differentiate after \\partial_…`, t.offset);
    let body = applyBareFunction(p, p.parseImplicit(false), vars);
    for (let r = vars.length - 1; r >= 0; r--) body = fn('deriv', [vars[r] as MathNode, body]);
    return body;
  },
};

/** The power of `\partial_x^2`: a whole number 1 to 4, or 1 when there is none. */
function partialPower(p: ParserApi, at: Token): number {
  if (!isChar(p.peek(), '^')) return 1;
  p.next();
  if (p.peek().kind === 'num') p.splitNumber(p.pos);
  const k = p.parseArgument('^');
  const n = isConstant(k) ? Number(k.value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 4)
    fail(`\\partial_x^k is read only for k = 1 to 4`, at.offset, 'unsupported');
  return n;
}

/** `\dot{x}(t)`, `\ddot{x}(t)`: Newton's notation, the first or second derivative of the function x at t.
 *  Without a call (`\dot{x}` alone) it declines, and the accent names a symbol of its own. */
export const newtonDots: CommandSpec = {
  names: ['dot', 'ddot'],
  parse: (p, t) => {
    const start = p.pos;
    p.next();
    const open = isChar(p.peek(), '{') ? p.next() : undefined;
    const base = p.peek();
    if (base.kind !== 'letter' || (open && !isChar(p.at(p.sigIndex(p.pos) + 1), '}'))) {
      p.pos = start;
      return undefined;
    }
    p.next();
    if (open) p.expectChar('}', open);
    if (!isCallOpen(p) || !isFunctionName(p, base.value)) {
      p.pos = start;
      return undefined;
    }
    const args = parseCallArgs(p);
    if (args.length !== 1) fail(`\\${t.value}{${base.value}} of several arguments`, t.offset, 'unsupported');
    return fn('derivFn', [sym(base.value), num(t.value === 'dot' ? 1 : 2), ...args]);
  },
};
