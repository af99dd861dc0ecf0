// What each TeX command means to the parser, in tables, so that the grammar in parser.ts stays readable.
import type { Token } from './tokens';
import type { Relation } from './types';
import type { VocabularyName } from './vocabulary';

/** Commands that only change spacing or style: skipped wherever they stand. */
export const spacing: ReadonlySet<string> = new Set([
  ',', ';', '!', ':', ' ', '>', 'quad', 'qquad', 'enspace', 'thinspace', 'medspace', 'thickspace',
  'negthinspace', 'negmedspace', 'negthickspace', 'displaystyle', 'textstyle', 'scriptstyle',
  'scriptscriptstyle', 'limits', 'nolimits', 'nonumber', 'notag', 'mathstrut', 'strut', 'allowbreak',
  'relax', 'hfill', 'big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'bigm', 'Bigl', 'Bigr', 'Bigm', 'biggl',
  'biggr', 'biggm', 'Biggl', 'Biggr', 'Biggm', 'middle', 'hline', 'mathop', 'mathord', 'mathbin',
]);

/** Commands skipped together with their one argument (`\hspace{1em}`, `\label{eq:1}`, `\color{red}`). */
export const spacingWithArgument: ReadonlySet<string> = new Set([
  'hspace', 'vspace', 'color', 'label', 'tag', 'phantom', 'hphantom', 'vphantom', 'mspace', 'kern', 'mkern',
]);

/** Commands whose (last) argument is the value itself: `\boxed{x}`, `\textcolor{red}{x}`. */
export const wrappers: Readonly<Record<string, number>> = {
  boxed: 1, textcolor: 2, colorbox: 2, underbrace: 1, overbrace: 1, smash: 1, mathstrut: 0, underset: 2, overset: 2,
};

/** Named functions written as commands, `\sin x`, and what they become. */
export const functionCommands: Readonly<Record<string, VocabularyName>> = {
  exp: 'exp', log: 'log', ln: 'log', lg: 'log10', sin: 'sin', cos: 'cos', tan: 'tan', tanh: 'tanh',
  sinh: 'sinh', cosh: 'cosh', arctan: 'arctan', det: 'det', max: 'max', min: 'min', sgn: 'sign',
};

/** Names inside `\operatorname{…}` (or `\mathrm{…}`, `\text{…}`) that are known functions. */
export const operatorNames: Readonly<Record<string, VocabularyName>> = {
  ...functionCommands,
  relu: 'relu', ReLU: 'relu', ReLu: 'relu', Relu: 'relu', RELU: 'relu', sigmoid: 'sigmoid', Sigmoid: 'sigmoid',
  softmax: 'softmax', Softmax: 'softmax', diag: 'diag', Diag: 'diag', tr: 'trace', Tr: 'trace', trace: 'trace',
  sign: 'sign', sgn: 'sign', floor: 'floor', ceil: 'ceil', abs: 'abs',
};

/** Probability notation: read, but not something sampling can check. */
export const probabilityNames: ReadonlySet<string> = new Set([
  'E', 'Var', 'var', 'Cov', 'cov', 'Pr', 'P', 'Bernoulli', 'Bern', 'Uniform', 'Normal', 'Ber', 'Corr', 'KL',
  'Exp', 'Poisson', 'Binomial', 'Beta', 'Gamma',
]);

/** Relations a claim can state. */
export const relationCommands: Readonly<Record<string, Relation>> = {
  ne: '\\ne', neq: '\\ne', le: '\\le', leq: '\\le', leqslant: '\\le', ge: '\\ge', geq: '\\ge', geqslant: '\\ge',
  lt: '<', gt: '>', approx: '\\approx', equiv: '=', coloneqq: '=', triangleq: '=', doteq: '=', eqqcolon: '=',
  simeq: '\\approx', thickapprox: '\\approx',
};
export const relationChars: Readonly<Record<string, Relation>> = {
  '=': '=', '<': '<', '>': '>', '≤': '\\le', '≥': '\\ge', '≠': '\\ne', '≈': '\\approx',
};

/** Relations we recognise as such but cannot check by sampling (membership, maps, orders of growth). */
export const otherRelations: ReadonlySet<string> = new Set([
  'in', 'notin', 'ni', 'subset', 'subseteq', 'supset', 'supseteq', 'to', 'mapsto', 'rightarrow', 'leftarrow',
  'gets', 'propto', 'll', 'gg', 'perp', 'parallel', 'cong', 'asymp', 'succ', 'prec', 'succeq', 'preceq',
  'models', 'vdash', 'sim', 'nsim', 'leftrightarrow', 'longrightarrow', 'longmapsto', 'sqsubseteq',
]);

/** Separators between independent claims of one block. */
export const claimSeparators: ReadonlySet<string> = new Set([
  'quad', 'qquad', 'Rightarrow', 'implies', 'iff', 'Leftrightarrow', 'Longrightarrow', 'Longleftrightarrow',
  'Leftarrow', 'impliedby', 'therefore', 'because', 'hspace', 'text', 'textrm', 'textnormal', 'mbox', 'textit',
  'textbf', 'forall', 'exists', 'land', 'lor', 'wedge', 'vee',
]);

/** Words after which the rest of a claim is a condition, not a claim of its own (`x = 1 \text{ if } y > 0`). */
export const conditionWords: ReadonlySet<string> = new Set([
  'if', 'for', 'when', 'where', 'whenever', 'with', 'since', 'as', 'because', 'given', 'unless', 's.t.',
  'such', 'iff', 'provided', 'assuming', 'on', 'at', 'in', 'whereas', 'for all', 'forall', 'except',
]);

/** Known TeX we read as such but cannot evaluate. */
export const unsupportedCommands: ReadonlySet<string> = new Set([
  'langle', 'rangle', 'otimes', 'oplus', 'circ', 'pm', 'mp', 'cup', 'cap', 'setminus', 'emptyset', 'forall',
  'exists', 'neg', 'lnot', 'land', 'lor', 'wedge', 'vee', 'int', 'iint', 'iiint', 'oint', 'lim', 'sup', 'inf',
  'limsup', 'liminf', 'argmin', 'argmax', 'arg', 'Re', 'Im', 'star', 'ast', 'bullet', 'dagger', 'ddagger',
  'cdots', 'ldots', 'dots', 'vdots', 'ddots', 'dotsb', 'dotsc', 'dotsm', 'dotsi', 'hdots', 'bigcup', 'bigcap',
  'coprod', 'bigoplus', 'bigotimes', 'aleph', 'Box', 'square', 'triangle', 'angle', 'deg', 'dim', 'ker', 'hom',
  'gcd', 'mod', 'bmod', 'pmod', 'cancel', 'xrightarrow', 'overleftarrow', 'sec', 'csc', 'cot', 'arcsin',
  'arccos', 'coth', 'oslash', 'div', 'hookrightarrow', 'uparrow', 'downarrow', 'checkmark', 'prime', 'top',
  'intercal', 'Pr', 'partial', 'nabla', 'infty', 'backslash', 'mid', 'vert', 'not', 'stackrel', 'substack',
  'choose', 'over', 'atop', 'sqcup', 'uplus', 'dotplus', 'ltimes', 'rtimes', 'diamond', 'triangleq',
  'varnothing', 'S', 'P', 'dag', 'ominus', 'odot', 'times', 'cdot', 'sum', 'prod', 'lfloor', 'rfloor', 'lceil',
  'rceil', 'leftarrow', 'mathbbm', 'unicode', 'operatorname', 'mathrm',
]);

/** True when `t` is one of the binary operators of the multiplicative level. */
export const multiplicativeCommands: ReadonlySet<string> = new Set(['cdot', 'times', 'div', 'odot', 'ast', 'circ', 'otimes', 'bullet', 'star']);

/** Does this token end a factor list (so implicit multiplication stops here)? */
export function endsFactors(t: Token): boolean {
  if (t.kind === 'eof') return true;
  if (t.kind === 'char')
    return !['(', '[', '{', '|'].includes(t.value);
  if (t.kind !== 'cmd') return false;
  return (
    t.value in relationCommands ||
    otherRelations.has(t.value) ||
    multiplicativeCommands.has(t.value) ||
    ['Rightarrow', 'implies', 'iff', 'Leftrightarrow', 'Longrightarrow', 'Longleftrightarrow', 'Leftarrow',
      'impliedby', 'therefore', 'because', 'forall', 'exists', 'land', 'lor', 'wedge', 'vee'].includes(t.value) ||
    ['right', 'end', '\\', '}', 'rVert', 'rvert', 'rfloor', 'rceil', 'rangle', 'pm', 'mp', '&', 'oplus', 'cup',
      'cap', 'setminus', 'mid', 'colon'].includes(t.value)
  );
}
