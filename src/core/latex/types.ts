// The contract between the LaTeX parser and everything downstream (symbol table, verifier, preview).
// The parser turns TeX into mathjs expression trees using a fixed vocabulary of function names
// (see vocabulary.ts); the verifier gives those names their numeric meaning.
import type { MathNode } from 'mathjs';

/** What a declared symbol denotes; the parser needs it to read `f(x)`, `A^T`, `A^{-1}`, `x_i`. */
export type SymbolKind = 'scalar' | 'vector' | 'matrix' | 'function' | 'index';

export interface MacroDef {
  params: number;
  body: string;
  /** Set when Stepwise cannot know what KaTeX makes of this name from here on (a definition local to a
   *  group, an `\edef`, a `\providecommand` KaTeX may ignore, a macro that defines macros): a use of it is
   *  unsupported, never read with a guessed meaning. */
  unknown?: string;
}

/** What the parser may ask of the symbol table in force at a block. */
export interface ParseContext {
  /** What a canonical symbol name denotes here, if it is declared. */
  kindOf(name: string): SymbolKind | undefined;
  /** `\newcommand`/`\def` macros in force (name without the backslash). */
  macros: ReadonlyMap<string, MacroDef>;
}

/** A failure to read TeX, as data. `offset` indexes the TeX given to the parser; callers map it to the file
 *  (errors.ts' `lineColumn` gives the line and column within the TeX). The message holds no position. */
export interface ParseError {
  message: string;
  offset: number;
  /** The token or command the error is about, as written (`\int`, `'}'`, `\mathbb{E}`), when there is one. */
  subject?: string;
  /** `syntax` for garbled input; `unsupported` for notation we read but cannot evaluate, such as
   *  probability (`\mathbb{E}`, `\operatorname{Var}`, `\sim`): those steps are unverifiable, never refuted;
   *  `unsupported-relation` for a relation Stepwise does not judge (`\ll`, `\cong`), a step of its own. */
  code: 'syntax' | 'unsupported' | 'probability' | 'unsupported-relation';
}

/** One side of a relation. */
export interface Side {
  node: MathNode;
  /** The TeX of this side as written, and where it starts and ends in the parser's input. */
  tex: string;
  offset: number;
  end: number;
}

/** `lhs REL rhs`. In a chain `a = b \le c` the steps are (a,=,b) and (b,\le,c). */
export interface ParsedStep {
  relation: Relation;
  /** The relation as written (`\leq`, `\le`, `≤`, `&=` …) and its offset. */
  relationTex: string;
  relationOffset: number;
  lhs: Side;
  rhs: Side;
}

export type Relation = '=' | '\\ne' | '<' | '\\le' | '>' | '\\ge' | '\\approx';

/** A condition qualifying a claim (`\text{for } x \ne 0`, `\forall x > 0`, `\quad (x > 0)`,
 *  `x \in (0, 1)`): the claim is asserted only where every one of its steps holds. */
export interface Condition {
  /** The condition as written, and where it starts and ends in the parser's input. */
  tex: string;
  offset: number;
  end: number;
  /** Readable form for messages, e.g. `x ≠ 0`, `x ∈ (0, 1)`. */
  text: string;
  /** The relations it imposes: `0 < x < 1` gives two, `x \in (0, 1)` gives `0 < x` and `x < 1`. */
  steps: ParsedStep[];
  /** Set when the condition could not be read: the claim is then unverifiable, never checked without it. */
  error?: ParseError;
}

/** One step of a chain that could not be read: where its relation stands, its sides as written, and the
 *  error of each side that failed, so that its message can say which side. */
export interface UnreadStep {
  relationTex: string;
  relationOffset: number;
  lhsTex: string;
  rhsTex: string;
  lhsError?: ParseError;
  rhsError?: ParseError;
}

/** One claim of a display block: a chain of steps, or the error that stopped its reading. */
export type Claim =
  | {
      ok: true;
      steps: ParsedStep[];
      /** conditions under which the chain is claimed */ conditions?: Condition[];
    }
  | {
      ok: false;
      error: ParseError;
      /** relations seen, so the step count stays honest */ relations: number;
      /** when known, each of those relations' steps (as many as `relations`), so each is reported at its own
       *  relation and names its unreadable side */
      steps?: UnreadStep[];
    };

/** `x, y \in \mathbb{R}`, `0 < p < 1`, `A \in \mathbb{R}^{m \times n}`, `\sigma(z) = …`, `a = …`. */
export type Declaration =
  | { kind: 'domain'; names: string[]; domain: Domain; offset: number }
  | { kind: 'function'; name: string; params: string[]; body: MathNode; offset: number }
  | { kind: 'definition'; name: string; body: MathNode; offset: number }
  | { kind: 'index'; names: string[]; offset: number }
  /** `X \sim \mathcal{N}(\mu, \sigma^2)`, `X_1, \dots, X_n \overset{iid}{\sim} …` (the family as a vector of
   *  `shape`); `law.name` is canonical (laws.ts), parameters as written. */
  | {
      kind: 'random';
      names: string[];
      law: { name: string; params: MathNode[] };
      shape?: MathNode[];
      offset: number;
    }
  /** `X \perp Y`, `X, Y \text{ independent}`: each pair of `names` is independent. */
  | { kind: 'independent'; names: string[]; offset: number };

/** A set of values: the field, optional bounds (possibly symbolic, e.g. `\{1, \dots, n\}`) and a shape. */
export interface Domain {
  field: 'real' | 'integer';
  lo?: MathNode;
  hi?: MathNode;
  loOpen: boolean;
  hiOpen: boolean;
  /** [] scalar, [n] column vector, [m, n] matrix; entries are dimension expressions. */
  shape: MathNode[];
  /** A finite set such as `\{-1, +1\}`: samples are drawn from these; `lo`/`hi` are its least and greatest. */
  values?: MathNode[];
}
