// A function defined in display math (`\sigma(x) = \frac{1}{1+e^{-x}}`): students define a function and
// then claim things about it (`\sigma'(x) = \sigma(x)(1-\sigma(x))`). The definition itself cannot be
// checked, but the steps after it can, once the name means that function, exactly as if the student had
// written it in a `<!-- let -->` comment.
import type { MathNode } from 'mathjs';
import { symbolNames } from '../latex/nodes';
import type { Claim, Declaration } from '../latex/types';
import { constants, identityName } from '../symbols/defaults';
import type { SymbolTable } from '../symbols/table';
import { lawsWithDensity } from '../probability/laws';

type Node = MathNode & { type: string; name?: string; args?: MathNode[]; fn?: MathNode; content?: MathNode };

/** The parameter name of `x` or `(x)`, if the argument is a plain symbol. */
function plainSymbol(a: MathNode | undefined): string | undefined {
  const x = a as Node | undefined;
  if (x?.type === 'ParenthesisNode') return plainSymbol(x.content);
  return x?.type === 'SymbolNode' ? x.name : undefined;
}

/**
 * The function a claim defines, if its first step is `name(params) = body` with plain, distinct symbols as
 * parameters, `name` absent from `body`, and `name` either unknown to `table` or itself defined in display
 * math before (`redefinable`): calculus texts redefine `f` often, and a redefinition replaces the old one.
 * A name declared by the student (`<!-- let -->`, the prose) keeps the step a claim about it.
 */
export function functionDefinition(
  claim: Claim,
  table: SymbolTable,
  redefinable: ReadonlySet<string>,
): Extract<Declaration, { kind: 'function' }> | undefined {
  if (!claim.ok) return undefined;
  const step = claim.steps[0];
  if (!step || step.relation !== '=') return undefined;
  const lhs = step.lhs.node as Node;
  if (lhs.type !== 'FunctionNode' || (lhs.fn as Node | undefined)?.name !== 'call') return undefined;
  const [head, ...args] = lhs.args ?? [];
  const name = (head as Node | undefined)?.type === 'SymbolNode' ? (head as Node).name : undefined;
  if (name === undefined || args.length === 0) return undefined;
  const params = args.map(plainSymbol);
  if (params.some((p) => p === undefined || p === name)) return undefined;
  const names = params as string[];
  if (new Set(names).size !== names.length) return undefined;
  if (constants.has(name) || name === identityName) return undefined;
  if (table.lookup(name) !== undefined && !redefinable.has(name)) return undefined;
  // `p_X(x) = …` after `X \sim \mathcal{N}(μ, σ²)`: a claim about X's density, which the law gives.
  const density = /^[pfF]_(?:\{([A-Z])\}|([A-Z]))$/.exec(name);
  const law = density ? table.lawOf((density[1] ?? density[2]) as string) : undefined;
  if (law && lawsWithDensity.has(law.name)) return undefined;
  if (usesName(step.rhs.node, name)) return undefined;
  return { kind: 'function', name, params: names, body: step.rhs.node, offset: step.lhs.offset };
}

/** Does `body` use `name`, other than as the letter of a family (`f_i(x)` in `f(x) = \frac{1}{n} \sum_i
 *  f_i(x)` is a function of its own for each i, not f)? */
function usesName(body: MathNode, name: string): boolean {
  const walk = (n: Node): boolean => {
    if (n.type === 'SymbolNode') return n.name === name;
    const head = n.type === 'FunctionNode' ? (n.fn as Node | undefined)?.name : undefined;
    const [first, ...rest] = n.args ?? [];
    const member = first as Node | undefined;
    if ((head === 'call' || head === 'derivFn') && (member?.fn as Node | undefined)?.name === 'entry')
      return [...(member?.args ?? []).slice(1), ...rest].some((a) => walk(a as Node));
    let found = false;
    n.forEach((child) => (found ||= walk(child as Node)));
    return found;
  };
  return walk(body as Node);
}

/** The first name of `names` that `nodes` use as a function of `table`, if any. */
export function usedFunction(
  nodes: readonly MathNode[],
  names: ReadonlySet<string>,
  table: SymbolTable,
): string | undefined {
  for (const node of nodes)
    for (const n of symbolNames(node)) if (names.has(n) && table.lookup(n)?.kind === 'function') return n;
  return undefined;
}
