// One step `lhs REL rhs`: compile both sides once, draw samples, judge each, and conclude.
import type { MathNode } from 'mathjs';
import { constants, identityName, identityNote } from '../symbols/defaults';
import type { SymbolTable } from '../symbols/table';
import { relationSymbols, type Relation } from '../latex';
import type { SampleValue, StepStatus, VerifyOptions } from '../types';
import { Compiler, type Env, type Evaluator } from './compile';
import { compareValues, isFiniteValue, type Tolerance } from './compare';
import { precisionLost, resetAbsorbed, sideErrors, wasAbsorbed } from './rounding';
import { formatAssignment, formatValue, toSampleValue } from './format';
import { Rng } from '../numeric/random';
import { assumptions as assumedDomains, drawSample, planSampling, type SamplingPlan } from './sample';
import { BudgetExceeded, EvalUnsupported, InvalidSample, ShapeError, type Value } from './value';
import { methodRank, type Method } from '../probability/expect';
import type { RandomModel } from '../probability/model';

/** What the verifier concludes about one step (the caller adds index and position). */
export interface StepVerdict {
  status: StepStatus;
  message: string;
  samples: number;
  counterexample: Record<string, SampleValue> | null;
  values: { lhs: SampleValue; rhs: SampleValue } | null;
  assumptions: string[];
  /** How the sides were computed (absent: plain sampling, no random variable). */
  method?: Exclude<Method, 'sampling'>;
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
}

/** Comparing a condition exactly: `x \ne 0` must reject x = 0 itself, `x > 0` must reject 0. */
const exact: Tolerance = { relTol: 0, absTol: 0, approxTol: 1e-2 };

/** Work units (loop iterations, derivative evaluations) one step may spend over all its samples. */
export const stepBudget = 1_000_000;
/** Wall-clock safety net per step, behind the deterministic budget. */
export const stepTimeMs = 4000;
/** Tolerances are loosened to this for steps with numeric derivatives (five-point stencils). */
const derivativeTol = 1e-6;

function isZeroLiteral(node: MathNode): boolean {
  const n = node as MathNode & { type: string; value?: unknown; content?: MathNode };
  if (n.type === 'ParenthesisNode' && n.content) return isZeroLiteral(n.content);
  return n.type === 'ConstantNode' && Number(n.value) === 0;
}

function unverifiable(message: string, assumptions: string[] = [], samples = 0): StepVerdict {
  return { status: 'unverifiable', message, samples, counterexample: null, values: null, assumptions };
}

/** Samples `step` under `table` and judges it; never throws. */
export function verifyStep(
  step: StepInput,
  table: SymbolTable,
  options: VerifyOptions,
  seed: number,
): StepVerdict {
  const compiler = new Compiler(table);
  let lhs: Evaluator;
  let rhs: Evaluator;
  let plan: SamplingPlan;
  let leftNames: Set<string>;
  let rightNames: Set<string>;
  let conditions: CompiledCondition[];
  const under = step.conditionText ? ` under ${step.conditionText}` : '';
  try {
    const l = compiler.compileTracked(step.lhs);
    const r = compiler.compileTracked(step.rhs);
    lhs = l.evaluate;
    rhs = r.evaluate;
    leftNames = l.names;
    rightNames = r.names;
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
    return unverifiable(reasonOf(e));
  }
  const random = compiler.random.size ? compiler.random : undefined;
  random?.seed(seed);
  let method: Method = 'sampling';
  const defined = step.first && step.relation === '=' ? definitionOf(step.lhs, rightNames, table) : undefined;
  if (defined) return unverifiable(defined, assumedDomains(plan));
  const assumptions = [
    ...assumedDomains(plan),
    ...(random?.notes() ?? []),
    ...[...compiler.constantsUsed].map((c) => constants.get(c)?.note ?? c),
    ...(compiler.identityUsed ? [identityNote] : []),
  ];
  const tol: Tolerance = compiler.usesDerivative
    ? {
        relTol: Math.max(options.relTol, derivativeTol),
        absTol: Math.max(options.absTol, derivativeTol),
        approxTol: Math.max(options.approxTol, derivativeTol),
      }
    : options;
  const zero = { lhs: isZeroLiteral(step.lhs), rhs: isZeroLiteral(step.rhs) };
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
        return unverifiable(
          `shape mismatch in ${side}: ${e.message}${atSizes(plan, env)}`,
          assumptions,
          valid,
        );
      }
      return unverifiable(reasonOf(e), assumptions, valid);
    }
    if (!isFiniteValue(l) || !isFiniteValue(r)) {
      const which = !isFiniteValue(l) ? 'the left side' : 'the right side';
      const reason = `${which} is undefined (division by zero, log or root of a negative number, or overflow)`;
      invalid.set(reason, (invalid.get(reason) ?? 0) + 1);
      continue;
    }
    const absorbedTerm = wasAbsorbed();
    const c = compareValues(
      l,
      r,
      step.relation,
      random ? widened(tol, random) : tol,
      zero,
      sideErrors(l, r, lhs, rhs, env, nudges),
    );
    if (c.kind === 'imprecise' || (absorbedTerm && c.kind === 'judged')) {
      invalid.set(precisionLost, (invalid.get(precisionLost) ?? 0) + 1);
      continue;
    }
    const values = { lhs: toSampleValue(l), rhs: toSampleValue(r) };
    if (random && methodRank[random.method] > methodRank[method]) method = random.method;
    // Sides of different shapes: when every symbol is declared the claim is wrong (a 3×2 matrix never
    // equals a 2×3 one), so it is refuted with the sizes as the counterexample; when a symbol took a default
    // (a matrix silently read as a scalar) the likelier fault is a missing declaration, so it is unverifiable.
    // A product of ill-fitting sizes inside one side is unverifiable too: that side has no value at all.
    if (c.kind === 'shapes') {
      const msg = `shape mismatch: left is ${c.left}, right is ${c.right}${atSizes(plan, env)}`;
      if (assumptions.some((a) => a.includes('(default)') && !a.startsWith('I ') && !isConstantNote(a))) {
        return unverifiable(`${msg}; some symbols took default domains — declare them`, assumptions, valid);
      }
      if (step.relation === '\\ne') {
        return {
          status: 'verified',
          message: `${msg}: the sides cannot be equal`,
          samples: valid + 1,
          counterexample: null,
          values: null,
          assumptions,
        };
      }
      return refuted(`${msg}: the two sides cannot be equal`, sampleOf(), values, assumptions, valid);
    }
    valid++;
    if (!firstSample) {
      firstSample = sampleOf();
      firstValues = values;
    }
    if (step.relation === '\\ne') {
      if (c.holds) {
        return {
          status: 'verified',
          message: `the sides differ at ${formatAssignment(sampleOf()) || 'the sample'}: left ${formatValue(values.lhs)}, right ${formatValue(values.rhs)}`,
          samples: valid,
          counterexample: null,
          values: null,
          assumptions,
        };
      }
      continue;
    }
    if (!c.holds) {
      const lone = loneUndeclared(plan, leftNames, rightNames, step.relation);
      if (lone) return unverifiable(lone, assumptions, valid);
      const sample = sampleOf();
      const where = formatAssignment(sample);
      const rel = relationSymbols[step.relation];
      const distribution = random?.distribution();
      const particular =
        distribution && random ? particularDistribution(random, plan, leftNames, rightNames) : undefined;
      if (particular)
        return withMethod(unverifiable(particular, assumptions, valid), random?.method ?? 'sampling');
      const how = random
        ? ` (${random.method}${random.method === 'monte-carlo' ? `, ${random.draws} draws, beyond six standard errors` : ''}${distribution ? `; under the distribution in the counterexample` : ''})`
        : '';
      return withMethod(
        refuted(
          `${where ? `at ${where}: ` : ''}left side = ${formatValue(values.lhs)}, right side = ${formatValue(values.rhs)}, so ${rel} fails${under}${how}`,
          { ...sample, ...distribution },
          values,
          assumptions,
          valid,
        ),
        random?.method ?? 'sampling',
      );
    }
  }
  const minValid = Math.max(1, Math.ceil(wanted / 3));
  if (valid < minValid && rejected > 0 && rejected >= attempt - valid - rejected) {
    return unverifiable(
      `the condition ${step.conditionText ?? ''} rarely holds: ${attempt - rejected} of ${attempt} draws satisfied it, ` +
        `too few to check the step; declare the domains of its symbols (e.g. x \\in (0, 1)) to sample inside it`,
      assumptions,
      valid,
    );
  }
  if (valid < minValid) {
    const top = [...invalid.entries()].sort((a, b) => b[1] - a[1])[0];
    return unverifiable(
      `too few valid samples: ${valid} of ${attempt} drawn${top ? ` (most were invalid: ${top[0]})` : ''}`,
      assumptions,
      valid,
    );
  }
  if (step.relation === '\\ne') {
    return refuted(
      `both sides agree at all ${valid} samples, so they look identically equal`,
      firstSample ?? {},
      firstValues,
      assumptions,
      valid,
    );
  }
  if (method === 'monte-carlo') {
    return withMethod(
      unverifiable(
        `both sides agree within six standard errors of a Monte Carlo estimate at ${valid} samples; ` +
          `that cannot decide the step either way`,
        assumptions,
        valid,
      ),
      method,
    );
  }
  const what =
    step.relation === '='
      ? 'both sides agree'
      : step.relation === '\\approx'
        ? 'both sides agree within the approximation tolerance'
        : 'the inequality holds';
  return withMethod(
    {
      status: 'verified',
      message: `${what} at ${valid} sample${valid === 1 ? '' : 's'}${under}${method === 'sampling' ? '' : ` (${method})`}`,
      samples: valid,
      counterexample: null,
      values: null,
      assumptions,
    },
    method,
  );
}

/**
 * A step about random variables with no stated law fails on a test distribution. That refutes an identity
 * meant for every distribution, but not a statement about a particular one: a side naming no random
 * variable (`P(D = 1 \mid H = 1) = 0.13`), or an undeclared symbol that may name a property of the
 * distribution (`μ_X` for its mean). Those are unverifiable with the reason.
 */
function particularDistribution(
  random: RandomModel,
  plan: SamplingPlan,
  left: Set<string>,
  right: Set<string>,
): string | undefined {
  const isRandom = (n: string): boolean => random.symbols.has(n);
  if (![...left].some(isRandom) || ![...right].some(isRandom))
    return (
      'it fails on a random test distribution, but one side names no random variable: a statement about a ' +
      'particular distribution the text has not stated as a law; declare the laws (X \\sim …) to check it'
    );
  const free = plan.symbols.find((p) => p.assumed !== undefined && p.role === 'value');
  if (free)
    return (
      `it fails on a random test distribution, but ${free.name} is not declared and may name a property of ` +
      `the distribution (its mean or variance); declare ${free.name} or the laws to check it`
    );
  return undefined;
}

function withMethod(verdict: StepVerdict, method: Method): StepVerdict {
  return method === 'sampling' ? verdict : { ...verdict, method };
}

/** The tolerance of a sample whose sides carry expectation errors: four estimated errors (six standard
 *  errors for Monte Carlo) on top of the usual tolerance, so an estimate is refuted only beyond its error. */
function widened(tol: Tolerance, random: { error: number; method: Method }): Tolerance {
  if (random.error === 0) return tol;
  const k = random.method === 'monte-carlo' ? 6 : 4;
  return { ...tol, absTol: tol.absTol + k * random.error };
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
  message: string,
  counterexample: Record<string, SampleValue>,
  values: { lhs: SampleValue; rhs: SampleValue } | null,
  assumptions: string[],
  samples: number,
): StepVerdict {
  return { status: 'refuted', message, samples, counterexample, values, assumptions };
}

/**
 * An equation with an undeclared symbol on one side only (`\hat y = w^\top x + b`, `AW = W\Sigma` with
 * nothing declared) is a definition or a statement about particular values, not an identity: refuting it
 * would accuse a correct text. Such a step is unverifiable until its symbols are declared. An inequality
 * is treated so only when both sides hold such symbols (`S_i \le n_\ell`, two unrelated quantities):
 * `x^2 > 0` keeps its refutation, as it fails at x = 0 whatever x was meant to be.
 */
function loneUndeclared(
  plan: SamplingPlan,
  left: Set<string>,
  right: Set<string>,
  relation: Relation,
): string | undefined {
  const lone = { left: [] as string[], right: [] as string[] };
  for (const p of plan.symbols) {
    if (p.assumed === undefined || p.role !== 'value') continue;
    const inLeft = left.has(p.name);
    if (inLeft !== right.has(p.name)) lone[inLeft ? 'left' : 'right'].push(p.name);
  }
  const equation = relation === '=' || relation === '\\approx';
  if (
    equation ? lone.left.length + lone.right.length === 0 : lone.left.length === 0 || lone.right.length === 0
  ) {
    return undefined;
  }
  const side = lone.left.length ? 'left' : 'right';
  const name = lone[side][0] as string;
  return (
    `${name} is not declared and appears only on the ${side} side, so this reads as a ` +
    `definition or a statement about particular values rather than an identity; declare its symbols ` +
    `(e.g. <!-- let ${name} = … --> or ${name} \\in …) to check it`
  );
}

/**
 * `C = AB` or `p(x) = \frac{1}{1 + x^2}`: a left side that is a lone symbol, or a symbol applied to plain
 * symbols, occurring nowhere on the right, names what the step defines. Unless the student declared that
 * symbol in a `<!-- let -->` comment (then the step is a claim about it), comparing a freely drawn value with
 * the right side would refute a definition; an inline `$\mathbf{C} \in \mathbb{R}^{n \times m}$` of the prose
 * gives a shape, not a value. Symbols defined (`let a = …`) or declared as functions are checked as usual.
 */
function definitionOf(lhs: MathNode, right: Set<string>, table: SymbolTable): string | undefined {
  const n = lhs as MathNode & {
    type: string;
    name?: string;
    args?: MathNode[];
    fn?: MathNode;
    implicit?: boolean;
  };
  const plain = (a: MathNode | undefined): boolean => {
    const x = a as (MathNode & { type: string; content?: MathNode }) | undefined;
    if (x?.type === 'ParenthesisNode') return plain(x.content);
    return x?.type === 'SymbolNode';
  };
  let name: string | undefined;
  if (n.type === 'SymbolNode') name = n.name;
  else if (n.type === 'FunctionNode' && (n.fn as { name?: string } | undefined)?.name === 'call') {
    const [head, ...args] = n.args ?? [];
    if (head?.type === 'SymbolNode' && args.length > 0 && args.every(plain))
      name = (head as { name?: string }).name;
  } else if (n.type === 'OperatorNode' && n.implicit && n.args?.length === 2) {
    // A prose-declared scalar `p` written as `p(x)` parses as the product p·(x).
    const [head, arg] = n.args;
    if (head?.type === 'SymbolNode' && arg?.type === 'ParenthesisNode' && plain(arg))
      name = (head as { name?: string }).name;
  }
  if (name === undefined || right.has(name) || constants.has(name) || name === identityName) return undefined;
  const entry = table.lookup(name);
  if (entry && !(entry.kind === 'value' && entry.source === 'prose')) return undefined;
  const how = entry
    ? `it is declared only in the prose; declare it in a <!-- let … --> comment to check the step as a claim about it`
    : `declare it (e.g. <!-- let ${name} \\in … -->) to check it as a claim`;
  return `reads as a definition of ${name} (it appears only on the left side); ${how}`;
}

function isConstantNote(note: string): boolean {
  for (const c of constants.values()) if (c.note === note) return true;
  return note === identityNote || note.startsWith(`${identityName} =`);
}

/** ` (at n = 3, m = 2)` naming the sizes drawn, for shape messages. */
function atSizes(plan: SamplingPlan, env: Env): string {
  const dims = plan.symbols.filter((p) => p.role === 'dimension');
  if (dims.length === 0) return '';
  return ` (at ${dims.map((p) => `${p.name} = ${formatValue(env.slots[p.slot] as Value)}`).join(', ')})`;
}

function reasonOf(e: unknown): string {
  if (e instanceof EvalUnsupported || e instanceof BudgetExceeded || e instanceof ShapeError)
    return e.message;
  if (e instanceof InvalidSample) return `no valid sample: ${e.message}`;
  return `internal error while evaluating: ${e instanceof Error ? e.message : String(e)}`;
}

/** The numbers written in a step, with their negatives (`x + 20.5` breaks near −20.5), at most eight. */
function landmarksOf(nodes: readonly MathNode[]): number[] {
  const out = new Set<number>();
  for (const n of nodes) {
    n.traverse((c) => {
      const v = (c as { isConstantNode?: boolean; value?: unknown }).value;
      if (
        (c as { isConstantNode?: boolean }).isConstantNode &&
        typeof v === 'number' &&
        v !== 0 &&
        Number.isFinite(v)
      ) {
        out.add(v);
        out.add(-v);
      }
    });
  }
  return [...out].slice(0, 8);
}
