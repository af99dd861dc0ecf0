// Commands read only to be refused with a precise reason, and `\infty`.
import { fail } from '../errors';
import { num } from '../nodes';
import type { CommandSpec } from './registry';

export const infinity: CommandSpec = {
  names: ['infty'],
  parse: (p) => {
    p.next();
    return num(Infinity);
  },
};

export const probabilityCommands: CommandSpec = {
  names: ['Pr', 'mid', 'sim'],
  parse: (_p, t) =>
    fail(
      `\\${t.value} is probability notation, which sampling cannot check`,
      t.offset,
      'probability',
      `\\${t.value}`,
    ),
};

export const partial: CommandSpec = {
  names: ['partial'],
  parse: (_p, t) =>
    fail(`\\partial outside \\frac{\\partial …}{\\partial …}`, t.offset, 'unsupported', '\\partial'),
};

/** A closing command where an operand should stand: `\right` without `\left`, `\end` without `\begin`. */
export const closers: CommandSpec = { names: ['right', 'end'], parse: (p, t) => p.unexpectedHere(t) };
