// Shared result types of the core. Every position in the core is 1-based (line and column), as people
// and the CLI count; the extension host converts to VS Code's 0-based positions at its edge.
import type { Relation } from './latex/types';

/** A place in the Markdown file, 1-based. */
export interface Pos {
  line: number;
  column: number;
}

export type StepStatus = 'verified' | 'refuted' | 'unverifiable';

/**
 * Why a step is not verified, as a stable code: adapters choose wording and severity from it and tests
 * assert it; nothing reads a message back. Add a code here (kebab-case) when a new reason appears, and
 * document it in the README's table of reasons.
 */
export type ReasonCode =
  /** refuted: a sample where the sides disagree */
  | 'counterexample'
  /** fails for a function with only what the prose says of it; the prose may restrict the claim */
  | 'prose-property'
  /** an approximation about an unknown function that does not say where (no small quantity) it holds */
  | 'unplaced-approximation'
  /** a step about random variables that fails on a test distribution but is about a particular one */
  | 'particular-distribution'
  /** an entropy beside a logarithm, a number or a parameter: its base (bits or nats) is not stated */
  | 'entropy-base'
  /** a Monte Carlo estimate that agrees within six standard errors: cannot decide either way */
  | 'monte-carlo-undecided'
  /** a side or condition could not be parsed (errorAt says where) */
  | 'parse-error'
  /** notation the verifier cannot evaluate (subject names the command) */
  | 'unsupported-notation'
  /** a relation symbol the verifier does not judge (`\ll`, `\propto`, …) */
  | 'unsupported-relation'
  /** a name applied to arguments that nothing defines (subject names it) */
  | 'undeclared-function'
  /** the step defines a symbol or function; reported, never judged */
  | 'definition'
  /** sizes of vectors or matrices do not fit */
  | 'shape-mismatch'
  /** too few samples where both sides are defined */
  | 'too-few-samples'
  /** a condition on the claim could not be read */
  | 'unreadable-condition'
  /** an equation in an unknown to solve, not an identity */
  | 'equation-to-solve'
  /** evaluation failed or exceeded its budget */
  | 'evaluation-error'
  /** probability notation (`\mathbb{E}`, `P(…)`, `\sim`) that sampling cannot check (subject names it) */
  | 'probability-notation'
  /** a name declared as a function is used without arguments (subject names it) */
  | 'function-not-applied'
  /** a symbol written in two readings that cannot both hold (`x` as a number beside its entries `x_i`;
   *  subject names it) */
  | 'conflicting-use'
  /** a symbol must be declared before it can be evaluated (entries, derivatives; subject names it) */
  | 'undeclared-symbol'
  /** an undeclared symbol on one side only: a definition or a particular value, not an identity */
  | 'one-sided-symbol'
  /** the claim's condition held at too few of the draws to check it */
  | 'condition-rarely-holds'
  /** an approximation of a function defined in the text, which may hold only near a point */
  | 'local-approximation'
  /** the run was cancelled before this step was checked */
  | 'cancelled'
  /** the prose introduces the block as assumed ("let … satisfying", "suppose", "such that"): not a claim */
  | 'hypothesis'
  /** `θ^{k+1} = …` defines the next term of a sequence (an update rule), never judged */
  | 'recurrence'
  /** the prose says the block holds approximately: a failing sample is no refutation */
  | 'approximation'
  /** the step is about a symbol whose definition above could not be read (subject names it) */
  | 'unreadable-definition';

/** What the verifier assumed about one symbol of a step. */
export interface Assumption {
  symbol: string;
  /** The domain as TeX-free text, e.g. `ℝ`, `(0, 1)`, `ℝ^{3×3}`. */
  domain: string;
  /** True when nothing declared it: the domain is the verifier's default. */
  isDefault: boolean;
  /** What the symbol stands for: a sampled value (the default), a size, an index, or a named constant
   *  (`π`, `e`, `I`), whose `domain` is then the value it takes. */
  role?: 'value' | 'dimension' | 'index' | 'constant' | 'function' | 'random';
  /** For a default the text's conventions chose: which (`a count in an exponent`, `a radius`). */
  convention?: string;
}

/** A sampled value as it appears in a counterexample: scalar, vector (column) or matrix (rows). */
export type SampleValue = number | number[] | number[][];

/** A repair of a refuted step: its sides with one small edit that makes it verify (the same check as any
 *  step). `side` is the side that changed; `message` says what the edit was. */
export interface StepHint {
  lhs: string;
  rhs: string;
  side: 'lhs' | 'rhs';
  /** The edit as a code: `sign`, `operator`, `swap`, `transpose`, `inverse`, `constant`, `exponent`,
   *  `symbol`, `drop-term`, `move` (a factor into a bracket), `into-function` (a scaling inside a function)
   *  or `inverse-of-sum`. With `swap`, `into-function` or `inverse-of-sum` the corrected side may be the
   *  other side as written: the rewrite the step made does not hold (the message says so). */
  kind: string;
  message: string;
}

/** One relation `lhs REL rhs` of a derivation and what the verifier concluded about it. */
export interface StepResult {
  /** 1-based index within its display block, in reading order. */
  index: number;
  /** Where the relation symbol stands in the file. */
  line: number;
  column: number;
  /** `=`, `\le`, `<`, `\ne`, `\approx`, … as written. */
  relation: string;
  /** The relation as the verifier read it (`\simeq` → `\approx`, `\leq` → `\le`), when it read one:
   *  adapters say what failed from this, never from the TeX. */
  meaning?: Relation;
  lhs: string;
  rhs: string;
  status: StepStatus;
  /** Why: for refuted the two values compared, for unverifiable the reason (with position if a parse error). */
  message: string;
  /** For every status but verified: the reason as a code. */
  reason?: ReasonCode;
  /** The symbol or command the reason is about (`\\mathbb{E}`, `f`), when there is one. */
  subject?: string;
  /** Valid samples evaluated. */
  samples: number;
  /** How the values were computed: `sampling` (no random variable), `exact` (enumerated or from moments),
   *  `quadrature` (Gauss or adaptive rules with an error estimate), `monte-carlo` (seeded, last resort). */
  method?: 'sampling' | 'exact' | 'quadrature' | 'monte-carlo';
  counterexample: Record<string, SampleValue> | null;
  /** The values of both sides at the counterexample, for hovers and the preview. */
  values?: { lhs: SampleValue; rhs: SampleValue } | null;
  /** The domain of every symbol sampled (declared or the verifier's default) and the constants used. */
  assumptions: Assumption[];
  /** For a step with a side that could not be read: where that error is. `line`/`column` stay on the
   *  relation, so the preview marks the right relation while diagnostics point at the error. */
  errorAt?: Pos;
  /** For a refuted step: an edit of one side that makes it verify, when the search found one. */
  hint?: StepHint;
}

/** A display-math block holding at least one claim, or a parse failure of one. */
export interface DerivationResult {
  /** 1-based lines of the opening and closing delimiters. */
  line: number;
  endLine: number;
  steps: StepResult[];
}

export type ExperimentStatus = 'passed' | 'failed' | 'error' | 'skipped';

export interface CheckResult {
  line: number;
  label: string;
  passed: boolean;
  /** What was compared, for a failed check. */
  detail?: string;
}

/** What a statement of an experiment produced, for the preview and inline values. `source` is the
 * statement that produced it, as written (shortened past 200 characters); `note` says what a cap cut
 * from it ("showing 2,000 of 1,000,000 points (truncated)"). */
export type ExperimentOutput = { line: number; source?: string; note?: string } & (
  | {
      kind: 'value';
      text: string;
      /** What the value is shown as: the assigned name (`p`, `A[2]`) or the expression (`mean(d)`). */
      label?: string;
    }
  | { kind: 'show'; label: string; text: string }
  | { kind: 'table'; columns: string[]; rows: string[][] }
  | { kind: 'plot'; title?: string; x: number[]; series: { label: string; y: number[] }[] }
  | { kind: 'hist'; edges: number[]; counts: number[] }
);

export interface ExperimentResult {
  /** 1-based lines of the opening and closing fences. */
  line: number;
  endLine: number;
  title?: string;
  status: ExperimentStatus;
  message: string;
  checks: CheckResult[];
  outputs: ExperimentOutput[];
  /** For status `error`: where in the file the failing statement is. */
  errorLine?: number;
  /** For status `error`: the 1-based column in the file, when the parser knows it. */
  errorColumn?: number;
  /** For status `error`: the 1-based line within the block's code (first line after the fence is 1). */
  errorBlockLine?: number;
  durationMs?: number;
  /** What the run's caps left out (outputs, listed checks), in words. */
  notes?: string[];
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  message: string;
}

/** Everything `stepwise check --json` prints for one file. */
export interface FileReport {
  path: string;
  derivations: DerivationResult[];
  experiments: ExperimentResult[];
  diagnostics: Diagnostic[];
}

export interface Report {
  version: 1;
  files: FileReport[];
}

/** Settings of a verification run: plain data, so it crosses to workers and the CLI alike. */
export interface VerifyOptions {
  /** Samples per step (default 24). */
  samples: number;
  /** Relative and absolute tolerance for `=` and inequalities. */
  relTol: number;
  absTol: number;
  /** Relative tolerance for `\approx`. */
  approxTol: number;
  /** Fixed seed; when absent each block seeds from its own text, so results are stable run to run. */
  seed?: number;
  /** Extra macros (`\R` → `\mathbb{R}`), as from the `stepwise.macros` setting. */
  macros?: Record<string, string>;
  /** Default size of undeclared dimension symbols and of matrices whose size is unknown. */
  defaultDimension?: number;
  /** Search a repair hint for each refuted step (default true; the benchmark turns it off to compare). */
  hints?: boolean;
}

export const defaultVerifyOptions: VerifyOptions = {
  samples: 24,
  relTol: 1e-9,
  // No absolute floor: a fixed one called every value under it zero. Rounding is estimated per sample.
  absTol: 0,
  approxTol: 1e-2,
};

/** Lets a long run stop early; the extension passes VS Code's token, the CLI none. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}
