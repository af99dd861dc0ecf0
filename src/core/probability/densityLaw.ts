// The law of a random variable the text gives by its density ("the random variable with density
// $p(x) = \begin{cases} 1 & x \in [0, 1] \\ 0 & \text{otherwise} \end{cases}$"): later steps about its mean
// and variance use it. The function must be a density, checked numerically at each parameter point (it
// integrates to 1 over the line and is never negative), or the step says why it is not one. Expectations go
// through the adaptive rule on (−1, 1) with x = u / (1 − u²), which reaches both tails.
import { integrate } from '../calculus/quadrature';
import type { Rng } from '../numeric/random';
import { EvalUnsupported } from '../verify/value';
import type { ScalarLaw } from './laws';

const fmt = (x: number): string => String(Number(x.toPrecision(6)));
/** Points of the non-negativity check and of the table the Monte Carlo fallback samples from. */
const grid = 2001;
const toLine = (u: number): number => u / (1 - u * u);

/** The law with density `pdf` (named `name` in messages); throws EvalUnsupported when it is no density. */
export function densityLaw(pdf: (x: number) => number, name: string): ScalarLaw {
  const total = integrate(pdf, -Infinity, Infinity);
  if (!total.ok)
    throw new EvalUnsupported(`${name} could not be integrated over the line, so it is no density`);
  if (!(Math.abs(total.value - 1) <= 1e-6))
    throw new EvalUnsupported(
      `${name} is not a density: its integral over the line is ${fmt(total.value)}, not 1`,
    );
  // The cumulative mass on a grid of u, for the sampler; a negative value refutes the density.
  const us = new Float64Array(grid);
  const cdf = new Float64Array(grid);
  let acc = 0;
  let previous = 0;
  for (let k = 0; k < grid; k++) {
    const u = -1 + (2 * (k + 0.5)) / grid;
    const x = toLine(u);
    const v = pdf(x);
    if (v < 0) throw new EvalUnsupported(`${name} is not a density: it is negative at x = ${fmt(x)}`);
    const w = v * ((1 + u * u) / (1 - u * u) ** 2);
    acc += k === 0 ? 0 : (0.5 * (w + previous) * 2) / grid;
    previous = w;
    us[k] = u;
    cdf[k] = acc;
  }
  const first = integrate((x) => x * pdf(x), -Infinity, Infinity);
  const mean = first.ok ? first.value : undefined;
  const second =
    mean === undefined ? undefined : integrate((x) => (x - mean) ** 2 * pdf(x), -Infinity, Infinity);
  return {
    label: `the density ${name}`,
    kind: 'continuous',
    mean,
    variance: second?.ok ? second.value : undefined,
    heavyTails: mean === undefined,
    pdf,
    range: {
      lo: -1,
      hi: 1,
      point: toLine,
      weight: (u) => {
        const d = 1 - u * u;
        return d <= 0 ? 0 : (pdf(u / d) * (1 + u * u)) / (d * d);
      },
    },
    // Only the Monte Carlo fallback and the outcome of a variable met outside any expectation use it.
    sample: (rng: Rng) => {
      const target = rng.nextDouble() * acc;
      let lo = 0;
      let hi = grid - 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if ((cdf[mid] as number) < target) lo = mid;
        else hi = mid;
      }
      return toLine(us[hi] as number);
    },
  };
}
