// Tables and small helpers of the LaTeX parser: text and word commands, environments, fonts, comparison
// operators, the relation a token stands for, and how tokens are named in messages.
import { relationChars, relationCommands, textCommands } from './commands';
import { greek } from './names';
import type { BinaryOp, MathNode } from './nodes';
import type { Token } from './tokens';
import type { Relation } from './types';

/** Deepest nesting of groups the parser follows before it reports an error (the stack stays small). */
export const maxNesting = 100;

/** A symbol read by the parser, with the bound indices of its subscripts. */
export interface Atom {
  /** The symbol's canonical name. */
  name: string;
  /** Subscripts that hold a bound index: `x_i` inside `\sum_i` reads as entry(x, i). */
  indices?: MathNode[];
}

/** Commands that may hold a multi-letter name (`\operatorname{softmax}`, `\mathrm{ReLU}`). */
export const wordCommands = new Set([
  ...textCommands,
  'operatorname',
  'mathrm',
  'mathit',
  'mathsf',
  'mathtt',
  'mathbf',
]);
/** Layout environments (align, gathered …): the block splitter removes them; inside an expression they are errors. */
export const layoutEnvironments = new Set([
  'align',
  'align*',
  'aligned',
  'gather',
  'gather*',
  'gathered',
  'split',
  'eqnarray',
  'eqnarray*',
  'equation',
  'equation*',
  'multline',
  'multline*',
  'alignat',
  'alignat*',
  'alignedat',
  'flalign',
  'flalign*',
  'displaymath',
]);
/** Environments read as matrices (`vmatrix` as a determinant, `Vmatrix` as a norm). */
export const matrixEnvironments = new Set([
  'matrix',
  'bmatrix',
  'pmatrix',
  'Bmatrix',
  'vmatrix',
  'Vmatrix',
  'smallmatrix',
  'array',
]);
/** `{\bf x}`: plain-TeX font switches, read as a font on the next symbol. */
export const oldFonts: Readonly<Record<string, string>> = {
  bf: 'mathbf',
  rm: 'mathrm',
  cal: 'mathcal',
  it: 'mathit',
  sf: 'mathsf',
  tt: 'mathtt',
  Bbb: 'mathbb',
  bold: 'mathbf',
};
/** Fonts that make a letter a vector or matrix name (𝐱). */
export const boldFonts = new Set(['mathbf', 'boldsymbol', 'bm', 'pmb']);
/** Trigonometric names, whose `^{-1}` is an inverse function rather than a reciprocal. */
export const trig = new Set(['sin', 'cos', 'tan', 'tanh', 'sinh', 'cosh']);

/** mathjs operators of the relations inside cases and indicators. */
export const comparison: Partial<Record<Relation, BinaryOp>> = {
  '=': 'equal',
  '\\ne': 'unequal',
  '<': 'smaller',
  '\\le': 'smallerEq',
  '>': 'larger',
  '\\ge': 'largerEq',
};

/** Each relation as one character, for messages. */
export const relationSymbols: Readonly<Record<Relation, string>> = {
  '=': '=',
  '\\ne': '≠',
  '<': '<',
  '\\le': '≤',
  '>': '>',
  '\\ge': '≥',
  '\\approx': '≈',
};

/** The relation a token stands for, if any. */
export function relationOf(t: Token | undefined): Relation | undefined {
  if (!t) return undefined;
  if (t.kind === 'cmd') return relationCommands[t.value];
  if (t.kind === 'char') return relationChars[t.value];
  return undefined;
}

/** A delimiter token as written, for messages. */
export function describeDelimiter(t: Token | undefined): string {
  if (!t) return '';
  return t.kind === 'cmd' ? `\\${t.value}` : t.value;
}

/** A letter's or Greek command's canonical name. */
export function tokenName(t: Token): string {
  return t.kind === 'cmd' ? (greek[t.value] ?? `\\${t.value}`) : t.value;
}

/** Puts an accent's combining mark after the base letter, before a subscript: `\hat{x_i}` → `x̂_i`. */
export function withMark(name: string, mark: string): string {
  const m = /^(\P{M}\p{M}*)(.*)$/su.exec(name);
  return (m ? `${m[1]}${mark}${m[2]}` : `${name}${mark}`).normalize('NFC');
}
