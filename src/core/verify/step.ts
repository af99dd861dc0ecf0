// One step `lhs REL rhs`: compile both sides once, draw samples, judge each, and conclude.
import type { MathNode } from 'mathjs';
import { antiderivativeStep, loneUnknownFunction } from './calculusSteps';
import { constants, identityAssumption } from '../symbols/defaults';
import type { SymbolTable } from '../symbols/table';
import type { Relation } from '../latex';
import type { Assumption, ReasonCode, SampleValue, StepStatus, VerifyOptions } from '../types';
import { Compiler, type Env, type Evaluator } from './compile';
import { compareValues, isFiniteValue, type Tolerance } from './compare';
import { nudgesWouldMove, precisionLost, resetAbsorbed, sideErrors, wasAbsorbed } from './rounding';
import { formatValue, sidesApart, toSampleValue } from './format';
import { explain, explainHeld, reasonOf, subjectOf, type Held, type Why } from './reasons';
import { Rng } from '../numeric/random';
import {
  assumptions as assumedDomains,
  drawSample,
  landmarksOf,
  planSampling,
  type SamplingPlan,
} from './sample';
import { judgeApproximation, shrinking, type Shrinking } from './approximation';
import { BudgetExceeded, EvalUnsupported, InvalidSample, ShapeError, type Value } from './value';
import { methodRank, type Method } from '../probability/expect';
import { particularDistribution, widened, withMethod } from './randomVerdicts';
import { mentionsGraphDerivative } from './dependencyGraph';
import { readLoose } from './looseVectors';
import { definitionOf, loneUndeclared } from './claimOrDefinition';
import { densitiesOf } from '../probability/densities';
import { pairValues } from '../probability/pairing';
import type { ValueNames } from '../prose/valueNames';

/** What the verifier concludes about one step (the caller adds index and position). */
export interface StepVerdict {
  status: StepStatus;
  message: string;
  /** For every status but verified. */
  reason?: ReasonCode;
  subject?: string;
  samples: number;
  counterexample: Record<string, SampleValue> | null;
  values: { lhs: SampleValue; rhs: SampleValue } | null;
  assumptions: Assumption[];
  /** How the sides were computed (`sampling`: no random variable); absent when the step was not judged. */
  method?: Method;
}

export interface StepInput {
  relation: Relation;
  lhs: MathNode;
  rhs: MathNode;
  /** Relations the sample must satisfy (`x \ne 0`): samples violating one are redrawn, not judged. */
  conditions?: { relation: Relation; lhs: MathNode; rhs: MathNode }[];
  /** The conditions as people read them (`x ≠ 0`), for messages. */
  conditionText?: string;
  /** The step opens its chain: only there can `C = …` be a definition rather than a claim. */
  first?: boolean;
  /** The prose calls an `\\approx` a Taylor or first-order approximation: its variables are small. */
  smallVariables?: boolean;
  /** Names the prose gives the values of random variables and their probabilities (`x_i`, `p_i` of X). */
  valueNames?: readonly ValueNames[];
}

/** Comparing a condition exactly: `x \ne 0` must reject x = 0 itself, `x > 0` must reject 0. */
const exact: Tolerance = { relTol: 0, absTol: 0, approxTol: 1e-2 };

/** Work units (loop iterations, derivative evaluations) one step may spend over all its samples. */
export const stepBudget = 1_000_000;
/** Wall-clock safety net per step, behind the deterministic budget. */
export const stepTimeMs = 4000;
/** Tolerances are loosened to this for steps with numeric derivatives (five-point stencils). */
const derivativeTol = 1e-6;
const noShrinking: { small: Shrinking[]; kept: number } = { small: [], kept: NaN };

function isZeroLiteral(node: MathNode): boolean {
  const n = node as MathNode & { type: string; value?: unknown; content?: MathNode };
  if (n.type === 'ParenthesisNode' && n.content) return isZeroLiteral(n.content);
  return n.type === 'ConstantNode' && Number(n.value) === 0;
}

/** The code, subject and message of `why`, as a verdict carries them. */
export function because(why: Why): { message: string; reason: ReasonCode; subject?: string } {
  const subject = subjectOf(why);
  return { message: explain(why), reason: reasonOf(why), ...(subject !== undefined ? { subject } : {}) };
}

function unverifiable(why: Why, assumptions: Assumption[] = [], samples = 0): StepVerdict {
  return {
    status: 'unverifiable',
    ...because(why),
    samples,
    counterexample: null,
    values: null,
    assumptions,
  };
}

function verified(held: Held, assumptions: Assumption[], samples: number): StepVerdict {
  const message = explainHeld(held);
  return { status: 'verified', message, samples, counterexample: null, values: null, assumptions };
}

/** The step with values of random variables paired to them (`E_{x \\sim P}`, `\\sum_x`; pairing.ts). */
function pairedStep(step: StepInput, table: SymbolTable): StepInput {
  return { ...step, ...pairValues(step.lhs, step.rhs, table, step.valueNames) };
}

/** Samples `step` under `table` and judges it; never throws. */
export function verifyStep(
  written: StepInput,
  table: SymbolTable,
  options: VerifyOptions,
  seed: number,
): StepVerdict {
  const step = pairedStep(antiderivativeStep(written), table);
  const compiler = new Compiler(table);
  compiler.graphReading = mentionsGraphDerivative([step.lhs, step.rhs], table);
  compiler.loose = readLoose(
    [step.lhs, step.rhs, ...(step.conditions ?? []).flatMap((c) => [c.lhs, c.rhs])],
    table,
  );
  if (compiler.loose.conflict) return unverifiable(thrown(compiler.loose.conflict));
  compiler.random.withDensity.use(densitiesOf([step.lhs, step.rhs], table));
  let lhs: Evaluator;
  let rhs: Evaluator;
  let plan: SamplingPlan;
  let leftNames: Set<string>;
  let rightNames: Set<string>;
  let conditions: CompiledCondition[];
  try {
    const l = compiler.compileTracked(step.lhs);
    const leftFunctions = new Set(compiler.unknowns.seen);
    compiler.unknowns.seen.clear();
    const r = compiler.compileTracked(step.rhs);
    const lone = loneUnknownFunction(leftFunctions, compiler.unknowns.seen, (f) => !!table.traitsOf(f));
    if (lone) return unverifiable(lone);
    lhs = l.evaluate;
    rhs = r.evaluate;
    leftNames = l.names;
    // A function applied on the right (`f(x) = f(x + 0)`) is no definition of it either.
    rightNames = new Set([...r.names, ...compiler.unknowns.seen]);
    conditions = (step.conditions ?? []).map((c) => ({
      relation: c.relation,
      lhs: compiler.compile(c.lhs),
      rhs: compiler.compile(c.rhs),
      zero: { lhs: isZeroLiteral(c.lhs), rhs: isZeroLiteral(c.rhs) },
    }));
    plan = planSampling(compiler, table, options.defaultDimension);
    plan.landmarks = landmarksOf([step.lhs, step.rhs]);
    plan.narrow = compiler.usesDerivative;
    // Random symbols are not parameters: their values come from their laws (probability/model.ts).
    if (compiler.random.size)
      plan = { ...plan, symbols: plan.symbols.filter((p) => !compiler.random.symbols.has(p.name)) };
  } catch (e) {
    return unverifiable(thrown(e));
  }
  const random = compiler.random.size ? compiler.random : undefined;
  random?.seed(seed);
  let method: Method = 'sampling';
  const defined =
    step.first && step.relation === '='
      ? definitionOf(step.lhs, rightNames, table, conventionalNames(compiler, table))
      : undefined;
  if (defined) return unverifiable(defined, assumedDomains(plan));
  const assumptions: Assumption[] = [
    ...assumedDomains(plan),
    ...(random?.notes() ?? []),
    ...[...compiler.constantsUsed].flatMap((c) => constants.get(c)?.assumption ?? []),
    ...(compiler.identityUsed ? [identityAssumption] : []),
    ...[...compiler.unknowns.names.keys()].map((f): Assumption => {
      const reading = compiler.unknowns.readings.get(f);
      return {
        symbol: f,
        domain: 'any smooth function (unknown, drawn anew at each sample)',
        isDefault: true,
        role: 'function',
        ...(reading ? { convention: reading } : {}),
      };
    }),
  ];
  const tol: Tolerance = compiler.usesDerivative
    ? {
        relTol: Math.max(options.relTol, derivativeTol),
        absTol: Math.max(options.absTol, derivativeTol),
        approxTol: Math.max(options.approxTol, derivativeTol),
      }
    : options;
  const zero = { lhs: isZeroLiteral(step.lhs), rhs: isZeroLiteral(step.rhs) };
  // `\approx` with a small quantity is judged as that quantity goes to zero (approximation.ts).
  const { small, kept } =
    step.relation === '\\approx' ? shrinking(plan.symbols, step.rhs, step.smallVariables) : noShrinking;
  let order: number | undefined;
  if (step.relation === '\\approx' && small.length === 0 && compiler.unknowns.names.size > 0)
    return unverifiable({ why: 'unplaced-approximation' }, assumptions);
  const rng = new Rng(seed);
  // A stream of its own for the rounding probe, so the samples drawn stay those of `seed`.
  const nudges = new Rng(seed ^ 0x5bd1e995);
  const env: Env = {
    slots: new Array<Value>(compiler.slotCount).fill(0),
    work: 0,
    // Each sample is evaluated three times: as written and twice nudged (rounding.ts).
    budget: 3 * stepBudget,
    deadline: Date.now() + stepTimeMs,
  };
  const wanted = Math.max(1, Math.floor(options.samples));
  // Rejection sampling under conditions needs more draws: `0 < x < 1` holds for a fraction of a default domain.
  const maxAttempts = conditions.length ? wanted * 25 + 8 : wanted * 4 + 8;
  const invalid = new Map<string, number>();
  let rejected = 0;
  let valid = 0;
  let attempt = 0;
  let firstSample: Record<string, SampleValue> | null = null;
  let firstValues: { lhs: SampleValue; rhs: SampleValue } | null = null;
  const sampleOf = (): Record<string, SampleValue> => {
    const out: Record<string, SampleValue> = {};
    for (const p of plan.symbols) out[p.name] = toSampleValue(env.slots[p.slot] as Value);
    return out;
  };
  for (; attempt < maxAttempts && valid < wanted; attempt++) {
    let l: Value;
    let r: Value;
    let side = 'a domain';
    try {
      env.sample = attempt;
      drawSample(plan, env, rng, attempt);
      side = 'a law';
      random?.prepare(env);
      side = 'a condition';
      if (!conditionsHold(conditions, env)) {
        rejected++;
        continue;
      }
      side = 'the left side';
      resetAbsorbed();
      l = lhs(env);
      side = 'the right side';
      r = rhs(env);
    } catch (e) {
      if (e instanceof InvalidSample && side === 'a condition') {
        rejected++;
        continue;
      }
      if (e instanceof InvalidSample) {
        invalid.set(e.message, (invalid.get(e.message) ?? 0) + 1);
        continue;
      }
      if (e instanceof ShapeError) {
        const why: Why = { why: 'shape-error', side, detail: e.message, sizes: atSizes(plan, env) };
        return unverifiable(why, assumptions, valid);
      }
      return unverifiable(thrown(e), assumptions, valid);
    }
    if (!isFiniteValue(l) || !isFiniteValue(r)) {
      const which = !isFiniteValue(l) ? 'the left side' : 'the right side';
      const reason = `${which} is undefined (division by zero, log or root of a negative number, or overflow)`;
      invalid.set(reason, (invalid.get(reason) ?? 0) + 1);
      continue;
    }
    const absorbedTerm = wasAbsorbed();
    let c = compareValues(
      l,
      r,
      step.relation,
      random ? widened(tol, random) : tol,
      zero,
      // Nothing a probe could nudge (every value a small integer): its two re-evaluations would repeat this one.
      nudgesWouldMove() ? sideErrors(l, r, lhs, rhs, env, nudges) : { lhs: 0, rhs: 0 },
    );
    if (c.kind === 'imprecise' || (absorbedTerm && c.kind === 'judged')) {
      invalid.set(precisionLost, (invalid.get(precisionLost) ?? 0) + 1);
      continue;
    }
    if (small.length && c.kind === 'judged') {
      const a = judgeApproximation(env, small, lhs, rhs, kept);
      if (a.kind === 'unclear') {
        const reason = 'the gap between the sides could not be measured as the small quantity shrinks';
        invalid.set(reason, (invalid.get(reason) ?? 0) + 1);
        continue;
      }
      c = { kind: 'judged', holds: a.kind === 'holds' };
      if (a.kind === 'fails') order = a.order;
    }
    const values = sidesApart(l, r);
    if (random && methodRank[random.method] > methodRank[method]) method = random.method;
    // Sides of different shapes: when every symbol is declared the claim is wrong (a 3×2 matrix never
    // equals a 2×3 one), so it is refuted with the sizes as the counterexample; when a symbol took a default
    // (a matrix silently read as a scalar) the likelier fault is a missing declaration, so it is unverifiable.
    // A product of ill-fitting sizes inside one side is unverifiable too: that side has no value at all.
    if (c.kind === 'shapes') {
      const shapes = { left: c.left, right: c.right, sizes: atSizes(plan, env) };
      // A scalar drawn for an undeclared name (not a constant, a size or an index) may be a matrix meant.
      if (assumptions.some((a) => a.isDefault && (a.role ?? 'value') === 'value')) {
        return unverifiable({ why: 'shapes', ...shapes, defaults: true }, assumptions, valid);
      }
      if (step.relation === '\\ne')
        return verified({ why: 'shapes-differ', ...shapes }, assumptions, valid + 1);
      return refuted({ why: 'shapes', ...shapes, defaults: false }, sampleOf(), values, assumptions, valid);
    }
    valid++;
    if (!firstSample) {
      firstSample = sampleOf();
      firstValues = values;
    }
    if (step.relation === '\\ne') {
      if (c.holds) return verified({ why: 'differ', sample: sampleOf(), values }, assumptions, valid);
      continue;
    }
    if (!c.holds) {
      const lone = loneUndeclared(plan, leftNames, rightNames, step.relation);
      if (lone) return unverifiable(lone, assumptions, valid);
      const sample = sampleOf();
      const functions = compiler.unknowns.describe(env);
      // A property read from prose ("a convex function f") may come with conditions the prose also states
      // (a < x < b): a counterexample under it is not a refutation of the text.
      const soft = [...compiler.unknowns.names.keys()].filter((f) => table.traitsOf(f)?.source === 'prose');
      if (soft.length)
        return unverifiable({ why: 'prose-property', names: soft, functions, sample }, assumptions, valid);
      const distribution = random?.distribution();
      const particular =
        distribution && random ? particularDistribution(random, plan, leftNames, rightNames) : undefined;
      if (particular)
        return withMethod(unverifiable(particular, assumptions, valid), random?.method ?? 'sampling');
      if (order !== undefined) {
        const why: Why = {
          why: 'order',
          small: small.map((p) => p.name).join(', '),
          order,
          kept,
          sample,
          values,
          ...(functions.length ? { functions } : {}),
          ...(step.conditionText ? { conditionText: step.conditionText } : {}),
        };
        return refuted(why, sample, values, assumptions, valid);
      }
      const mixtures = random?.withDensity.notes() ?? [];
      const how = random
        ? `${random.method}${random.method === 'monte-carlo' ? `, ${random.draws} draws, beyond six standard errors` : ''}${mixtures.length ? `; under ${mixtures.join(', ')}` : distribution ? '; under the distribution in the counterexample' : ''}`
        : undefined;
      const why: Why = {
        why: 'fails',
        ...(functions.length ? { functions } : {}),
        sample,
        values,
        relation: step.relation,
        ...(step.conditionText ? { conditionText: step.conditionText } : {}),
        ...(how ? { how } : {}),
      };
      return withMethod(
        refuted(why, { ...sample, ...distribution }, values, assumptions, valid),
        random?.method ?? 'sampling',
      );
    }
  }
  const minValid = Math.max(1, Math.ceil(wanted / 3));
  if (valid < minValid && rejected > 0 && rejected >= attempt - valid - rejected) {
    const why: Why = {
      why: 'rare-condition',
      conditionText: step.conditionText ?? '',
      satisfied: attempt - rejected,
      drawn: attempt,
    };
    return unverifiable(why, assumptions, valid);
  }
  if (valid < minValid) {
    const top = [...invalid.entries()].sort((a, b) => b[1] - a[1])[0];
    const why: Why = { why: 'few-samples', valid, drawn: attempt, ...(top ? { invalid: top[0] } : {}) };
    return unverifiable(why, assumptions, valid);
  }
  if (step.relation === '\\ne') {
    return refuted({ why: 'identical', samples: valid }, firstSample ?? {}, firstValues, assumptions, valid);
  }
  if (method === 'monte-carlo') {
    return withMethod(
      unverifiable({ why: 'monte-carlo-undecided', samples: valid }, assumptions, valid),
      method,
    );
  }
  const held: Held = {
    why: 'agree',
    relation: step.relation,
    ...(small.length ? { small: small.map((p) => p.name).join(', ') } : {}),
    ...(method !== 'sampling' ? { method } : {}),
    samples: valid,
    ...(step.conditionText ? { conditionText: step.conditionText } : {}),
  };
  return withMethod(verified(held, assumptions, valid), method);
}

interface CompiledCondition {
  relation: Relation;
  lhs: Evaluator;
  rhs: Evaluator;
  zero: { lhs: boolean; rhs: boolean };
}

/** Whether the sample in `env` satisfies every condition; a condition comparing ill-fitting shapes throws. */
function conditionsHold(conditions: readonly CompiledCondition[], env: Env): boolean {
  for (const c of conditions) {
    const l = c.lhs(env);
    const r = c.rhs(env);
    if (!isFiniteValue(l) || !isFiniteValue(r)) return false;
    // `\mathbf{x} \ne 0` compares a vector with the zero literal, entrywise.
    const cmp = compareValues(l, r, c.relation, exact, c.zero);
    if (cmp.kind === 'shapes') throw new ShapeError(`the condition compares ${cmp.left} with ${cmp.right}`);
    // Conditions are judged exactly (no rounding errors given), so a comparison is never imprecise here.
    if (cmp.kind !== 'judged' || !cmp.holds) return false;
  }
  return true;
}

function refuted(
  why: Why,
  counterexample: Record<string, SampleValue>,
  values: { lhs: SampleValue; rhs: SampleValue } | null,
  assumptions: Assumption[],
  samples: number,
): StepVerdict {
  return { status: 'refuted', ...because(why), samples, counterexample, values, assumptions };
}

/** Names with a meaning of their own, never defined by a step: summary statistics (`\mu_X`) and the
 *  densities of variables with a declared law (`p_X(x) = …` after `X \sim \mathcal{N}(…)` is a claim). */
function conventionalNames(compiler: Compiler, table: SymbolTable): ReadonlySet<string> {
  const lawful = [...compiler.random.withDensity.densities.uses]
    .filter(([, u]) => table.lawOf(u.variable) !== undefined)
    .map(([n]) => n);
  return lawful.length ? new Set([...compiler.statistics, ...lawful]) : compiler.statistics;
}

/** ` (at n = 3, m = 2)` naming the sizes drawn, for shape messages. */
function atSizes(plan: SamplingPlan, env: Env): string {
  const dims = plan.symbols.filter((p) => p.role === 'dimension');
  if (dims.length === 0) return '';
  return ` (at ${dims.map((p) => `${p.name} = ${formatValue(env.slots[p.slot] as Value)}`).join(', ')})`;
}

/** What an error thrown while compiling or evaluating means for the step. */
function thrown(e: unknown): Why {
  if (e instanceof EvalUnsupported) {
    return {
      why: 'evaluation',
      code: e.reason,
      detail: e.message,
      ...(e.subject ? { subject: e.subject } : {}),
    };
  }
  if (e instanceof ShapeError) return { why: 'evaluation', code: 'shape-mismatch', detail: e.message };
  if (e instanceof BudgetExceeded) return { why: 'evaluation', code: 'evaluation-error', detail: e.message };
  if (e instanceof InvalidSample)
    return { why: 'evaluation', code: 'evaluation-error', detail: `no valid sample: ${e.message}` };
  const detail = `internal error while evaluating: ${e instanceof Error ? e.message : String(e)}`;
  return { why: 'evaluation', code: 'evaluation-error', detail };
}
