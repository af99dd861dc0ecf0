// What every compiled evaluator shares: the per-step state (slots, work budget, deadline) and the tick
// that charges work against the budget.
import { BudgetExceeded, type Value } from './value';

/** Per-evaluation state: slot values and the work budget shared by all samples of a step. */
export interface Env {
  slots: Value[];
  work: number;
  budget: number;
  /** Date.now() after which work stops (a safety net behind the deterministic budget). */
  deadline: number;
  /** Which sample is being evaluated: unknown functions are drawn anew for each (see unknown.ts). */
  sample?: number;
}

export type Evaluator = (env: Env) => Value;

/** Charges `n` units of work; throws BudgetExceeded past the budget or the deadline. */
export function tick(env: Env, n = 1): void {
  env.work += n;
  if (env.work > env.budget) throw new BudgetExceeded('the work budget of the step ran out');
  if ((env.work & 1023) < n && Date.now() > env.deadline) throw new BudgetExceeded('the step took too long');
}
