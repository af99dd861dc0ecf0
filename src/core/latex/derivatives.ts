// Fractions and derivatives: `\\frac`, Leibniz notation `\\frac{d}{dx}`, `\\frac{\\partial^2 f}{\\partial x^2}`, orders.
import { fail, unexpected } from './errors';
import { skipArgument } from './macros';
import { accents, fonts, greek } from './names';
import { binary, fn, isConstant, isSymbol, num, type MathNode } from './nodes';
import { isChar, isCmd, type Token } from './tokens';
import { CommandParser } from './commandForms';

export abstract class DerivativeParser extends CommandParser {
  /** Index after a `d`, `\mathrm{d}` or `\partial` marker at token `i`, or -1. */
  protected markerAt(i: number): number {
    const k = this.sigIndex(i);
    const t = this.toks[k];
    if (isCmd(t, 'partial')) return k + 1;
    if (t?.kind === 'letter' && t.value === 'd' && this.ctx.kindOf('d') === undefined) return k + 1;
    if (
      t?.kind === 'cmd' &&
      ['mathrm', 'operatorname', 'text', 'mathit'].includes(t.value) &&
      isChar(this.toks[k + 1], '{') &&
      isChar(this.toks[k + 2], 'd') &&
      isChar(this.toks[k + 3], '}')
    )
      return k + 4;
    return -1;
  }

  protected isDerivativeAhead(): boolean {
    const i = this.sigIndex(this.pos);
    if (!isChar(this.toks[i], '{') || this.markerAt(i + 1) < 0) return false;
    const j = this.sigIndex(skipArgument(this.toks, i));
    if (!isChar(this.toks[j], '{')) return false;
    const m = this.markerAt(j + 1);
    if (m < 0) return false;
    const v = this.at(m);
    return (
      v.kind === 'letter' ||
      (v.kind === 'cmd' && (!!greek[v.value] || !!accents[v.value] || !!fonts[v.value])) ||
      isChar(v, '{')
    );
  }

  protected parseOrder(owner: Token): number {
    if (!isChar(this.peek(), '^')) return 1;
    this.next();
    const o = this.parseArgument('^');
    const k = isConstant(o) ? Number(o.value) : NaN;
    if (!Number.isInteger(k) || k < 1 || k > 4)
      fail(
        `derivative order at column ${owner.offset + 1} must be a small whole number`,
        owner.offset,
        'unsupported',
      );
    return k;
  }

  protected parseFrac(t: Token): MathNode {
    this.next();
    if (this.isDerivativeAhead()) return this.parseDerivative(t);
    const a = this.parseArgument(`\\${t.value}`);
    const b = this.parseArgument(`\\${t.value}`);
    return binary('divide', a, b);
  }

  /** `\frac{d}{dx} f`, `\frac{df}{dx}`, `\frac{\partial^2 f}{\partial x \partial y}`. */
  protected parseDerivative(t: Token): MathNode {
    const open = this.next();
    const partial = isCmd(this.at(this.pos), 'partial');
    this.pos = this.markerAt(this.pos);
    const order = this.parseOrder(t);
    let body: MathNode | undefined;
    if (!isChar(this.peek(), '}')) body = this.parseAdditive();
    this.expectChar('}', open);
    const open2 = this.expectChar('{');
    const vars: MathNode[] = [];
    while (!isChar(this.peek(), '}')) {
      const m = this.markerAt(this.pos);
      if (m < 0) unexpected(this.peek(), 'expected d or \\partial in the denominator of a derivative');
      this.pos = m;
      const v = this.readVariable();
      const k = this.parseOrder(t);
      for (let r = 0; r < k; r++) vars.push(v);
    }
    this.expectChar('}', open2);
    if (vars.length !== order)
      fail(
        `derivative at column ${t.offset + 1}: order ${order} above, ${vars.length} below`,
        t.offset,
        'unsupported',
      );
    if (!body) {
      if (!this.startsFactor(this.peek()))
        fail(`nothing to differentiate after the derivative at column ${t.offset + 1}`, t.offset);
      // The operand of d/dx runs over the whole product that follows: d/dx sin x cos x is (sin x cos x)'.
      body = this.parseImplicit(false);
    }
    const evaluatedAt = this.isCallOpen();
    if (
      !partial &&
      isSymbol(body) &&
      this.isFunctionName(body.name) &&
      new Set(vars.map((v) => v.toString())).size === 1
    ) {
      // `\frac{df}{dx}`, `\frac{d^2 f}{dx^2}(x_0)`: the derivative of a one-variable function, at the
      // point in parentheses if one follows (not a product with it).
      if (!evaluatedAt) return fn('derivFn', [body, num(order), vars[0] as MathNode]);
      const args = this.parseCallArgs();
      return fn('derivFn', [body, num(order), ...args]);
    }
    if (evaluatedAt && isSymbol(body) && this.isFunctionName(body.name))
      fail(
        `a partial derivative evaluated at a point, at column ${t.offset + 1}, is not supported`,
        t.offset,
        'unsupported',
      );
    body = this.applyBareFunction(body, vars);
    for (let r = vars.length - 1; r >= 0; r--) body = fn('deriv', [vars[r] as MathNode, body]);
    return body;
  }

  /** `\frac{\partial f}{\partial x}` with f a function symbol means f applied to x. */
  protected applyBareFunction(body: MathNode, vars: MathNode[]): MathNode {
    if (!isSymbol(body) || !this.isFunctionName(body.name)) return body;
    const distinct: MathNode[] = [];
    for (const v of vars) if (!distinct.some((d) => d.equals(v))) distinct.push(v);
    return fn('call', [body, ...distinct]);
  }
}
