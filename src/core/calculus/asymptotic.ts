// `\approx` as an asymptotic claim: lhs − rhs must vanish faster than the smallest term the right side
// keeps. The gap is measured at ε, ε/2, ε/4, … and its order fitted from successive ratios; the claim
// holds when that order exceeds the order kept, and is refuted only when the fit is clean and does not.

export type Asymptotic =
  | { kind: 'holds'; order: number }
  | { kind: 'fails'; order: number }
  | { kind: 'unclear'; why: 'noisy' | 'not-finite' };

/** Halvings of ε measured. */
const steps = 8;

/** The order p of gap(ε) ~ C εᵖ as ε → 0⁺ (Infinity when the gap is zero to rounding), judged against
 *  `kept`, the highest power of ε the right side keeps; `scale` is the size of the sides (for rounding). */
export function checkAsymptotic(
  gap: (eps: number) => number,
  kept: number,
  scale: (eps: number) => number,
  eps0 = 0.1,
): Asymptotic {
  const gaps: number[] = [];
  const noise: number[] = [];
  for (let k = 0; k < steps; k++) {
    const e = eps0 / Math.pow(2, k);
    const g = gap(e);
    if (!Number.isFinite(g)) return { kind: 'unclear', why: 'not-finite' };
    gaps.push(Math.abs(g));
    noise.push(1e-11 * Math.max(1, Math.abs(scale(e))));
  }
  // Orders between successive measurements whose gaps stand above rounding.
  const orders: number[] = [];
  for (let k = 0; k + 1 < steps; k++) {
    const a = gaps[k] as number;
    const b = gaps[k + 1] as number;
    if (a <= (noise[k] as number) || b <= (noise[k + 1] as number)) continue;
    orders.push(Math.log2(a / b));
  }
  if (orders.length === 0) {
    // The gap is below rounding everywhere measured: zero to working precision.
    if (gaps.every((g, k) => g <= (noise[k] as number))) return { kind: 'holds', order: Infinity };
    return { kind: 'unclear', why: 'noisy' };
  }
  const tail = orders.slice(-3);
  const order = tail[tail.length - 1] as number;
  const spread = Math.max(...tail) - Math.min(...tail);
  // Once the gap sinks below rounding at small ε it vanished faster than any order seen before it.
  const sank = gaps.slice(-2).every((g, i) => g <= (noise[steps - 2 + i] as number));
  if (sank && Math.min(...orders) > kept + 0.5) return { kind: 'holds', order: Math.min(...orders) };
  if (spread > 0.3 && tail.length >= 2) {
    // A fit that wanders: only a gap that clearly fails to shrink is a refutation.
    if (Math.max(...tail) < kept + 0.5 && Math.max(...tail) < 0.2) return { kind: 'fails', order };
    return { kind: 'unclear', why: 'noisy' };
  }
  return order > kept + 0.5 ? { kind: 'holds', order } : { kind: 'fails', order };
}
