// The thresholds of an event: in `P(X \le x)`, `P(X \in [x, x + ε])`, `P(a < X)` the indicator of the event
// jumps where the random variable crosses a quantity that is not random. Passed to the expectation as panel
// ends, they let the adaptive rule integrate smooth pieces: a Gauss rule, or a scan on a grid, can miss an
// interval narrower than the gaps between its points, and P(X ∈ [x, x + ε]) came out 0 for small ε.
import type { AnyNode, CompilerApi, Scope } from '../verify/compilerApi';
import type { Evaluator } from '../verify/env';

/** A random symbol and a threshold it is compared with. */
export interface Cut {
  variable: string;
  at: Evaluator;
}

const comparisons = new Set(['smaller', 'smallerEq', 'larger', 'largerEq', 'equal', 'unequal']);

/** The cuts of an event already compiled (so its random symbols are known to the model). */
export function eventCuts(c: CompilerApi, event: AnyNode, scope: Scope): Cut[] {
  const out: Cut[] = [];
  event.traverse((m) => {
    const n = m as AnyNode;
    if (n.type !== 'OperatorNode' || !comparisons.has(n.fn as string)) return;
    const [l, r] = n.args as [AnyNode, AnyNode];
    for (const [side, other] of [
      [l, r],
      [r, l],
    ] as const) {
      if (side.type !== 'SymbolNode' || !c.random.symbols.has(side.name as string)) continue;
      const names = new Set<string>();
      c.trackers.push(names);
      let at: Evaluator;
      try {
        at = c.node(other, scope);
      } catch {
        continue;
      } finally {
        c.trackers.pop();
      }
      if ([...names].some((x) => c.random.symbols.has(x))) continue;
      out.push({ variable: side.name as string, at });
    }
  });
  return out;
}
