// The probability operators of the evaluator's vocabulary, compiled against the step's random model:
// expect(g), variance(g), cov(a, b), prob(event), condProb(a, b), condExpect(g, h). Events are 0/1
// expressions: relations (`Z > 0`), `and`/`or`/`not` (∩, ∪, complement) and event symbols.
import type { MathNode } from 'mathjs';
import type { AnyNode, CompilerApi, Scope } from '../verify/compilerApi';
import type { Evaluator } from '../verify/env';
import type { FunctionSpec } from '../verify/registry';
import type { Cut } from './eventEnds';
import { binary } from '../latex/nodes';
import { EvalUnsupported } from '../verify/value';
import { likelihoodCall } from './likelihood';

/** The vocabulary names compiled here, with their arities. */
export const probabilityOperators: ReadonlyMap<string, number> = new Map([
  ['expect', 1],
  ['variance', 1],
  ['cov', 2],
  ['prob', 1],
  ['condProb', 2],
  ['condExpect', 2],
  // Any number of variables (0 stands for "one or more").
  ['entropy', 0],
  ['kl', 2],
]);

let sites = 0;

type Node = MathNode & { type: string; name?: string; fn?: string; args?: MathNode[]; content?: MathNode };

/** Symbols standing as events: the whole argument of P, or operands of ∩, ∪ and complements. */
function markEvents(node: MathNode, into: Set<string>): void {
  const n = node as Node;
  if (n.type === 'SymbolNode' && n.name) into.add(n.name);
  else if (n.type === 'ParenthesisNode' && n.content) markEvents(n.content, into);
  else if (n.type === 'OperatorNode' && (n.fn === 'and' || n.fn === 'or' || n.fn === 'not'))
    for (const a of n.args ?? []) markEvents(a, into);
}

/** Symbols in the sides of equalities inside an event (`A = a`): a constant among them is a value the
 *  random test distribution should sometimes take, or `P(A = a)` would be 0 at almost every sample. */
function markPoints(node: MathNode, into: Set<string>): void {
  (node as Node & { traverse(cb: (n: MathNode) => void): void }).traverse((m) => {
    const n = m as Node;
    if (n.type !== 'OperatorNode' || n.fn !== 'equal') return;
    for (const side of n.args ?? [])
      if ((side as Node).type === 'SymbolNode') into.add((side as Node).name as string);
  });
}

const comparisons = new Set(['smaller', 'smallerEq', 'larger', 'largerEq', 'equal', 'unequal']);

/** The differences whose zeros are the ends of an event: `a ≤ 2X` gives a − 2X, `X ∈ [a, b]` gives X − a and
 *  X − b. The model keeps those that vary with exactly one random symbol, and finds their zeros in it. */
function eventEnds(node: MathNode): MathNode[] {
  const out: MathNode[] = [];
  (node as Node & { traverse(cb: (n: MathNode) => void): void }).traverse((m) => {
    const n = m as Node;
    const [x, lo, hi] = n.args ?? [];
    if (n.type === 'OperatorNode' && comparisons.has(n.fn ?? '') && x && lo)
      out.push(binary('subtract', x, lo));
    else if (
      n.type === 'FunctionNode' &&
      (n as { fn: { name?: string } }).fn.name === 'within' &&
      x &&
      lo &&
      hi
    )
      out.push(binary('subtract', x, lo), binary('subtract', x, hi));
  });
  return out;
}

/** Compiles `name(args…)`; every operand is compiled under the model's depth, so undeclared capitals in
 *  it are random variables. */
function compileProbability(c: CompilerApi, args: AnyNode[], scope: Scope, name: string): Evaluator {
  const arity = probabilityOperators.get(name);
  if (arity === undefined || (arity > 0 ? args.length !== arity : args.length === 0))
    throw new EvalUnsupported(`${name} takes ${arity ?? 'no'} argument${arity === 1 ? '' : 's'}`);
  // `P(X \mid \theta)` where the text defined the likelihood of X: that function of θ (likelihood.ts).
  const likelihood = name === 'condProb' ? likelihoodCall(c, args, scope) : undefined;
  if (likelihood) return likelihood;
  const model = c.random;
  // The laws compared by D_KL are drawn over one small support, so that the divergence is mostly finite.
  if (name === 'kl') for (const a of args) markEvents(a, model.lawNames);
  if (name === 'prob' || name === 'condProb')
    for (const a of args) {
      markEvents(a, model.eventNames);
      markPoints(a, model.pointNames);
    }
  model.depth++;
  let parts: { evaluate: Evaluator; names: Set<string> }[];
  try {
    parts = args.map((a) => {
      const names = new Set<string>();
      c.trackers.push(names);
      try {
        return { evaluate: c.node(a, scope), names };
      } finally {
        c.trackers.pop();
      }
    });
  } finally {
    model.depth--;
  }
  const names = new Set(parts.flatMap((p) => [...p.names]));
  const cuts: Cut[] = [];
  if (name === 'prob' || name === 'condProb')
    for (const end of args.flatMap(eventEnds)) {
      const seen = new Set<string>();
      c.trackers.push(seen);
      model.depth++;
      try {
        const before = sites;
        const diff = c.node(end as AnyNode, scope);
        const random = [...seen].filter((n) => model.symbols.has(n));
        // Only an end that is a plain function of the symbol (no 𝔼 inside, as in μ_X − ασ_X): the model
        // finds the zeros before the test distribution its expectations would need exists.
        if (random.length === 1 && sites === before) {
          const cut = { name: random[0] as string, diff };
          cuts.push(cut);
          model.cuts.push(cut);
        }
      } finally {
        model.depth--;
        c.trackers.pop();
      }
    }
  // `P(x)` of a number and `P(X \mid \theta)` given a parameter are densities and likelihoods, not events.
  const random = (k: number): boolean => [...(parts[k]?.names ?? [])].some((n) => model.symbols.has(n));
  if ((name === 'prob' || name === 'condProb') && !random(0))
    throw new EvalUnsupported(
      'P(…) of something that is not an event of random variables (a density or a likelihood?) is not supported',
    );
  if (name === 'condProb' && !random(1))
    throw new EvalUnsupported(
      'P(… | θ) given something that is not a random event (a likelihood) is not supported',
    );
  if (name === 'entropy' || name === 'kl') {
    if (!parts.every((_, k) => random(k)))
      throw new EvalUnsupported('the entropy of something that is not a random variable is not supported');
    const evaluators = parts.map((p) => p.evaluate);
    return name === 'kl'
      ? model.divergence(evaluators[0] as Evaluator, evaluators[1] as Evaluator, names)
      : model.entropy(evaluators, names);
  }
  const [a, b] = parts.map((p) => p.evaluate) as [Evaluator, Evaluator];
  const site = { id: sites++, inputs: [...scope.values()] };
  switch (name) {
    case 'expect':
      return model.expect(a, names, site);
    case 'variance':
      return model.variance(a, names, site);
    case 'cov':
      return model.covariance(a, b, names, site);
    case 'prob':
      return model.probability(a, names, site, cuts);
    case 'condProb':
      return model.conditionalProbability(a, b, names, site, cuts);
    default:
      return model.conditionalExpectation(a, b, names);
  }
}

/** The registration of the operators with the compiler (verify/registry.ts). */
export const probabilityFunctions: FunctionSpec = {
  names: [...probabilityOperators.keys()],
  compile: compileProbability,
};
