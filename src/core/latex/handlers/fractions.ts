// `\\frac{a}{b}` (and `\\dfrac`, `\\tfrac`, `\\cfrac`): a quotient, or a Leibniz derivative.
import { binary } from '../nodes';
import { isDerivativeAhead, parseDerivative } from './derivatives';
import type { CommandSpec } from './registry';

export const fractions: CommandSpec = {
  names: ['frac', 'dfrac', 'tfrac', 'cfrac'],
  parse: (p, t) => {
    p.next();
    if (isDerivativeAhead(p)) return parseDerivative(p, t);
    const a = p.parseArgument(`\\${t.value}`);
    const b = p.parseArgument(`\\${t.value}`);
    return binary('divide', a, b);
  },
};
