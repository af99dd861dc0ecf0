// The verifier: sampling, evaluation and judgement of one step `lhs REL rhs`.
export { verifyStep, stepBudget, stepTimeMs, type StepInput, type StepVerdict } from './step';
export { Compiler, rawFunctions, type Env, type Evaluator } from './compile';
export { compareValues, type Comparison, type Tolerance } from './compare';
export { formatValue, formatAssignment, roundReadable, toSampleValue } from './format';
export { Rng, hashString } from '../numeric/random';
export { builtins } from './functions';
