// Verdicts of steps about random variables: when a failure on a test distribution refutes nothing, how
// the method is recorded, and how an expectation's own error widens a sample's tolerance.
import type { RandomModel } from '../probability/model';
import type { Method } from '../probability/expect';
import type { Tolerance } from './compare';
import type { Why } from './reasons';
import type { SamplingPlan } from './sample';
import type { StepVerdict } from './step';

/**
 * A step about random variables with no stated law fails on a test distribution. That refutes an identity
 * meant for every distribution, but not a statement about a particular one: a side naming no random
 * variable (`P(D = 1 \mid H = 1) = 0.13`), or an undeclared symbol that may name a property of the
 * distribution (`μ_X` for its mean). Those are unverifiable with the reason.
 */
export function particularDistribution(
  random: RandomModel,
  plan: SamplingPlan,
  left: Set<string>,
  right: Set<string>,
): Why | undefined {
  const isRandom = (n: string): boolean => random.symbols.has(n);
  if (![...left].some(isRandom) || ![...right].some(isRandom)) return { why: 'particular-distribution' };
  // `a` in `P(A = a)` is a value the variable takes, tested at every sample: not a property of the law.
  const free = plan.symbols.find(
    (p) => p.assumed !== undefined && p.role === 'value' && !random.pointNames.has(p.name),
  );
  if (free) return { why: 'particular-distribution', free: free.name };
  return undefined;
}

export function withMethod(verdict: StepVerdict, method: Method): StepVerdict {
  return { ...verdict, method };
}

/** Every judged step names how its sides were computed: `sampling` when no random variable took part. */
export function judgedBy(verdict: StepVerdict): StepVerdict {
  return verdict.status === 'unverifiable' || verdict.method ? verdict : { ...verdict, method: 'sampling' };
}

/** The tolerance of a sample whose sides carry expectation errors: four estimated errors (six standard
 *  errors for Monte Carlo) on top of the usual tolerance, so an estimate is refuted only beyond its error. */
export function widened(tol: Tolerance, random: { error: number; method: Method }): Tolerance {
  if (random.error === 0) return tol;
  const k = random.method === 'monte-carlo' ? 6 : 4;
  return { ...tol, absTol: tol.absTol + k * random.error };
}
