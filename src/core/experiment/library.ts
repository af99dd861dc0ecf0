// The functions experiments call by name, one module per category under `functions/`. Each takes what
// the language hands it (numbers, booleans, tensors, mathjs matrices, strings, functions, plain objects),
// converts at the boundary and returns numbers or tensors. Randomness comes only from the run's seeded
// generator.
import type { RunContext } from './context';
import { activationFunctions } from './functions/activations';
import { type LibFn, type LibraryHooks, holds } from './functions/args';
import { arrayFunctions } from './functions/arrays';
import { calculusFunctions } from './functions/calculus';
import { linearAlgebraFunctions } from './functions/linearAlgebra';
import { outputFunctions } from './functions/output';
import { randomFunctions } from './functions/random';
import { statisticsFunctions } from './functions/statistics';

export { holds, type LibFn, type LibraryHooks };

/** Builds the library bound to one run. */
export function createLibrary(ctx: RunContext, hooks: LibraryHooks): Record<string, LibFn> {
  const env = { ctx, rng: ctx.rng, hooks };
  return {
    ...randomFunctions(env),
    ...activationFunctions(env),
    ...calculusFunctions(env),
    ...statisticsFunctions(env),
    ...outputFunctions(env),
    ...arrayFunctions(env),
    ...linearAlgebraFunctions(env),
  };
}
