// Named functions: `\\sin x`, `\\sin^2 x`, `\\log_2 x`, `\\exp(x)`, `\\max(a, b)`, `\\det A`, and the names
// inside `\\operatorname{…}` that are known functions.
import { isCallOpen, parseCallArgs } from '../atoms';
import { fail, unexpected } from '../errors';
import { binary, fn, isConstant, type MathNode } from '../nodes';
import { isChar, isCmd, type Token } from '../tokens';
import type { VocabularyName } from '../vocabulary';
import type { CommandSpec, ParserApi } from './registry';
import { lookupTable } from '../../lookup';
import { isStack } from '../lists';

/** Named functions written as commands, `\sin x`, and what they become. */
export const functionCommands: Readonly<Record<string, VocabularyName>> = lookupTable({
  exp: 'exp',
  log: 'log',
  ln: 'log',
  lg: 'log10',
  sin: 'sin',
  cos: 'cos',
  tan: 'tan',
  tanh: 'tanh',
  sinh: 'sinh',
  cosh: 'cosh',
  arctan: 'arctan',
  det: 'det',
  max: 'max',
  min: 'min',
  sgn: 'sign',
});

/** Names inside `\operatorname{…}` (or `\mathrm{…}`, `\text{…}`) that are known functions. */
export const operatorNames: Readonly<Record<string, VocabularyName>> = lookupTable({
  ...functionCommands,
  relu: 'relu',
  ReLU: 'relu',
  ReLu: 'relu',
  Relu: 'relu',
  RELU: 'relu',
  sigmoid: 'sigmoid',
  Sigmoid: 'sigmoid',
  softmax: 'softmax',
  Softmax: 'softmax',
  diag: 'diag',
  Diag: 'diag',
  tr: 'trace',
  Tr: 'trace',
  trace: 'trace',
  sign: 'sign',
  sgn: 'sign',
  floor: 'floor',
  ceil: 'ceil',
  abs: 'abs',
});

/** Trigonometric names, whose `^{-1}` is an inverse function rather than a reciprocal. */
export const trig = new Set(['sin', 'cos', 'tan', 'tanh', 'sinh', 'cosh']);

export const functions: CommandSpec = {
  names: Object.keys(functionCommands),
  startsFunction: true,
  parse: (p, t) => {
    p.next();
    return parseFunctionApplication(p, functionCommands[t.value] as VocabularyName, t, `\\${t.value}`);
  },
};

/** `\sin x`, `\sin^2 x`, `\log_2 x`, `\exp(x)`, `\max(a, b)`, `\max\{a, b\}`, `\det A`. */
export function parseFunctionApplication(
  p: ParserApi,
  name: VocabularyName,
  t: Token,
  label: string,
): MathNode {
  let power: MathNode | undefined;
  let base: MathNode | undefined;
  for (let k = 0; k < 2; k++) {
    const u = p.peek();
    if (isChar(u, '^') && !power) {
      p.next();
      power = p.parseArgument(label);
    } else if (isChar(u, '_') && !base) {
      if (name === 'max' || name === 'min')
        fail(`${label}_{…} (an optimum over a set) is not supported`, t.offset, 'unsupported');
      if (name !== 'log') unexpected(u, `${label} takes no subscript`);
      p.next();
      if (p.peek().kind === 'num') p.splitNumber(p.pos);
      base = p.parseArgument(label);
    }
  }
  let args: MathNode[];
  const u = p.peek();
  if (isCallOpen(p)) args = parseCallArgs(p);
  else if (
    (name === 'max' || name === 'min') &&
    (isCmd(u, '{') || (isCmd(u, 'left') && isCmd(p.toks[p.pos + 1], '{')))
  ) {
    p.next();
    if (isCmd(u, 'left')) p.pos++;
    args = p.parseList(u, (c) => isCmd(c, '}') || isCmd(c, 'right'), "'\\}'");
  } else {
    if (!p.startsFactor(u)) fail(`${label} needs an argument`, t.offset);
    args = [p.parseImplicit(true)];
  }
  if (name !== 'max' && name !== 'min' && args.length !== 1)
    fail(`${label} takes one argument, not ${args.length}`, t.offset);
  // `\max\{X_1, \ldots, X_n\}` is the largest entry; `\exp(x_1, \ldots, x_n)` means nothing.
  if (name !== 'max' && name !== 'min' && isStack(args[0] as MathNode))
    fail(`${label} of a list written with an ellipsis`, t.offset, 'unsupported');
  let node: MathNode;
  if (name === 'log' && base) {
    const b = isConstant(base) ? Number(base.value) : NaN;
    node =
      b === 2
        ? fn('log2', args)
        : b === 10
          ? fn('log10', args)
          : binary('divide', fn('log', args), fn('log', [base]));
  } else node = fn(name, args);
  if (power) {
    const p = power as unknown as { fn?: string; args?: MathNode[] };
    if (trig.has(name) && p.fn === 'unaryMinus')
      fail(`${label}^{-1} (an inverse function) is not supported`, t.offset, 'unsupported');
    node = binary('pow', node, power);
  }
  return node;
}
