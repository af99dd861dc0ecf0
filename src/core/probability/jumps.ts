// The jumps of a piecewise-constant integrand (an event's indicator: `P(X \le x)`, `P(X \in (a, b])`).
// The adaptive Gauss–Kronrod rule can accept a panel holding a jump with an error estimate far below the
// truth (both of its rules miss the jump alike), so a probability at an arbitrary point came out 1e-9 off
// with an estimate of 1e-13. Located by bisection to machine precision and made panel ends, the jumps
// leave only smooth pieces to integrate.

/** Panels of the first scan for changes of value. */
const grid = 256;
/** Jumps located at most: an integrand changing value more often is left to the plain adaptive rule. */
const maxJumps = 16;

/**
 * The points in (lo, hi) where g steps from one constant value to another, found on a grid of `grid` panels
 * and bisected; a change that is not a step (g takes a third value inside) is no jump and is skipped.
 */
export function jumpsOf(g: (u: number) => number, lo: number, hi: number): number[] {
  const out: number[] = [];
  const h = (hi - lo) / grid;
  let a = lo;
  let ga = g(a);
  for (let i = 1; i <= grid && out.length <= maxJumps; i++) {
    const b = i === grid ? hi : lo + i * h;
    const gb = g(b);
    if (ga !== gb && Number.isFinite(ga) && Number.isFinite(gb)) {
      const at = bisect(g, a, b, ga, gb);
      if (at !== undefined) out.push(at);
    }
    a = b;
    ga = gb;
  }
  return out.length > maxJumps ? [] : out;
}

function bisect(g: (u: number) => number, a: number, b: number, ga: number, gb: number): number | undefined {
  for (let k = 0; k < 80; k++) {
    const m = 0.5 * (a + b);
    if (m <= a || m >= b) break;
    const gm = g(m);
    if (gm === ga) a = m;
    else if (gm === gb) b = m;
    else return undefined;
  }
  return 0.5 * (a + b);
}
