// The step's variables with a density and no law (densities.ts): which they are, and the random mixture
// each gets at the current sample (mixtures.ts), kept apart from the model's other test distributions.
import type { Rng } from '../numeric/random';
import { EvalUnsupported } from '../verify/value';
import type { Densities } from './densities';
import type { ScalarLaw } from './laws';
import { randomMixture, type MixturePart } from './mixtures';

export class DensityLaws {
  /** Which names are densities of which variable, and the points they are read at (`x` in
   *  `P(X \le x) = F_X(x)`, not a property of the law): read before the step is compiled. */
  densities: Densities = { uses: new Map(), points: new Set() };
  /** Capitals whose density the step uses: without a law they get random continuous laws, not finite ones. */
  variables: ReadonlySet<string> = new Set();
  private readonly drawn = new Map<string, { law: ScalarLaw; parts: MixturePart[] }>();

  use(d: Densities): void {
    this.densities = d;
    this.variables = new Set([...d.uses.values()].map((u) => u.variable));
  }

  clear(): void {
    this.drawn.clear();
  }

  /**
   * A mixture for `name`, drawn on its own, independent of the others: right only where that was declared
   * (variables with laws of their own are independent by convention). Otherwise a joint law would be
   * needed, and a dependence the test ignores could verify a false identity (Var(X + Y) = Var X + Var Y).
   */
  draw(
    name: string,
    others: Iterable<{ name: string; law?: unknown }>,
    independent: (a: string, b: string) => boolean,
    rng: Rng,
  ): ScalarLaw {
    for (const o of others) {
      if (o.name === name || o.law || independent(name, o.name)) continue;
      throw new EvalUnsupported(
        `${name} has a density here and ${o.name} no stated law: their joint law cannot be tested (declare their laws, or ${name} \\perp ${o.name})`,
      );
    }
    const m = randomMixture(rng);
    this.drawn.set(name, m);
    return m.law;
  }

  /** The mixtures drawn, as a refutation names them: `X ~ 0.5·𝒩(0, 1²) + 0.5·𝒩(2, 0.5²)`. */
  notes(): string[] {
    return [...this.drawn].map(([n, m]) => `${n} ~ ${m.law.label}`);
  }

  /** The mixtures as counterexample columns: weight, mean and standard deviation of each normal. */
  columns(): Record<string, number[]> {
    const out: Record<string, number[]> = {};
    for (const [name, { parts }] of this.drawn) {
      out[`${name}: weight`] = parts.map((c) => Number(c.weight.toPrecision(6)));
      out[`${name}: mean`] = parts.map((c) => c.mean);
      out[`${name}: sd`] = parts.map((c) => c.sd);
    }
    return out;
  }

  get size(): number {
    return this.drawn.size;
  }
}
