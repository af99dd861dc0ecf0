// Activations and layers of neural networks: relu, sigmoid, softmax, dropout, linearInit, conv2dParams.
import {
  ExperimentError,
  Tensor,
  alloc,
  isArrayLike,
  isTensor,
  toScalar,
  toTensor,
  zerosOf,
} from '../tensor';
import { type LibFn, type LibraryEnv, elementwise, fractionArg, holds, intArg, maxOf } from './args';

const reluScalar = elementwise('relu', (v) => (v > 0 ? v : 0));

/** relu's own loop: through the shared `map1` its callback would be one of many, and slower. */
function reluTensor(x: Tensor): Tensor {
  const src = x.data;
  const out = alloc(src.length, 'relu');
  for (let i = 0; i < src.length; i++) {
    const v = src[i] as number;
    out[i] = v > 0 ? v : 0;
  }
  return new Tensor(out, x.shape);
}

function sigmoid(v: number): number {
  if (v >= 0) return 1 / (1 + Math.exp(-v));
  const e = Math.exp(v);
  return e / (1 + e);
}

function softplus(v: number): number {
  return Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
}

export function activationFunctions({ rng }: LibraryEnv): Record<string, LibFn> {
  const dropout = (x: unknown, pArg: unknown): number | Tensor => {
    const p = fractionArg(pArg, 'dropout: p');
    // Inverted dropout: survivors are scaled by 1/(1−p) so the expectation is unchanged.
    const scale = p < 1 ? 1 / (1 - p) : 0;
    if (typeof x === 'number' || typeof x === 'boolean') return rng.nextDouble() >= p ? Number(x) * scale : 0;
    const t = toTensor(x, 'dropout');
    const out = alloc(t.data.length, 'dropout');
    rng.fillUniform(out);
    const src = t.data;
    for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) >= p ? (src[i] as number) * scale : 0;
    return new Tensor(out, t.shape);
  };

  const conv2dParams = (
    cInA: unknown,
    cOutA: unknown,
    kA: unknown,
    biasA: unknown = true,
    groupsA: unknown = 1,
  ): number => {
    let biasArg = biasA;
    let groupsArg = groupsA;
    if (typeof biasA === 'object' && biasA !== null && !isArrayLike(biasA)) {
      const o = biasA as { bias?: unknown; groups?: unknown };
      biasArg = o.bias ?? true;
      groupsArg = o.groups ?? 1;
    }
    const cIn = intArg(cInA, 'conv2dParams: input channels', 1);
    const cOut = intArg(cOutA, 'conv2dParams: output channels', 1);
    const k = typeof kA === 'number' ? [kA, kA] : Array.from(toTensor(kA, 'conv2dParams: kernel size').data);
    if (k.length !== 2)
      throw new ExperimentError('conv2dParams: the kernel size is a number or [height, width]');
    const [kh, kw] = k.map((v) => intArg(v, 'conv2dParams: kernel size', 1)) as [number, number];
    const groups = intArg(groupsArg, 'conv2dParams: groups', 1);
    if (cIn % groups !== 0 || cOut % groups !== 0) {
      throw new ExperimentError(
        `conv2dParams: groups (${groups}) must divide both channel counts (${cIn} in, ${cOut} out)`,
      );
    }
    const bias = holds(biasArg);
    return cOut * (cIn / groups) * kh * kw + (bias ? cOut : 0);
  };

  const linearInit = (nInA: unknown, nOutA: unknown): { A: Tensor; b: Tensor } => {
    const nIn = intArg(nInA, 'linearInit: nIn', 1);
    const nOut = intArg(nOutA, 'linearInit: nOut', 1);
    const bound = 1 / Math.sqrt(nIn);
    const A = zerosOf([nOut, nIn], 'linearInit');
    const b = zerosOf([nOut], 'linearInit');
    rng.fillUniform(A.data, -bound, bound);
    rng.fillUniform(b.data, -bound, bound);
    return { A, b };
  };

  const softmax = (x: unknown): Tensor => {
    const t = toTensor(x, 'softmax');
    const rows = t.shape.length === 2 ? (t.shape[0] as number) : 1;
    if (t.shape.length > 2 || t.shape.length === 0)
      throw new ExperimentError('softmax needs a vector or a matrix (row-wise)');
    const n = t.data.length / rows;
    const out = alloc(t.data.length, 'softmax');
    for (let r = 0; r < rows; r++) {
      const row = t.data.subarray(r * n, (r + 1) * n);
      const m = maxOf(row);
      let s = 0;
      for (let i = 0; i < n; i++) s += out[r * n + i] = Math.exp((row[i] as number) - m);
      for (let i = 0; i < n; i++) out[r * n + i] = (out[r * n + i] as number) / s;
    }
    return new Tensor(out, t.shape);
  };

  const lib: Record<string, LibFn> = {
    relu: (x: unknown, ...rest: unknown[]) =>
      isTensor(x) && rest.length === 0 ? reluTensor(x) : reluScalar(x, ...rest),
    leakyRelu: (x: unknown, alpha: unknown = 0.01) => {
      const a = toScalar(alpha, 'leakyRelu: alpha');
      return elementwise('leakyRelu', (v) => (v > 0 ? v : a * v))(x);
    },
    sigmoid: elementwise('sigmoid', sigmoid),
    heaviside: (x: unknown, h0: unknown = 0) => {
      const at0 = toScalar(h0, 'heaviside: value at 0');
      return elementwise('heaviside', (v) => (v > 0 ? 1 : v < 0 ? 0 : Number.isNaN(v) ? NaN : at0))(x);
    },
    softplus: elementwise('softplus', softplus),
    softmax,
    dropout,
    // layers
    linearInit,
    conv2dParams,
  };
  return lib;
}
