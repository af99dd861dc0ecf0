// `\\nabla_\\theta L(\\theta)` → grad(θ, …).
import { readVariable } from '../atoms';
import { fail } from '../errors';
import { fn, isConstant, isFunctionNamed, isSymbol, type MathNode } from '../nodes';
import { isChar, type Token } from '../tokens';
import { applyBareFunction } from './derivatives';
import type { CommandSpec, ParserApi } from './registry';

export const nabla: CommandSpec = {
  names: ['nabla'],
  startsFunction: true,
  parse: (p, t) => parseNabla(p, t),
};

/** `\nabla_\theta L(\theta)` → grad(θ, …). */
function parseNabla(p: ParserApi, t: Token): MathNode {
  p.next();
  let hessian = readSquare(p, t);
  let v: MathNode | undefined;
  if (isChar(p.peek(), '_')) {
    p.next();
    v = readVariable(p);
  }
  hessian = readSquare(p, t) || hessian;
  if (!p.startsFactor(p.peek())) fail(`\\nabla has nothing to differentiate`, t.offset);
  let body = p.parseImplicit(false);
  if (!v) {
    const args = isFunctionNamed(body, 'call') ? body.args.slice(1) : [];
    // `\nabla f(x, y)`, `\nabla f(A x)`: the gradient of f in its arguments, at the point written.
    if (
      isFunctionNamed(body, 'call') &&
      args.length > 0 &&
      (args.length > 1 || !isSymbol(args[0] as MathNode))
    ) {
      if (hessian) fail('\\nabla^2 at a point is not supported; write \\nabla_x^2', t.offset, 'unsupported');
      return fn('gradAt', body.args);
    }
    if (args.length !== 1 || !isSymbol(args[0] as MathNode))
      fail(`\\nabla needs a subscript, \\nabla_x,`, t.offset, 'unsupported');
    v = args[0] as MathNode;
  }
  body = applyBareFunction(p, body, [v]);
  // `\nabla^2 f`: the Hessian (issue 11), the Jacobian of the gradient; never the Laplacian.
  return hessian ? fn('grad', [v, fn('grad', [v, body])]) : fn('grad', [v, body]);
}

/** Reads a `^2` after `\nabla` (the Hessian); any other power is refused. */
function readSquare(p: ParserApi, t: Token): boolean {
  if (!isChar(p.peek(), '^')) return false;
  p.next();
  if (p.peek().kind === 'num') p.splitNumber(p.pos);
  const k = p.parseArgument('^');
  if (!isConstant(k) || Number(k.value) !== 2)
    fail('\\nabla with a power other than 2 is not supported', t.offset, 'unsupported');
  return true;
}
