// The registration list: every command and environment the parser reads. The order is the priority when
// several handlers take one name (see registry.ts for how to add one).
import { bigOperators } from './bigOperators';
import { cases } from './cases';
import { delimiters } from './delimiters';
import { newtonDots, partialSubscript } from './derivatives';
import { fractions } from './fractions';
import { functions } from './functions';
import { indicator } from './indicator';
import { integral } from './integral';
import { limit } from './limit';
import { layout } from './layout';
import { matrices } from './matrices';
import { nabla } from './nabla';
import { prCommand, probabilityOperators } from './probability';
import { closers, infinity, partial, probabilityCommands } from './refusals';
import { type CommandSpec, type EnvironmentSpec, Registry } from './registry';
import { binom, sqrt } from './roots';
import { symbols } from './symbols';
import { operatorName, words } from './words';
import { wrapperCommands } from './wrappers';

export const commandSpecs: readonly CommandSpec[] = [
  probabilityOperators,
  prCommand,
  indicator,
  operatorName,
  words,
  newtonDots,
  symbols,
  functions,
  wrapperCommands,
  ...delimiters,
  fractions,
  sqrt,
  binom,
  bigOperators,
  integral,
  limit,
  nabla,
  infinity,
  probabilityCommands,
  partialSubscript,
  partial,
  closers,
];

export const environmentSpecs: readonly EnvironmentSpec[] = [cases, matrices, layout];

export const registry = new Registry(commandSpecs, environmentSpecs);
