// Shared helpers: run a block as the scanner would hand it, or evaluate statements and get the last value.
import type { ExperimentResult } from '../../../src/core/types';
import type { RunContext } from '../../../src/core/experiment/context';
import { createLanguage } from '../../../src/core/experiment/language';
import { Rng } from '../../../src/core/numeric/random';
import { type RunOptions, runExperiment } from '../../../src/core/experiment/run';
import { splitStatements } from '../../../src/core/experiment/statements';
import { Tensor, isTensor, setMemoryLimit } from '../../../src/core/experiment/tensor';

/** File line of the block's first code line in these tests (the fence is on line 9). */
export const CODE_LINE = 10;

export function run(code: string, opts: RunOptions = {}): ExperimentResult {
  return runExperiment(
    { code, codeLine: CODE_LINE, line: CODE_LINE - 1, endLine: CODE_LINE + code.split('\n').length },
    opts,
  );
}

/** Evaluates the statements with a fixed seed and returns the last statement's value. */
export function evalLast(code: string, seed = 1): unknown {
  setMemoryLimit(256);
  const ctx: RunContext = {
    rng: new Rng(seed),
    line: 1,
    outputs: [],
    checks: [],
    deadline: Infinity,
    timeoutMs: 10_000,
  };
  const lang = createLanguage(ctx);
  const scope = new Map<string, unknown>();
  let value: unknown;
  for (const st of splitStatements(code)) value = lang.evaluate(lang.parse(st.text), scope);
  return value;
}

/** The last value as a plain number array (for tensors) or number. */
export function nums(code: string, seed = 1): number[] {
  const v = evalLast(code, seed);
  if (isTensor(v)) return Array.from(v.data);
  if (typeof v === 'number') return [v];
  throw new Error(`not numeric: ${String(v)}`);
}

export function num(code: string, seed = 1): number {
  const v = evalLast(code, seed);
  if (typeof v !== 'number') throw new Error(`not a number: ${String(v)}`);
  return v;
}

export function tensor(code: string, seed = 1): Tensor {
  const v = evalLast(code, seed);
  if (!isTensor(v)) throw new Error(`not a tensor: ${String(v)}`);
  return v;
}

/** Asserts |a − b| ≤ tol elementwise. */
export function close(actual: number[] | number, expected: number[] | number, tol = 1e-9): void {
  const a = typeof actual === 'number' ? [actual] : actual;
  const e = typeof expected === 'number' ? [expected] : expected;
  if (a.length !== e.length) throw new Error(`length ${a.length} ≠ ${e.length}`);
  a.forEach((x, i) => {
    const y = e[i] as number;
    if (!(Math.abs(x - y) <= tol)) throw new Error(`element ${i}: ${x} vs ${y} (tol ${tol})`);
  });
}
