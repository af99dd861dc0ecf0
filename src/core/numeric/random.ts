// The seeded generator of both the verifier (sample points) and the experiment runtime (`rand`, `randn`):
// one stream definition, so that "same seed, same numbers" means one thing in the whole core and a
// reproducible counterexample or experiment result is the same on every run and machine. sfc32 (Chris
// Doty-Humphrey's small fast counter generator) passes PractRand, needs only 32-bit integer ops (fast in
// V8, unlike 64-bit BigInt), and is tiny. Doubles take 53 random bits from two outputs so that the tails
// of uniform and normal draws are not coarse.

/** 32-bit FNV-1a hash of a text (continuing from `seed`): seeds a block from its own source. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const TWO_POW_M53 = 1 / 9007199254740992;

/** A seeded stream of uniform and normal numbers. */
export class Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  /** Box–Muller makes two normals at a time; the second waits here. */
  private spare = NaN;

  /** A stream seeded with `seed` (see `reseed`). */
  constructor(seed: number) {
    this.reseed(seed);
  }

  /** Restarts the stream; any finite number is a valid seed (its bits are mixed in). */
  reseed(seed: number): void {
    const lo = Math.floor(seed) >>> 0;
    const hi = Math.floor(seed / 4294967296) >>> 0;
    this.a = 0x9e3779b9;
    this.b = lo;
    this.c = hi ^ 0x243f6a88;
    this.d = 1;
    this.spare = NaN;
    // Warm up so that nearby seeds give unrelated streams.
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  /** The next raw 32-bit output, in [0, 2^32). */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform on [0, 1) with 53 random bits. */
  nextDouble(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) * TWO_POW_M53;
  }

  /** Uniform on [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.nextDouble();
  }

  /** Uniform integer in [lo, hi], both ends included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.nextDouble() * (hi - lo + 1));
  }

  /** Standard normal (Box–Muller). */
  nextNormal(): number {
    if (!Number.isNaN(this.spare)) {
      const s = this.spare;
      this.spare = NaN;
      return s;
    }
    let u = this.nextDouble();
    while (u === 0) u = this.nextDouble();
    const r = Math.sqrt(-2 * Math.log(u));
    const th = 2 * Math.PI * this.nextDouble();
    this.spare = r * Math.sin(th);
    return r * Math.cos(th);
  }

  /** Fills with U(lo, hi). The generator is inlined: a method call per number costs a third more. */
  fillUniform(out: Float64Array, lo = 0, hi = 1): void {
    let { a, b, c, d } = this;
    const w = hi - lo;
    for (let i = 0; i < out.length; i++) {
      let t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      const h = t >>> 5;
      t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      out[i] = lo + w * ((h * 67108864 + (t >>> 6)) * TWO_POW_M53);
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  /** Fills with N(0, 1): the same numbers, in order, as as many `nextNormal` calls. */
  fillNormal(out: Float64Array): void {
    const n = out.length;
    let i = 0;
    if (n > 0 && !Number.isNaN(this.spare)) {
      out[i++] = this.spare;
      this.spare = NaN;
    }
    // Box–Muller written out again rather than two `nextNormal` calls a pair: measured 15% faster.
    for (; i + 1 < n; i += 2) {
      let u = this.nextDouble();
      while (u === 0) u = this.nextDouble();
      const r = Math.sqrt(-2 * Math.log(u));
      const th = 2 * Math.PI * this.nextDouble();
      out[i] = r * Math.cos(th);
      out[i + 1] = r * Math.sin(th);
    }
    if (i < n) out[i] = this.nextNormal();
  }
}
