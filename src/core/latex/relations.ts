// Every relation the parser knows, in one place: the relations a claim can state (as commands and as
// characters), the relations it recognises but cannot check by sampling, their mathjs comparison operators
// inside conditions, and how each reads in a message.
import type { BinaryOp } from './nodes';
import type { Token } from './tokens';
import type { Relation } from './types';
import { lookupTable } from '../lookup';

/** Relations a claim can state. */
export const relationCommands: Readonly<Record<string, Relation>> = lookupTable({
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
});

/** Relations written as one character. */
export const relationChars: Readonly<Record<string, Relation>> = lookupTable({
  '=': '=',
  '<': '<',
  '>': '>',
  '≤': '\\le',
  '≥': '\\ge',
  '≠': '\\ne',
  '≈': '\\approx',
});

/** Relations that state a claim Stepwise does not judge (orders of growth, congruence, inclusion, negated
 *  orders …): each is a step of its own, reported unverifiable with the code `unsupported-relation`, so a
 *  block never shows ✓ while holding a claim nobody checked. */
export const unjudgedRelations: ReadonlySet<string> = new Set([
  'propto',
  'll',
  'gg',
  'lll',
  'ggg',
  'perp',
  'parallel',
  'cong',
  'ncong',
  'asymp',
  'succ',
  'prec',
  'succeq',
  'preceq',
  'preccurlyeq',
  'succcurlyeq',
  'models',
  'vdash',
  'subset',
  'subseteq',
  'supset',
  'supseteq',
  'subsetneq',
  'supsetneq',
  'sqsubseteq',
  'lesssim',
  'gtrsim',
  'lessapprox',
  'gtrapprox',
  'approxeq',
  'eqsim',
  'backsim',
  'leqq',
  'geqq',
  'lneq',
  'gneq',
  'lneqq',
  'gneqq',
  'nleq',
  'ngeq',
  'nleqslant',
  'ngeqslant',
  'nless',
  'ngtr',
]);

/** The same relations written as one character. */
export const unjudgedRelationChars: ReadonlySet<string> = new Set([
  '≪',
  '≫',
  '≅',
  '∝',
  '≲',
  '≳',
  '⊂',
  '⊆',
  '⊃',
  '⊇',
  '≰',
  '≱',
  '≮',
  '≯',
]);

/** A relation Stepwise does not judge, if `t` is one. */
export function isUnjudgedRelation(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.kind === 'cmd') return unjudgedRelations.has(t.value);
  return t.kind === 'char' && unjudgedRelationChars.has(t.value);
}

/** Relations we recognise as such but cannot check by sampling: membership, maps and distributions, which
 *  qualify or declare rather than claim (a piece holding one is not read), and the unjudged relations. */
export const otherRelations: ReadonlySet<string> = new Set([
  'in',
  'notin',
  'ni',
  'to',
  'mapsto',
  'rightarrow',
  'leftarrow',
  'gets',
  'sim',
  'nsim',
  'leftrightarrow',
  'longrightarrow',
  'longmapsto',
  ...unjudgedRelations,
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
