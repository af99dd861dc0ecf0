// Random test distributions for random variables with no stated law. An identity about "any X and Y" must
// hold for every joint distribution, so it is tested on random finite ones: a few atoms with small integer
// values (repeats and negatives on purpose: they break identities that hold only for distinct or positive
// values), probabilities from small integer weights (readable in a counterexample), events taking the
// values 0 and 1. Declared independence is respected exactly: every pair not declared independent shares
// a latent source (a table of its own), each variable is a random function of its own private source and
// the sources it shares, so two variables with no source in common are independent and the others are,
// in general, dependent.
import type { Rng } from '../numeric/random';
import type { Component } from './expect';

/** A random variable without a law: its name, and whether it is an event (values 0 and 1). */
export interface Unknown {
  name: string;
  event: boolean;
  /** The values it may take, when the text declared them (`D \in \{0, 1\}`). */
  support?: readonly number[];
}

/** A drawn joint distribution: table components, and how to read each variable from an outcome. */
export interface RandomJoint {
  components: Component[];
  /** The value of variable `k` (index into the unknowns) at an outcome of the components. */
  value(k: number, point: Float64Array): number;
  /** The joint law as columns (ℙ, then each variable), identical rows merged: a counterexample table. */
  table(): Record<string, number[]>;
}

function weights(rng: Rng, k: number): number[] {
  const w = Array.from({ length: k }, () => rng.int(1, 5));
  const total = w.reduce((a, x) => a + x, 0);
  return w.map((x) => x / total);
}

function atomValue(rng: Rng, u: Unknown, points: readonly number[]): number {
  if (u.support?.length) return u.support[rng.int(0, u.support.length - 1)] as number;
  if (u.event) return rng.int(0, 1);
  // Half the atoms at the values events test (`b` in `P(B = b)`), so those events have positive mass.
  if (points.length && rng.nextDouble() < 0.5) return points[rng.int(0, points.length - 1)] as number;
  // Mostly small integers in −3…3, sometimes a half, so that products and squares stay readable.
  const v = rng.int(-3, 3);
  return rng.nextDouble() < 0.15 ? v + 0.5 : v;
}

/** A random joint law of `unknowns`; `independent(a, b)` says a pair was declared independent. */
export function randomJoint(
  unknowns: readonly Unknown[],
  independent: (a: string, b: string) => boolean,
  rng: Rng,
  /** Values the atoms should sometimes take: the constants events compare the variables with. */
  points: readonly number[] = [],
): RandomJoint {
  const n = unknowns.length;
  const components: Component[] = [];
  // Sources each variable reads: its private one, then one per dependent pair it belongs to.
  const reads: number[][] = unknowns.map(() => []);
  for (let i = 0; i < n; i++) {
    reads[i]?.push(components.length);
    components.push({ kind: 'table', probs: weights(rng, 2) });
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (independent((unknowns[i] as Unknown).name, (unknowns[j] as Unknown).name)) continue;
      reads[i]?.push(components.length);
      reads[j]?.push(components.length);
      components.push({ kind: 'table', probs: weights(rng, 3) });
    }
  }
  // Each variable's value for every combination of the sources it reads.
  const values = unknowns.map((u, k) => {
    const sizes = (reads[k] as number[]).map(
      (c) => (components[c] as { probs: readonly number[] }).probs.length,
    );
    const cells = sizes.reduce((a, s) => a * s, 1);
    return { sizes, cells: Array.from({ length: cells }, () => atomValue(rng, u, points)) };
  });
  const value = (k: number, point: Float64Array): number => {
    const v = values[k] as (typeof values)[number];
    const src = reads[k] as number[];
    let idx = 0;
    for (let i = 0; i < src.length; i++)
      idx = idx * (v.sizes[i] as number) + (point[src[i] as number] as number);
    return v.cells[idx] as number;
  };
  const table = (): Record<string, number[]> => {
    const rows = new Map<string, { p: number; xs: number[] }>();
    const d = components.length;
    const idx = new Float64Array(d);
    for (;;) {
      let p = 1;
      for (let i = 0; i < d; i++)
        p *= (components[i] as { probs: readonly number[] }).probs[idx[i] as number] as number;
      const xs = unknowns.map((_, k) => value(k, idx));
      const key = xs.join(',');
      const row = rows.get(key);
      if (row) row.p += p;
      else rows.set(key, { p, xs });
      let i = 0;
      for (; i < d; i++) {
        idx[i] = (idx[i] as number) + 1;
        if ((idx[i] as number) < (components[i] as { probs: readonly number[] }).probs.length) break;
        idx[i] = 0;
      }
      if (i === d) break;
    }
    const sorted = [...rows.values()].sort((a, b) => {
      for (let k = 0; k < a.xs.length; k++)
        if (a.xs[k] !== b.xs[k]) return (a.xs[k] as number) - (b.xs[k] as number);
      return 0;
    });
    const out: Record<string, number[]> = { ℙ: sorted.map((r) => Number(r.p.toPrecision(6))) };
    unknowns.forEach((u, k) => (out[u.name] = sorted.map((r) => r.xs[k] as number)));
    return out;
  };
  return { components, value, table };
}
