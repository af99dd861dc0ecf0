// Limits by evaluation along a sequence approaching the point, with Richardson extrapolation in the step
// (h → 0 for a finite point, h = 1/x for x → ∞). An expression that is smooth in h has an expansion
// L + c₁h + c₂h² + …, which the Neville table removes term by term; the error is the change along its
// diagonal. A sequence that does not settle (sin(1/h)), or grows without bound, gives no number.

export type Limit =
  | { ok: true; value: number; error: number }
  | { ok: false; reason: 'does-not-settle' | 'unbounded' | 'not-finite' };

/** Where the variable goes: a finite point from one side or both, or ±∞. */
export type Approach =
  | { point: number; side: 'both' | 'above' | 'below' }
  | { point: typeof Infinity | typeof Number.NEGATIVE_INFINITY };

export interface LimitOptions {
  /** Accepted relative error of the extrapolated value (default 1e-7). */
  relTol?: number;
  /** Accepted absolute error (default 1e-9). */
  absTol?: number;
}

/** How many halvings of the step are evaluated. */
const levels = 12;

/** The values along h = h0, h0/2, … at which `g(h)` is evaluated, extrapolated to h = 0. */
function extrapolate(g: (h: number) => number, h0: number, relTol: number, absTol: number): Limit {
  const ys: number[] = [];
  for (let k = 0; k < levels; k++) {
    const y = g(h0 / Math.pow(2, k));
    if (Number.isNaN(y)) return { ok: false, reason: 'not-finite' };
    ys.push(y);
  }
  const lastRaw = ys.slice(-4);
  if (lastRaw.some((y) => !Number.isFinite(y))) return { ok: false, reason: 'unbounded' };
  // Growth by a steady factor along the sequence: unbounded (1/h, n).
  const growth = lastRaw.map((y, i) =>
    i === 0 ? 1 : Math.abs(y) / Math.max(1e-300, Math.abs(lastRaw[i - 1] as number)),
  );
  if (growth.slice(1).every((r) => r > 1.2) && Math.abs(lastRaw[3] as number) > 1e3)
    return { ok: false, reason: 'unbounded' };
  // Neville–Richardson table for an expansion in integer powers of h (h halves each row).
  let best: { value: number; error: number } | undefined;
  const rows: number[][] = [];
  for (let i = 0; i < ys.length; i++) {
    const row = [ys[i] as number];
    for (let j = 1; j <= i && j <= 6; j++) {
      const f = Math.pow(2, j);
      const prev = rows[i - 1] as number[];
      const a = row[j - 1] as number;
      const b = prev[j - 1] as number;
      if (j - 1 >= prev.length) break;
      row.push(a + (a - b) / (f - 1));
    }
    rows.push(row);
    if (i >= 2) {
      const top = row[row.length - 1] as number;
      const prevRow = rows[i - 1] as number[];
      const prevTop = prevRow[prevRow.length - 1] as number;
      const error = Math.abs(top - prevTop);
      if (!best || error < best.error) best = { value: top, error };
    }
  }
  // The raw sequence also has a say: its last steps bound how far from the limit it still is.
  const rawError = Math.abs((ys[levels - 1] as number) - (ys[levels - 2] as number));
  if (best && best.error <= Math.max(absTol, relTol * Math.abs(best.value))) {
    // Extrapolation must agree with where the raw sequence is heading (not a fluke of the table).
    if (
      Math.abs(best.value - (ys[levels - 1] as number)) <=
      4 * rawError + Math.max(absTol, relTol * Math.abs(best.value))
    )
      return { ok: true, value: best.value, error: best.error };
  }
  if (rawError <= Math.max(absTol, relTol * Math.abs(ys[levels - 1] as number)) * 0.1)
    return { ok: true, value: ys[levels - 1] as number, error: rawError * 10 };
  return { ok: false, reason: 'does-not-settle' };
}

/** lim f(x) as x approaches as described. */
export function limit(f: (x: number) => number, approach: Approach, options: LimitOptions = {}): Limit {
  const relTol = options.relTol ?? 1e-7;
  const absTol = options.absTol ?? 1e-9;
  const a = approach.point;
  if (a === Infinity) return extrapolate((h) => f(1 / h), 1 / 8, relTol, absTol);
  if (a === -Infinity) return extrapolate((h) => f(-1 / h), 1 / 8, relTol, absTol);
  const side = 'side' in approach ? approach.side : 'both';
  const h0 = 0.25 * Math.max(1, Math.abs(a));
  const above = side === 'below' ? undefined : extrapolate((h) => f(a + h), h0, relTol, absTol);
  const below = side === 'above' ? undefined : extrapolate((h) => f(a - h), h0, relTol, absTol);
  if (!above) return below as Limit;
  if (!below) return above;
  if (!above.ok) return above;
  if (!below.ok) return below;
  // Both sides must meet.
  const tol = Math.max(absTol, relTol * Math.abs(above.value)) + above.error + below.error;
  if (Math.abs(above.value - below.value) > tol) return { ok: false, reason: 'does-not-settle' };
  return { ok: true, value: (above.value + below.value) / 2, error: Math.max(above.error, below.error) };
}
