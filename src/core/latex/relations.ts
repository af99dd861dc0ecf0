// Every relation the parser knows, in one place: the relations a claim can state (as commands and as
// characters), the relations it recognises but cannot check by sampling, their mathjs comparison operators
// inside conditions, and how each reads in a message.
import type { BinaryOp } from './nodes';
import type { Token } from './tokens';
import type { Relation } from './types';

/** Relations a claim can state. */
export const relationCommands: Readonly<Record<string, Relation>> = {
  ne: '\\ne',
  neq: '\\ne',
  le: '\\le',
  leq: '\\le',
  leqslant: '\\le',
  ge: '\\ge',
  geq: '\\ge',
  geqslant: '\\ge',
  lt: '<',
  gt: '>',
  approx: '\\approx',
  equiv: '=',
  coloneqq: '=',
  triangleq: '=',
  doteq: '=',
  eqqcolon: '=',
  simeq: '\\approx',
  thickapprox: '\\approx',
};

/** Relations written as one character. */
export const relationChars: Readonly<Record<string, Relation>> = {
  '=': '=',
  '<': '<',
  '>': '>',
  '≤': '\\le',
  '≥': '\\ge',
  '≠': '\\ne',
  '≈': '\\approx',
};

/** Relations we recognise as such but cannot check by sampling (membership, maps, orders of growth). */
export const otherRelations: ReadonlySet<string> = new Set([
  'in',
  'notin',
  'ni',
  'subset',
  'subseteq',
  'supset',
  'supseteq',
  'to',
  'mapsto',
  'rightarrow',
  'leftarrow',
  'gets',
  'propto',
  'll',
  'gg',
  'perp',
  'parallel',
  'cong',
  'asymp',
  'succ',
  'prec',
  'succeq',
  'preceq',
  'models',
  'vdash',
  'sim',
  'nsim',
  'leftrightarrow',
  'longrightarrow',
  'longmapsto',
  'sqsubseteq',
  'lesssim',
  'gtrsim',
  'lessapprox',
  'gtrapprox',
  'preccurlyeq',
  'succcurlyeq',
  'nleq',
  'ngeq',
  'nless',
  'ngtr',
  'subsetneq',
  'supsetneq',
]);

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
