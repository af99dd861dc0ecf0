/**
 * The registry of the compiler (compile.ts): how each mathjs node type and each function of the parser's
 * vocabulary (latex/vocabulary.ts) becomes a closure evaluated per sample.
 *
 * HOW TO ADD A FUNCTION (say `integral`, emitted by a parser handler as fn('integral', [x, lo, hi, body])):
 *   - A function of values (its arguments evaluated first, like `sin` or `det`): add it to `builtins`
 *     in functions.ts. Nothing here.
 *   - A function that needs its raw arguments (binds a variable, differentiates, evaluates lazily):
 *     1. Create `verify/integral.ts` holding
 *          export const integral: FunctionSpec = {
 *            names: ['integral'],
 *            compile: (c, args, scope) => { … return (env) => …; },
 *          };
 *        `c` is the CompilerApi (compilerApi.ts): `c.node(arg, scope)` compiles an argument,
 *        `c.fresh()` gives a slot for a bound variable (pass `new Map(scope).set(name, slot)` to the body),
 *        `c.boundName(node, what)` reads a variable name; throw EvalUnsupported for what cannot be evaluated
 *        and call `tick(env)` (env.ts) in every loop so the work budget holds.
 *     2. Add `integral,` to `functionSpecs` below.
 *   Every name of the vocabulary must be a builtin or registered here (a unit test checks it).
 */
import { builtins } from './functions';
import { EvalUnsupported } from './value';
import { conditional, constant, operator, relational } from './arithmetic';
import { apply, calls } from './calls';
import { piecewiseFunction } from './cases';
import type { AnyNode, FunctionHandler, NodeHandler } from './compilerApi';
import { derivatives } from './differentiation';
import type { Evaluator } from './env';
import { accessor, array, entries } from './indexing';
import { bigOperators } from './sums';
import { patternSpecs } from './patterns';
import { indexExtentSpec } from './indexExtent';
import { partialAtSpec } from './partialAt';
import { evalAtSpec } from './evalAt';
import { antiderivativeSpec, integralSpec, limitSpec } from './calculus';
import { seriesSpec } from './series';
import { probabilityFunctions } from '../probability/operators';
import { pairedFunctions } from '../probability/paired';

export interface FunctionSpec {
  /** Vocabulary names this handler compiles. */
  names: readonly string[];
  compile: FunctionHandler;
}

export const functionSpecs: readonly FunctionSpec[] = [
  bigOperators,
  ...patternSpecs,
  indexExtentSpec,
  partialAtSpec,
  evalAtSpec,
  piecewiseFunction,
  ...derivatives,
  calls,
  entries,
  integralSpec,
  antiderivativeSpec,
  limitSpec,
  seriesSpec,
  probabilityFunctions,
  pairedFunctions,
];

const functionHandlers = new Map<string, FunctionHandler>();
for (const spec of functionSpecs)
  for (const name of spec.names) {
    if (functionHandlers.has(name)) throw new Error(`function ${name} registered twice`);
    functionHandlers.set(name, spec.compile);
  }

/** Names the evaluator takes from its raw (unevaluated) arguments. */
export const rawFunctions: ReadonlySet<string> = new Set(functionHandlers.keys());

/** A function application: a registered function, a builtin, or a declared function expanded inline. */
const functionNode: NodeHandler = (c, n, scope): Evaluator => {
  const fnNode = n.fn as AnyNode;
  const name = fnNode.type === 'SymbolNode' ? (fnNode.name as string) : '';
  const args = n.args as AnyNode[];
  const handler = functionHandlers.get(name);
  if (handler) return handler(c, args, scope, name);
  const impl = builtins[name];
  if (impl) {
    const ev = args.map((a) => c.node(a, scope));
    if (ev.length === 1) {
      const only = ev[0] as Evaluator;
      return (env) => impl([only(env)]);
    }
    return (env) => impl(ev.map((e) => e(env)));
  }
  if (name && c.table.lookup(name)?.kind === 'function') return apply(c, name, args, scope);
  if (name) throw new EvalUnsupported(`unknown function ${name}`, 'undeclared-function', name);
  throw new EvalUnsupported('cannot evaluate the application of an expression as a function');
};

/** Each mathjs node type the compiler reads. */
export const nodeHandlers: Readonly<Record<string, NodeHandler>> = {
  ConstantNode: constant,
  SymbolNode: (c, n, scope) => c.symbol(n.name as string, scope),
  ParenthesisNode: (c, n, scope) => c.node(n.content as AnyNode, scope),
  OperatorNode: operator,
  FunctionNode: functionNode,
  ArrayNode: (c, n, scope) => array(c, n.items as AnyNode[], scope),
  AccessorNode: accessor,
  RelationalNode: relational,
  ConditionalNode: conditional,
};
