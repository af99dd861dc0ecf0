// Entropy and mutual information of random variables, as information theory writes them: `H(X)`,
// `H(X, Y)`, `H(Y \mid X)`, `I(X, Y)` (also `I(X; Y)`, `I(X; Y \mid Z)`), with H and I undeclared and every
// argument a capital (a random variable by the convention of probability texts). Conditional entropy and
// mutual information become sums of joint entropies (H(Y | X) = H(X, Y) − H(X)), so the verifier has one
// operator, entropy(X, …) of a finite joint law (probability/model.ts). `D_{\mathrm{KL}}(P \| Q)` of two
// capitals is the divergence between their laws, kl(P, Q). Anything else, `H(x)` of a number, `I(X)`
// (self-information) or a divergence of densities, is left to the ordinary reading.
import { binary, fn, paren, sym, type MathNode } from '../nodes';
import { isChar, isCmd } from '../tokens';
import type { ParserApi } from './registry';

type Named = MathNode & { type: string; name?: string };

const isVariable = (n: MathNode): boolean => {
  const s = n as Named;
  return s.type === 'SymbolNode' && /^[A-Z](_[A-Za-z0-9]+)?$/.test(s.name ?? '') && s.name !== 'I';
};

function list(p: ParserApi): MathNode[] {
  const out = [p.parseAdditive()];
  while (isChar(p.peek(), ',') || isChar(p.peek(), ';')) {
    p.next();
    out.push(p.parseAdditive());
  }
  return out;
}

const entropy = (vars: MathNode[]): MathNode => fn('entropy', vars);
const add = (a: MathNode, b: MathNode): MathNode => binary('add', a, b);
const sub = (a: MathNode, b: MathNode): MathNode => binary('subtract', a, b);

/** `H(…)` or `I(…)` at the cursor as entropies, or undefined with the cursor unmoved. */
export function informationOperator(p: ParserApi): MathNode | undefined {
  const t = p.peek();
  if (t.kind !== 'letter' || (t.value !== 'H' && t.value !== 'I') || p.ctx.kindOf(t.value) !== undefined)
    return undefined;
  if (!isChar(p.at(p.pos + 1), '(')) return undefined;
  const start = p.pos;
  let args: MathNode[];
  let given: MathNode[] = [];
  try {
    p.pos += 2;
    args = list(p);
    if (isCmd(p.peek(), 'mid')) {
      p.next();
      given = list(p);
    }
    if (!isChar(p.peek(), ')')) throw new Error('not an entropy');
    p.next();
  } catch {
    p.pos = start;
    return undefined;
  }
  if (![...args, ...given].every(isVariable)) {
    p.pos = start;
    return undefined;
  }
  if (t.value === 'H')
    return given.length ? paren(sub(entropy([...args, ...given]), entropy(given))) : entropy(args);
  // I(X; Y | Z) = H(X, Z) + H(Y, Z) − H(X, Y, Z) − H(Z); without Z, H(X) + H(Y) − H(X, Y).
  if (args.length !== 2) {
    p.pos = start;
    return undefined;
  }
  const [x, y] = args as [MathNode, MathNode];
  const joint = add(entropy([x, ...given]), entropy([y, ...given]));
  const minus = sub(joint, entropy([x, y, ...given]));
  return paren(given.length ? sub(minus, entropy(given)) : minus);
}

/** Whether the subscript tokens spell KL (`_{\mathrm{KL}}`, `_{\textrm{KL}}`, `_{KL}`). */
const spellsKL = (tokens: readonly { kind: string; value: string }[]): boolean =>
  tokens
    .filter((u) => u.kind === 'letter')
    .map((u) => u.value)
    .join('') === 'KL';

/** `D_{\mathrm{KL}}(P \| Q)` at the cursor, P and Q capitals, as kl(P, Q); else undefined, cursor unmoved. */
export function divergenceOperator(p: ParserApi): MathNode | undefined {
  const t = p.peek();
  if (t.kind !== 'letter' || t.value !== 'D' || p.ctx.kindOf('D') !== undefined) return undefined;
  const start = p.pos;
  const undo = (): undefined => {
    p.pos = start;
    return undefined;
  };
  p.next();
  if (!isChar(p.peek(), '_')) return undo();
  p.next();
  const { inner, end } = p.argumentTokens();
  if (!spellsKL(inner)) return undo();
  p.pos = end;
  if (!isChar(p.peek(), '(')) return undo();
  p.next();
  const first = p.next();
  const bar = p.next();
  let second = p.next();
  // `\|` is one token; `||` two.
  if (isChar(bar, '|') && isChar(second, '|')) second = p.next();
  else if (!isCmd(bar, '|')) return undo();
  if (!isChar(p.next(), ')')) return undo();
  const law = (u: typeof t): boolean => u.kind === 'letter' && /^[A-Z]$/.test(u.value) && u.value !== 'I';
  if (!law(first) || !law(second)) return undo();
  return fn('kl', [sym(first.value), sym(second.value)]);
}
