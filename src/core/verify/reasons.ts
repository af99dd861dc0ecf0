// Every verdict's wording, in one place. A verdict is built from a `Why` (a reason code and the data it is
// about); its message is rendered here from that data and nothing reads a message back: adapters and tests
// use `reason`, `subject` and the structured fields of the step.
import { relationSymbols } from '../latex/relations';
import type { Relation } from '../latex/types';
import type { Pos, ReasonCode, SampleValue } from '../types';
import { formatAssignment, formatValue } from './format';

/** The symbol that says a relation failed (the relation itself reads as `relationSymbols`). */
export const negatedGlyph: Readonly<Record<Relation, string>> = {
  '=': '≠',
  '\\ne': '=',
  '<': '≥',
  '\\le': '>',
  '>': '≤',
  '\\ge': '<',
  '\\approx': '≉',
};

/** Why a step is not verified, with what the message needs. */
export type Why =
  /** a sample where the relation fails */
  | {
      why: 'fails';
      sample: Record<string, SampleValue>;
      values: { lhs: SampleValue; rhs: SampleValue };
      relation: Relation;
      conditionText?: string;
      /** The unknown functions drawn at that sample, described (`f(x) = 0.3x² + sin(1.2x)`). */
      functions?: readonly string[];
      /** How an expectation was computed, for steps about random variables (`exact`, `quadrature`, …). */
      how?: string;
    }
  /** fails on a random test distribution, but the step is about a particular one (`free`: an undeclared
   *  symbol that may name a property of it) */
  | { why: 'particular-distribution'; free?: string }
  /** both sides agree within six standard errors of a Monte Carlo estimate: undecided */
  | { why: 'monte-carlo-undecided'; samples: number }
  /** `\approx` as a small quantity goes to zero: the gap does not vanish fast enough */
  | {
      why: 'order';
      small: string;
      order: number;
      kept: number;
      sample: Record<string, SampleValue>;
      values: { lhs: SampleValue; rhs: SampleValue };
      functions?: readonly string[];
      conditionText?: string;
    }
  /** fails for a function with what the prose says of it: the prose may restrict the claim further */
  | {
      why: 'prose-property';
      names: readonly string[];
      functions: readonly string[];
      sample: Record<string, SampleValue>;
    }
  /** a relation about an unknown function only one side mentions: about a particular function */
  | { why: 'lone-function'; name: string; side: 'left' | 'right' }
  /** `\approx` about an unknown function with no small quantity: where it holds is not said */
  | { why: 'unplaced-approximation' }
  /** `\ne` whose sides agree at every sample */
  | { why: 'identical'; samples: number }
  /** sides of different shapes; `defaults` when some symbol took a default domain (then unverifiable) */
  | { why: 'shapes'; left: string; right: string; sizes: string; defaults: boolean }
  /** a product of ill-fitting sizes inside one side */
  | { why: 'shape-error'; side: string; detail: string; sizes: string }
  | { why: 'one-sided'; name: string; side: 'left' | 'right' }
  /** `C = AB` with C undeclared (`prose`: declared only in the prose) */
  | { why: 'definition'; name: string; prose: boolean }
  /** `σ(x) = …` in display math: a definition the following steps use */
  | { why: 'defines'; name: string; params: readonly string[] }
  /** `P(X \mid θ) = …` with θ a parameter: defines the likelihood of X as a function of θ */
  | { why: 'likelihood'; event: string; param: string }
  /** refuted first step `0 = …` of a chain: the expression set to zero, an equation to solve */
  | { why: 'set-to-zero'; refutation?: string }
  /** a step about a symbol defined above by math that could not be read */
  | { why: 'unreadable-definition'; name: string }
  /** `A = [[1, 2], [3, 4]]` in a worked example: sets a value for the steps after it */
  | { why: 'assigns'; name: string; value: string }
  /** `∂y/∂x = ∂/∂x(…)` with y undefined: restates y's definition, which the steps after it use */
  | { why: 'restates'; name: string }
  | { why: 'rare-condition'; conditionText: string; satisfied: number; drawn: number }
  | { why: 'few-samples'; valid: number; drawn: number; invalid?: string }
  /** evaluation stopped: `code` chosen where it stopped, `detail` its own words */
  | { why: 'evaluation'; code: ReasonCode; detail: string; subject?: string }
  /** a side that could not be read; `side` says which, when the step has sides */
  | { why: 'unread'; error: UnreadError; side?: 'left' | 'right' | 'both'; other?: UnreadError }
  | { why: 'condition'; tex: string; at: Pos; detail: string }
  | { why: 'cancelled' }
  /** refuted, but the text before says the equations are to be solved */
  | { why: 'solve'; intro: string; refutation: string }
  /** refuted `\approx` of a function the text defines: may hold only near a point */
  | { why: 'local'; name: string; refutation: string }
  /** refuted `\approx` in counts that holds once the counts are large */
  | { why: 'large-counts'; names: string; large: number; refutation: string }
  /** `θ^{k+1} = …`: the next term of a sequence */
  | { why: 'recurrence'; name: string }
  /** the prose assumes the block (`intro`: the sentence that says so) */
  | { why: 'hypothesis'; intro?: string }
  /** the prose defines what the block names */
  | { why: 'prose-definition'; intro?: string }
  /** the prose says the block holds approximately */
  | { why: 'prose-approximation'; intro?: string; refutation: string };

/** A parse failure as a verdict reports it. */
export interface UnreadError {
  code: ReasonCode;
  /** The notation it is about (`\mathbb{E}`), for probability and unsupported notation. */
  subject?: string;
  /** The parser's words, without a position. */
  detail: string;
  at: Pos;
}

/** The reason code of a `Why`. */
export function reasonOf(w: Why): ReasonCode {
  switch (w.why) {
    case 'fails':
    case 'order':
    case 'identical':
      return 'counterexample';
    case 'prose-property':
      return 'prose-property';
    case 'particular-distribution':
      return 'particular-distribution';
    case 'monte-carlo-undecided':
      return 'monte-carlo-undecided';
    case 'lone-function':
      return 'undeclared-function';
    case 'unplaced-approximation':
      return 'unplaced-approximation';
    case 'shapes':
    case 'shape-error':
      return 'shape-mismatch';
    case 'one-sided':
      return 'one-sided-symbol';
    case 'definition':
    case 'defines':
    case 'likelihood':
    case 'assigns':
    case 'restates':
      return 'definition';
    case 'set-to-zero':
      return 'equation-to-solve';
    case 'rare-condition':
      return 'condition-rarely-holds';
    case 'few-samples':
      return 'too-few-samples';
    case 'evaluation':
      return w.code;
    case 'unread':
      return w.error.code;
    case 'condition':
      return 'unreadable-condition';
    case 'cancelled':
      return 'cancelled';
    case 'solve':
      return 'equation-to-solve';
    case 'local':
      return 'local-approximation';
    case 'unreadable-definition':
      return 'unreadable-definition';
    case 'large-counts':
    case 'prose-approximation':
      return 'approximation';
    case 'recurrence':
      return 'recurrence';
    case 'hypothesis':
      return 'hypothesis';
    case 'prose-definition':
      return 'definition';
  }
}

/** The symbol or command a `Why` is about, if any. */
export function subjectOf(w: Why): string | undefined {
  switch (w.why) {
    case 'one-sided':
    case 'definition':
    case 'defines':
    case 'assigns':
    case 'restates':
    case 'local':
    case 'unreadable-definition':
    case 'lone-function':
      return w.name;
    case 'evaluation':
      return w.subject;
    case 'unread':
      return w.error.subject;
    default:
      return undefined;
  }
}

function unreadText(e: UnreadError): string {
  if (e.code === 'probability-notation') {
    return (
      `uses probability notation (${e.subject ?? 'expectation or probability'}) that Stepwise cannot sample; ` +
      `declare the quantity as a symbol or a function (e.g. <!-- let m = … -->) to check the algebra around it`
    );
  }
  const kind =
    e.code === 'parse-error'
      ? 'parse error'
      : e.code === 'unsupported-relation'
        ? 'unsupported relation'
        : 'unsupported notation';
  return `${kind} at line ${e.at.line}, column ${e.at.column}: ${e.detail}`;
}

/** The message of a `Why`. */
export function explain(w: Why): string {
  switch (w.why) {
    case 'fails': {
      const where = formatAssignment(w.sample);
      const under = w.conditionText ? ` under ${w.conditionText}` : '';
      const fns = w.functions?.length ? ` with ${w.functions.join(', ')}` : '';
      const at = where ? `at ${where}${fns}: ` : fns ? `${fns.slice(1)}: ` : '';
      const { lhs, rhs } = w.values;
      // Sides that six digits show alike carry the digits that tell them apart (format.ts, sidesApart).
      const alike = formatValue(lhs) === formatValue(rhs) && lhs !== rhs;
      const shown = (v: typeof lhs): string => (alike && typeof v === 'number' ? String(v) : formatValue(v));
      return (
        `${at}left side = ${shown(lhs)}, right side = ` +
        `${shown(rhs)}, so ${relationSymbols[w.relation]} fails${under}${w.how ? ` (${w.how})` : ''}`
      );
    }
    case 'particular-distribution':
      return w.free
        ? `it fails on a random test distribution, but ${w.free} is not declared and may name a property of ` +
            `the distribution (its mean or variance); declare ${w.free} or the laws to check it`
        : 'it fails on a random test distribution, but one side names no random variable: a statement about a ' +
            'particular distribution the text has not stated as a law; declare the laws (X \\sim …) to check it';
    case 'monte-carlo-undecided': {
      return (
        `both sides agree within six standard errors of a Monte Carlo estimate at ${w.samples} samples; ` +
        `that cannot decide the step either way`
      );
    }
    case 'order': {
      const where = formatAssignment(w.sample);
      const fns = w.functions?.length ? ` with ${w.functions.join(', ')}` : '';
      const gap = w.order < 0.25 ? 'does not vanish' : `vanishes only to order ${w.order.toFixed(1)}`;
      const under = w.conditionText ? ` under ${w.conditionText}` : '';
      return (
        `as ${w.small} → 0${where ? ` (at ${where}${fns})` : ''} the gap between the sides ${gap}, ` +
        `not faster than the order ${Number.isNaN(w.kept) ? 0 : w.kept} the right side keeps${under}`
      );
    }
    case 'prose-property': {
      const where = formatAssignment(w.sample);
      return (
        `fails for ${w.functions.join(', ')}${where ? ` at ${where}` : ''}, a function with what the prose says of ` +
        `${w.names.join(', ')}; the prose may restrict the claim further — state it in a <!-- let --> comment to check it`
      );
    }
    case 'lone-function':
      return (
        `${w.name} is an undeclared function: declare it in a <!-- let … --> comment, e.g. ${w.name}(x) = …, to check ` +
        `this step; it appears only on the ${w.side} side, so the step reads as a statement about a particular function`
      );
    case 'unplaced-approximation':
      return 'an approximation about an unknown function with no small quantity (ε, δ, h, η, Δx): cannot tell where it is claimed to hold';
    case 'identical':
      return `both sides agree at all ${w.samples} samples, so they look identically equal`;
    case 'shapes': {
      const msg = `shape mismatch: left is ${w.left}, right is ${w.right}${w.sizes}`;
      return w.defaults
        ? `${msg}; some symbols took default domains — declare them`
        : `${msg}: the two sides cannot be equal`;
    }
    case 'shape-error':
      return `shape mismatch in ${w.side}: ${w.detail}${w.sizes}`;
    case 'one-sided':
      return (
        `${w.name} is not declared and appears only on the ${w.side} side, so this reads as a ` +
        `definition or a statement about particular values rather than an identity; declare its symbols ` +
        `(e.g. <!-- let ${w.name} = … --> or ${w.name} \\in …) to check it`
      );
    case 'definition': {
      const how = w.prose
        ? `it is declared only in the prose; declare it in a <!-- let … --> comment to check the step as a claim about it`
        : `declare it (e.g. <!-- let ${w.name} \\in … -->) to check it as a claim`;
      return `reads as a definition of ${w.name} (it appears only on the left side); ${how}`;
    }
    case 'defines':
      return `defines ${w.name}(${w.params.join(', ')}); the steps after it use this definition`;
    case 'likelihood':
      return (
        `defines the likelihood P(${w.event} | ${w.param}) as a function of ${w.param} (a parameter, not a ` +
        `random event); the steps after it use this definition`
      );
    case 'unreadable-definition':
      return `${w.name} is defined above by math that could not be read, so a step about it cannot be checked`;
    case 'restates':
      return `restates the definition of ${w.name} as the expression differentiated on the right; the steps after it use this definition`;
    case 'assigns':
      return `sets ${w.name} = ${w.value} for the steps after it in this section (a worked example)`;
    case 'rare-condition':
      return (
        `the condition ${w.conditionText} rarely holds: ${w.satisfied} of ${w.drawn} draws satisfied it, ` +
        `too few to check the step; declare the domains of its symbols (e.g. x \\in (0, 1)) to sample inside it`
      );
    case 'few-samples':
      return `too few valid samples: ${w.valid} of ${w.drawn} drawn${w.invalid ? ` (most were invalid: ${w.invalid})` : ''}`;
    case 'evaluation':
      return w.detail;
    case 'unread': {
      const text = unreadText(w.error);
      if (w.side === 'both') {
        const other = w.other ? unreadText(w.other) : text;
        return other === text ? `${text} (both sides)` : `left side: ${text}; right side: ${other}`;
      }
      return w.side ? `${text} (${w.side} side)` : text;
    }
    case 'condition':
      return `the condition "${w.tex}" (line ${w.at.line}, column ${w.at.column}) cannot be checked: ${w.detail}`;
    case 'cancelled':
      return 'cancelled';
    case 'set-to-zero':
      return (
        `an equation to solve, not an identity (a chain that starts "0 =" sets the expression to zero)` +
        (w.refutation
          ? `; it fails at other values (${w.refutation}), so it is not checked`
          : ', so it is not checked')
      );
    case 'solve':
      return (
        `an equation to solve, not an identity (the text before says "${w.intro}"); ` +
        `it fails at other values (${w.refutation}), so it is not checked`
      );
    case 'local':
      return (
        `${w.refutation}; ${w.name} is defined in the text and an approximation of it may hold only near a ` +
        `point (a Taylor expansion), so this is not a refutation`
      );
    case 'large-counts':
      return (
        `an approximation for large ${w.names}: it holds at ${w.names} ≥ ${w.large} but not at every size ` +
        `(${w.refutation}), so it is not checked`
      );
    case 'recurrence':
      return `a recurrence: defines the next term ${w.name} of a sequence`;
    case 'hypothesis':
      return `a hypothesis${said(w.intro)}: assumed, not claimed, so not checked`;
    case 'prose-definition':
      return `a definition${said(w.intro)}: it holds by fiat, so it is not checked`;
    case 'prose-approximation':
      return `an approximation${said(w.intro)}; it fails exactly (${w.refutation}), so it is not checked`;
  }
}

function said(intro: string | undefined): string {
  return intro ? ` (the text before says "${intro}")` : '';
}

/** The message of a verified step. */
export type Held =
  | {
      why: 'agree';
      relation: Relation;
      samples: number;
      conditionText?: string;
      small?: string;
      /** How expectations were computed, when not by plain sampling. */
      method?: string;
    }
  | { why: 'differ'; sample: Record<string, SampleValue>; values: { lhs: SampleValue; rhs: SampleValue } }
  | { why: 'shapes-differ'; left: string; right: string; sizes: string };

export function explainHeld(h: Held): string {
  switch (h.why) {
    case 'agree': {
      const what =
        h.relation === '='
          ? 'both sides agree'
          : h.relation === '\\approx'
            ? h.small
              ? `the gap vanishes faster than the order the right side keeps as ${h.small} → 0`
              : 'both sides agree within the approximation tolerance'
            : 'the inequality holds';
      const under = h.conditionText ? ` under ${h.conditionText}` : '';
      const how = h.method ? ` (${h.method})` : '';
      return `${what} at ${h.samples} sample${h.samples === 1 ? '' : 's'}${under}${how}`;
    }
    case 'differ':
      return (
        `the sides differ at ${formatAssignment(h.sample) || 'the sample'}: left ` +
        `${formatValue(h.values.lhs)}, right ${formatValue(h.values.rhs)}`
      );
    case 'shapes-differ':
      return `shape mismatch: left is ${h.left}, right is ${h.right}${h.sizes}: the sides cannot be equal`;
  }
}

/** A step the verifier read as a definition (`J = L + s`): not checked, but nothing is wrong with it, so the
 *  adapters show it neutrally (`≔`) and count it apart from the steps that could not be checked. */
export function isDefinition(step: { status: string; reason?: ReasonCode }): boolean {
  return step.status === 'unverifiable' && step.reason === 'definition';
}
