// Runtime values of the evaluator. Plain numbers for scalars, a small dense matrix for vectors (n×1
// columns) and matrices, and a lazily sized identity: `I` takes the size of whatever it meets, which is
// how "the identity of the size the context needs" is settled without a separate shape pass.
import type { ReasonCode } from '../types';

/** A dense row-major matrix; vectors are n×1 columns, transposed vectors 1×n rows. */
export class Mat {
  constructor(
    readonly rows: number,
    readonly cols: number,
    readonly data: Float64Array,
  ) {}

  static zeros(rows: number, cols: number): Mat {
    return new Mat(rows, cols, new Float64Array(rows * cols));
  }

  static identity(n: number, c = 1): Mat {
    const m = Mat.zeros(n, n);
    for (let i = 0; i < n; i++) m.data[i * n + i] = c;
    return m;
  }

  /** From rows of numbers (a vector is given as one-element rows). */
  static fromRows(rows: number[][]): Mat {
    const r = rows.length;
    const c = rows[0]?.length ?? 0;
    const m = Mat.zeros(r, c);
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) m.data[i * c + j] = rows[i]?.[j] ?? NaN;
    return m;
  }

  get(i: number, j: number): number {
    return this.data[i * this.cols + j] as number;
  }

  map(f: (x: number) => number): Mat {
    const out = new Float64Array(this.data.length);
    for (let k = 0; k < out.length; k++) out[k] = f(this.data[k] as number);
    return new Mat(this.rows, this.cols, out);
  }

  get isVector(): boolean {
    return this.cols === 1;
  }

  toRows(): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < this.rows; i++)
      out.push(Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols)));
    return out;
  }
}

/** c·I of a size not yet known. */
export class Eye {
  constructor(readonly c: number) {}
}

export type Value = number | Mat | Eye;

/** A sample at which a side is undefined (division by zero, log of a negative, singular inverse…): redraw. */
export class InvalidSample extends Error {}

/** Operands whose shapes do not fit: the expression is ill-formed for these sizes. */
export class ShapeError extends Error {}

/** Notation we read but cannot evaluate (an undeclared function, a construct outside the evaluator); the
 *  reason code and the name it is about travel with it, so no one reads the message back. */
export class EvalUnsupported extends Error {
  constructor(
    message: string,
    readonly reason: ReasonCode = 'unsupported-notation',
    readonly subject?: string,
  ) {
    super(message);
  }
}

/** The work budget of a step ran out (a sum with a huge bound, a deep derivative). */
export class BudgetExceeded extends Error {}
