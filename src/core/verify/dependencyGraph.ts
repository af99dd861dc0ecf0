// Chains of declared functions written as a dependency graph, as textbooks set up the chain rule:
// `f(u, v) = …`, `u(a, b) = …`, `a(w, x, y, z) = …`. There a bare name means the value of its node
// (`u` is u(a, b)), and `∂f/∂u` is the derivative of f's value with u's node cut loose: u becomes a
// variable set to its own value, and everything computed from it follows. Only declared functions whose
// parameters name other declared functions (or are named by one) form a graph, so a lone `f(x) = …`
// written bare keeps its "apply it to an argument" error.
import type { MathNode } from 'mathjs';
import type { SymbolTable } from '../symbols/table';
import { apply } from './calls';
import type { AnyNode, CompilerApi, Scope } from './compilerApi';
import type { Evaluator } from './env';

function paramsOf(table: SymbolTable, name: string): string[] | undefined {
  const e = table.lookup(name);
  return e?.kind === 'function' ? e.params : undefined;
}

/** Whether `name` is a declared function linked to another by a parameter name (a graph node). */
export function isGraphNode(table: SymbolTable, name: string): boolean {
  const own = paramsOf(table, name);
  if (!own || own.length === 0) return false;
  if (own.some((p) => p !== name && paramsOf(table, p) !== undefined)) return true;
  return table.names().some((other) => other !== name && (paramsOf(table, other) ?? []).includes(name));
}

/**
 * Whether a step is about a graph: it differentiates a bare graph node (`∂f/∂w`) or in one (`∂f/∂u`).
 * Only then does a bare node name elsewhere in the step mean its value; a later `a` used as a constant
 * (`\frac{d}{dx}(x a x)`) keeps its ordinary reading.
 */
export function mentionsGraphDerivative(nodes: MathNode[], table: SymbolTable): boolean {
  const graphName = (n: AnyNode | undefined): boolean =>
    n?.type === 'SymbolNode' && isGraphNode(table, n.name as string);
  return nodes.some(
    (root) =>
      root.filter((n) => {
        const a = n as AnyNode;
        if (a.type !== 'FunctionNode' || (a.fn as AnyNode).name !== 'deriv') return false;
        const [v, body] = a.args as AnyNode[];
        if (graphName(v)) return true;
        return (
          body?.type === 'FunctionNode' &&
          (body.fn as AnyNode).name === 'call' &&
          graphName((body.args as AnyNode[])[0])
        );
      }).length > 0,
  );
}

function symbolNode(name: string): AnyNode {
  return { type: 'SymbolNode', name } as unknown as AnyNode;
}

/** The value of graph node `name`: its function applied to its own parameters, each resolved in turn. */
export function nodeValue(c: CompilerApi, name: string, scope: Scope): Evaluator {
  const params = paramsOf(c.table, name) ?? [];
  return apply(
    c,
    name,
    params.map((p) => symbolNode(p)),
    scope,
  );
}

/**
 * The body of `∂f/∂x` when f is a declared function written bare: f applied to its own parameters when
 * every variable is one of them (the derivative by argument slot, `∂f/∂u` of `f(u, v)`), f's node value
 * when f is a graph node; otherwise undefined (the ordinary reading stands).
 */
export function bareDerivativeBody(c: CompilerApi, body: AnyNode): AnyNode | undefined {
  if (body.type !== 'FunctionNode' || (body.fn as AnyNode).name !== 'call') return undefined;
  const [fNode, ...vars] = body.args as AnyNode[];
  if (fNode?.type !== 'SymbolNode') return undefined;
  const f = fNode.name as string;
  const params = paramsOf(c.table, f);
  if (!params || params.length === vars.length) return undefined;
  if (!vars.every((v) => v.type === 'SymbolNode')) return undefined;
  if (vars.every((v) => params.includes(v.name as string)))
    return {
      type: 'FunctionNode',
      fn: body.fn,
      args: [fNode, ...params.map((p) => symbolNode(p))],
    } as unknown as AnyNode;
  return isGraphNode(c.table, f) ? fNode : undefined;
}
