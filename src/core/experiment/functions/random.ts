// Random draws, all from the run's seeded generator: randn, rand, uniform, normal, bernoulli, seed.
import { ExperimentError, type Tensor, toScalar, zerosOf } from '../tensor';
import { type LibFn, type LibraryEnv, fractionArg, shapeFrom } from './args';

export function randomFunctions({ rng }: LibraryEnv): Record<string, LibFn> {
  const random =
    (name: string, draw: () => number, fill: (out: Float64Array) => void) =>
    (...shapeArgs: unknown[]): number | Tensor => {
      if (shapeArgs.length === 0) return draw();
      const t = zerosOf(shapeFrom(shapeArgs, name), `${name}(…)`);
      fill(t.data);
      return t;
    };

  const lib: Record<string, LibFn> = {
    randn: random(
      'randn',
      () => rng.nextNormal(),
      (o) => rng.fillNormal(o),
    ),
    rand: random(
      'rand',
      () => rng.nextDouble(),
      (o) => rng.fillUniform(o),
    ),
    uniform: (a: unknown, b: unknown, ...shape: unknown[]) => {
      const lo = toScalar(a, 'uniform: a');
      const hi = toScalar(b, 'uniform: b');
      if (!(lo <= hi)) throw new ExperimentError(`uniform(a, b): a must not exceed b (got ${lo}, ${hi})`);
      return random(
        'uniform',
        () => rng.uniform(lo, hi),
        (o) => rng.fillUniform(o, lo, hi),
      )(...shape);
    },
    normal: (mu: unknown, sigma: unknown, ...shape: unknown[]) => {
      const m = toScalar(mu, 'normal: mean');
      const s = toScalar(sigma, 'normal: standard deviation');
      const r = random(
        'normal',
        () => m + s * rng.nextNormal(),
        (o) => {
          rng.fillNormal(o);
          for (let i = 0; i < o.length; i++) o[i] = m + s * (o[i] as number);
        },
      );
      return r(...shape);
    },
    bernoulli: (pA: unknown, ...shape: unknown[]) => {
      const p = fractionArg(pA, 'bernoulli: p');
      return random(
        'bernoulli',
        () => (rng.nextDouble() < p ? 1 : 0),
        (o) => {
          rng.fillUniform(o);
          for (let i = 0; i < o.length; i++) o[i] = (o[i] as number) < p ? 1 : 0;
        },
      )(...shape);
    },
    seed: (s: unknown) => {
      const v = toScalar(s, 'seed');
      if (!Number.isFinite(v)) throw new ExperimentError(`seed needs a finite number, not ${v}`);
      rng.reseed(v);
      return undefined;
    },
  };
  return lib;
}
