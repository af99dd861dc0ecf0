// Likelihoods: `P(X \mid \theta) = \theta^{n_H}(1-\theta)^{n_T}` with θ a parameter, not a random event. The
// text defines the probability of the data X as a function of θ (and of its other free symbols), as it would
// define `L(\theta) = …`: the step is reported as that definition, and the steps after it that write
// `P(X \mid \theta)` (`\frac{d}{d\theta} P(X \mid \theta) = …`) are checked against it. A later
// `P(X \mid \theta) = \theta^9(1-\theta)^4` after the prose set `$n_H = 9$`, `$n_T = 4$` restates it and is
// a claim; one that drops symbols nothing set defines the likelihood anew, as a redefined function would.
import type { MathNode } from 'mathjs';
import { boldChar } from '../latex/names';
import { sym, symbolNames } from '../latex/nodes';
import type { Claim, Declaration } from '../latex/types';
import type { SymbolTable } from '../symbols/table';
import type { AnyNode, CompilerApi, Scope } from '../verify/compilerApi';
import type { Evaluator } from '../verify/env';
import type { Why } from '../verify/reasons';
import { call } from '../verify/calls';
import { probabilityOperators } from './operators';
import { conventionallyRandom } from './model';

type Node = MathNode & { type: string; name?: string; fn?: Node; args?: Node[]; content?: Node };
type FunctionDeclaration = Extract<Declaration, { kind: 'function' }>;

/** The table name of the likelihood of the event written `event` (`X`, `X = 1`). */
function nameOf(event: MathNode): string {
  return `P(${event.toString()} | ·)`;
}

function unwrap(node: MathNode | undefined): Node | undefined {
  const n = node as Node | undefined;
  return n?.type === 'ParenthesisNode' ? unwrap(n.content) : n;
}

/** `[event, parameter]` of `condProb(event, θ)` with θ a plain symbol. */
function conditional(node: MathNode): [Node, string] | undefined {
  const n = unwrap(node);
  if (n?.type !== 'FunctionNode' || n.fn?.name !== 'condProb') return undefined;
  const [event, given] = (n.args ?? []).map(unwrap);
  return event && given?.type === 'SymbolNode' && given.name ? [event, given.name] : undefined;
}

/** Whether the table or the convention of probability texts makes `name` a random variable. */
function random(name: string, table: SymbolTable): boolean {
  return table.lawOf(name) !== undefined || (table.lookup(name) === undefined && conventionallyRandom(name));
}

/** Does the node apply a probability operator (𝔼, Var, P …)? */
function probabilistic(node: MathNode): boolean {
  let found = false;
  node.traverse((m) => {
    const n = m as Node;
    if (n.type === 'FunctionNode' && probabilityOperators.has(n.fn?.name ?? '')) found = true;
  });
  return found;
}

/**
 * The likelihood a claim's first step defines: `P(E \mid θ) = body` with E an event of random variables,
 * θ a symbol that is not one, and body a formula reading θ and nothing of E, with no probability in it.
 * Undefined when the step restates a likelihood defined before (`redefinable` holds the names display math
 * defined), with only symbols the text has since set to values left out: that step is a claim.
 */
export function likelihoodDefinition(
  claim: Claim,
  table: SymbolTable,
  redefinable: ReadonlySet<string>,
): FunctionDeclaration | undefined {
  if (!claim.ok) return undefined;
  const step = claim.steps[0];
  if (!step || step.relation !== '=') return undefined;
  const sides = conditional(step.lhs.node);
  if (!sides) return undefined;
  const [event, theta] = sides;
  if (random(theta, table) || table.lookup(theta)?.kind === 'definition') return undefined;
  const eventNames = [...symbolNames(event)];
  if (!eventNames.some((n) => random(n, table))) return undefined;
  const body = step.rhs.node;
  const read = symbolNames(body);
  if (!read.has(theta) || eventNames.some((n) => read.has(n)) || probabilistic(body)) return undefined;
  const name = nameOf(event);
  const before = table.lookup(name);
  if (before !== undefined && !redefinable.has(name)) return undefined;
  if (before?.kind === 'function' && restates(before, theta, read, table)) return undefined;
  return { kind: 'function', name, params: [theta], body, offset: step.lhs.offset };
}

/** A new body restates the old one when every symbol of the old one it leaves out has been set to a value
 *  (`n_H`, `n_T` after "which has $n_H = 9$ and $n_T = 4$") and it reads nothing the old one did not. */
function restates(
  old: { params: readonly string[]; body: MathNode },
  theta: string,
  read: ReadonlySet<string>,
  table: SymbolTable,
): boolean {
  const param = old.params[0];
  if (old.params.length !== 1 || param === undefined) return false;
  const oldRead = new Set([...symbolNames(old.body)].map((n) => (n === param ? theta : n)));
  if ([...read].some((n) => !oldRead.has(n))) return false;
  return [...oldRead].every((n) => read.has(n) || table.lookup(n)?.kind === 'definition');
}

/** Why a likelihood's defining step is not judged (reasons.ts words it). */
export function likelihoodWhy(d: FunctionDeclaration): Why | undefined {
  const m = /^P\((.*) \| ·\)$/.exec(d.name);
  return m ? { why: 'likelihood', event: m[1] as string, param: d.params[0] as string } : undefined;
}

/**
 * `P(E \mid θ)` where the text defined the likelihood of E: that function at θ. An undeclared bold θ
 * (`\boldsymbol{\theta}`, the parameters in general) given to a likelihood defined in plain θ (the one
 * parameter of the example) is that θ. Undefined when no likelihood of E is defined.
 */
export function likelihoodCall(c: CompilerApi, args: AnyNode[], scope: Scope): Evaluator | undefined {
  const [event, given] = args.map(unwrap);
  if (!event || given?.type !== 'SymbolNode' || !given.name) return undefined;
  const name = nameOf(event);
  const entry = c.table.lookup(name);
  if (entry?.kind !== 'function' || entry.params.length !== 1) return undefined;
  if (random(given.name, c.table) || c.random.symbols.has(given.name)) return undefined;
  const param = entry.params[0] as string;
  const plain = [...param].length === 1 && boldChar(param) === given.name && !c.table.lookup(given.name);
  const at = plain ? sym(param) : (given as MathNode);
  return call(c, [sym(name), at] as AnyNode[], scope);
}
