// Verdicts of steps about random variables: when a failure on a test distribution refutes nothing, how
// the method is recorded, and how an expectation's own error widens a sample's tolerance.
import type { MathNode } from 'mathjs';
import { probabilityOperators } from '../probability/operators';
import type { RandomModel } from '../probability/model';
import type { Method } from '../probability/expect';
import type { Tolerance } from './compare';
import type { Why } from './reasons';
import type { ReasonCode } from '../types';
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
  // So is `x` in `P(X \le x) = F_X(x)`, a point where a density or an event reads the law.
  const free = plan.symbols.find(
    (p) =>
      p.assumed !== undefined &&
      p.role === 'value' &&
      !random.pointNames.has(p.name) &&
      !(random.withDensity.variables.size && random.withDensity.densities.points.has(p.name)),
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

type Walked = MathNode & {
  type: string;
  name?: string;
  value?: unknown;
  fn?: { name?: string };
  args?: MathNode[];
};

/** `E_{x \\sim P}[…]` and `\\sum_x` with no bounds: their symbols are values of random variables and laws. */
function drawsValues(n: Walked): boolean {
  const head = n.fn?.name;
  if (head === 'expectFrom' || head === 'varianceFrom') return true;
  const extent = (n.args?.[2] as Walked | undefined)?.fn?.name;
  return head === 'sumOver' && extent === 'indexExtent';
}

/** What a step's entropies stand beside: anything that makes their base matter, or their variables bare. */
function informationTerms(nodes: readonly MathNode[]): { entropy: boolean; based: boolean; bare: boolean } {
  const vars = new Set<string>();
  const outside = new Set<string>();
  let entropy = false;
  let based = false;
  const walk = (m: MathNode, inside: boolean): void => {
    const n = m as Walked;
    const head = n.type === 'FunctionNode' ? n.fn?.name : undefined;
    if (head === 'entropy' || head === 'kl') {
      entropy = true;
      for (const a of n.args ?? []) if ((a as Walked).name) vars.add((a as Walked).name as string);
      return;
    }
    // Logarithms all in base 2 state the base: the entropies are then in bits (probability/pairing.ts).
    if (head && /^(log|ln|log10|exp)$/.test(head)) based = true;
    if (n.type === 'ConstantNode' && n.value !== 0) based = true;
    if (n.type === 'SymbolNode' && !inside && n.name) outside.add(n.name);
    const under = inside || (head !== undefined && (probabilityOperators.has(head) || drawsValues(n)));
    // A sum with no bounds has the placeholder lower bound 1, which is no number of the text.
    const walked = head === 'sumOver' && drawsValues(n) ? (n.args ?? []).slice(3) : (n.args ?? []);
    for (const a of walked) walk(a, under);
    const content = (n as { content?: MathNode }).content;
    if (content) walk(content, inside);
  };
  for (const node of nodes) walk(node, false);
  // A parameter beside an entropy (`H(X) \le c`) carries a base as much as a number does.
  for (const name of outside) if (!vars.has(name)) based = true;
  return { entropy, based, bare: [...vars].some((v) => outside.has(v)) };
}

/**
 * Judged steps about entropies and conditions the prose puts on random variables, read again:
 * - an entropy is computed in nats; beside a logarithm, a number or a parameter its base matters and the
 *   text has not said it (bits in information theory, nats in machine learning): not judged;
 * - `H(X) = X^2` uses X both as a random variable and as a number: not judged;
 * - "if X is a function of Y" in the prose before the block relates the variables in a way a random
 *   test distribution ignores: a failure there refutes nothing.
 */
export function informationGuard(
  verdict: StepVerdict,
  sides: readonly MathNode[],
  related: boolean,
): StepVerdict {
  if (verdict.status === 'unverifiable') return verdict;
  const unjudged = (reason: ReasonCode, message: string): StepVerdict => ({
    ...verdict,
    status: 'unverifiable',
    reason,
    message,
    counterexample: null,
    values: null,
  });
  const t = informationTerms(sides);
  if (t.entropy && t.based)
    return unjudged(
      'entropy-base',
      'an entropy beside a logarithm, a number or a parameter: its base (bits or nats) is not stated, so the step is not judged',
    );
  if (t.entropy && t.bare)
    return unjudged(
      'unsupported-notation',
      'a variable both inside an entropy and outside any expectation: H(X) is read as an entropy only among random variables',
    );
  if (verdict.status === 'refuted' && verdict.counterexample && 'ℙ' in verdict.counterexample && related)
    return unjudged(
      'particular-distribution',
      'it fails on a random test distribution, but the text relates the variables first ("if … is a function of …"), which Stepwise cannot declare',
    );
  return verdict;
}
