// `\\nabla_\\theta L(\\theta)` → grad(θ, …).
import { readVariable } from '../atoms';
import { fail } from '../errors';
import { fn, isFunctionNamed, isSymbol, type MathNode } from '../nodes';
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
  if (isChar(p.peek(), '^'))
    fail('\\nabla^2 (Hessian or Laplacian) is not supported', t.offset, 'unsupported');
  let v: MathNode | undefined;
  if (isChar(p.peek(), '_')) {
    p.next();
    v = readVariable(p);
  }
  if (!p.startsFactor(p.peek())) fail(`\\nabla has nothing to differentiate`, t.offset);
  let body = p.parseImplicit(false);
  if (!v) {
    const args = isFunctionNamed(body, 'call') ? body.args.slice(1) : [];
    // `\nabla f(x, y)`, `\nabla f(A x)`: the gradient of f in its arguments, at the point written.
    if (
      isFunctionNamed(body, 'call') &&
      args.length > 0 &&
      (args.length > 1 || !isSymbol(args[0] as MathNode))
    )
      return fn('gradAt', body.args);
    if (args.length !== 1 || !isSymbol(args[0] as MathNode))
      fail(`\\nabla needs a subscript, \\nabla_x,`, t.offset, 'unsupported');
    v = args[0] as MathNode;
  }
  body = applyBareFunction(p, body, [v]);
  return fn('grad', [v, body]);
}
