// What a block shows besides statement values: table, hist, plot and show.
import type { ExperimentOutput } from '../../types';
import { ExperimentError, Tensor, isArrayLike, toTensor } from '../tensor';
import { type LibFn, type LibraryEnv, intArg, isPlainObject, maxOf, minOf } from './args';

/** Largest number of points a plot sends to the preview; longer series are thinned evenly. */
const MAX_PLOT_POINTS = 2000;

export function outputFunctions({ ctx, hooks }: LibraryEnv): Record<string, LibFn> {
  const push = (o: ExperimentOutput): void => {
    ctx.outputs.push(o);
  };

  const table = (...args: unknown[]): undefined => {
    let columns: string[];
    let data: Tensor[];
    const first = args[0];
    if (args.length === 1 && isPlainObject(first)) {
      columns = Object.keys(first);
      data = Object.values(first).map((v) => toTensor(v, 'table'));
    } else if (args.length === 1 && isArrayLike(first)) {
      const t = toTensor(first, 'table');
      const m = t.shape.length === 2 ? (t.shape[0] as number) : 1;
      const n = t.data.length / Math.max(1, m);
      columns = Array.from({ length: n }, (_, j) => `c${j + 1}`);
      data = columns.map(
        (_, j) =>
          new Tensor(
            Float64Array.from({ length: m }, (_, i) => t.data[i * n + j] as number),
            [m],
          ),
      );
    } else if (Array.isArray(first) && first.every((h) => typeof h === 'string')) {
      columns = first as string[];
      data = args.slice(1).map((v) => toTensor(v, 'table'));
      if (data.length !== columns.length) {
        throw new ExperimentError(`table: ${columns.length} headers but ${data.length} columns`);
      }
    } else {
      throw new ExperimentError(
        'table takes {name: column, …}, a matrix, or ["header", …] followed by the columns',
      );
    }
    const rows = Math.max(0, ...data.map((d) => d.data.length));
    const body: string[][] = [];
    for (let i = 0; i < Math.min(rows, 1000); i++) {
      body.push(
        data.map((d) =>
          d.data.length === 1 ? hooks.format(d.data[0]) : i < d.data.length ? hooks.format(d.data[i]) : '',
        ),
      );
    }
    push({ kind: 'table', line: ctx.line, columns, rows: body });
    return undefined;
  };

  const hist = (x: unknown, binsA: unknown = 20): undefined => {
    const bins = intArg(binsA, 'hist: bins', 1);
    const v = toTensor(x, 'hist').data.filter((e) => Number.isFinite(e));
    let lo = minOf(v);
    let hi = maxOf(v);
    if (v.length === 0) {
      lo = 0;
      hi = 1;
    } else if (lo === hi) {
      lo -= 0.5;
      hi += 0.5;
    }
    const w = (hi - lo) / bins;
    const edges = Array.from({ length: bins + 1 }, (_, i) => lo + i * w);
    const counts = new Array<number>(bins).fill(0);
    for (const e of v) {
      const b = Math.min(bins - 1, Math.floor((e - lo) / w));
      counts[b] = (counts[b] as number) + 1;
    }
    push({ kind: 'hist', line: ctx.line, edges, counts });
    return undefined;
  };

  const plot = (...args: unknown[]): undefined => {
    let title: string | undefined;
    if (typeof args[args.length - 1] === 'string') title = args.pop() as string;
    const [xA, ...ys] = args;
    if (xA === undefined || ys.length === 0)
      throw new ExperimentError('plot needs x and at least one y: plot(x, y)');
    const x = toTensor(xA, 'plot: x').data;
    const series: { label: string; y: Float64Array }[] = [];
    ys.forEach((y, k) => {
      if (isPlainObject(y)) {
        for (const [label, v] of Object.entries(y)) series.push({ label, y: toTensor(v, 'plot').data });
      } else {
        const t = toTensor(y, 'plot: y');
        if (t.shape.length === 2 && t.shape[1] === x.length) {
          const [m, n] = t.shape as [number, number];
          for (let r = 0; r < m; r++)
            series.push({ label: `y${series.length + 1}`, y: t.data.subarray(r * n, (r + 1) * n) });
        } else series.push({ label: ys.length === 1 ? 'y' : `y${k + 1}`, y: t.data });
      }
    });
    for (const s of series) {
      if (s.y.length !== x.length) {
        throw new ExperimentError(`plot: x has ${x.length} points but ${s.label} has ${s.y.length}`);
      }
    }
    const step = Math.max(1, Math.ceil(x.length / MAX_PLOT_POINTS));
    const thin = (a: Float64Array): number[] => {
      const out: number[] = [];
      for (let i = 0; i < a.length; i += step) out.push(a[i] as number);
      return out;
    };
    const out: ExperimentOutput = {
      kind: 'plot',
      line: ctx.line,
      x: thin(x),
      series: series.map((s) => ({ label: s.label, y: thin(s.y) })),
    };
    if (title !== undefined) out.title = title;
    push(out);
    return undefined;
  };

  const show = (...args: unknown[]): undefined => {
    if (args.length === 0 || args.length > 2)
      throw new ExperimentError('show takes ("label", value) or (value)');
    const [label, value] = args.length === 2 ? args : ['', args[0]];
    push({
      kind: 'show',
      line: ctx.line,
      label: String(typeof label === 'string' ? label : hooks.format(label)),
      text: hooks.format(value),
    });
    return undefined;
  };

  const lib: Record<string, LibFn> = {
    table,
    hist,
    plot,
    show,
  };
  return lib;
}
