// Layout environments (align, gathered …): the block splitter removes them around claims; inside an
// expression they are refused.
import { fail } from '../errors';
import type { EnvironmentSpec } from './registry';

export const layoutEnvironments: ReadonlySet<string> = new Set([
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

export const layout: EnvironmentSpec = {
  names: layoutEnvironments,
  parse: (_p, t, env) => fail(`\\begin{${env}} inside an expression`, t.offset, 'unsupported'),
};
