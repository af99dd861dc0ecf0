// What a block shows besides statement values: table, hist, plot and show. Each output is cut to the
// caps in limits.ts before it is built, with a note saying what was left out.
import type { ExperimentOutput } from '../../types';
import { pushOutput } from '../context';
import {
  MAX_BINS,
  MAX_PLOT_POINTS,
  MAX_PLOT_SERIES,
  MAX_TABLE_COLUMNS,
  MAX_TABLE_ROWS,
  MAX_TEXT,
  capText,
  count,
} from '../limits';
import { ExperimentError, Tensor, isArrayLike, toTensor } from '../tensor';
import { type LibFn, type LibraryEnv, intArg, isPlainObject, maxOf, minOf } from './args';

export function outputFunctions({ ctx, hooks }: LibraryEnv): Record<string, LibFn> {
  const push = (o: ExperimentOutput, notes: string[] = []): void => {
    if (notes.length > 0) o.note = notes.join('; ');
    pushOutput(ctx, o);
  };
  const header = (h: string): string => capText(h, 100);

  const table = (...args: unknown[]): undefined => {
    let columns: string[];
    let data: Tensor[];
    let totalRows: number | undefined;
    let totalColumns: number | undefined;
    const first = args[0];
    if (args.length === 1 && isPlainObject(first)) {
      columns = Object.keys(first);
      data = Object.values(first).map((v) => toTensor(v, 'table'));
    } else if (args.length === 1 && isArrayLike(first)) {
      const t = toTensor(first, 'table');
      const m = t.shape.length === 2 ? (t.shape[0] as number) : 1;
      const n = t.data.length / Math.max(1, m);
      totalColumns = n;
      // Only the rows and columns shown are copied out of the matrix.
      const shownRows = Math.min(m, MAX_TABLE_ROWS);
      totalRows = m;
      columns = Array.from({ length: Math.min(n, MAX_TABLE_COLUMNS) }, (_, j) => `c${j + 1}`);
      data = columns.map(
        (_, j) =>
          new Tensor(
            Float64Array.from({ length: shownRows }, (_, i) => t.data[i * n + j] as number),
            [shownRows],
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
    totalColumns ??= columns.length;
    columns = columns.slice(0, MAX_TABLE_COLUMNS).map(header);
    data = data.slice(0, MAX_TABLE_COLUMNS);
    const rows = totalRows ?? data.reduce((r, d) => Math.max(r, d.data.length), 0);
    const body: string[][] = [];
    for (let i = 0; i < Math.min(rows, MAX_TABLE_ROWS); i++) {
      body.push(
        data.map((d) =>
          d.data.length === 1 ? hooks.format(d.data[0]) : i < d.data.length ? hooks.format(d.data[i]) : '',
        ),
      );
    }
    const notes: string[] = [];
    if (rows > MAX_TABLE_ROWS)
      notes.push(`showing ${count(MAX_TABLE_ROWS)} of ${count(rows)} rows (truncated)`);
    if (totalColumns > MAX_TABLE_COLUMNS)
      notes.push(`showing ${count(MAX_TABLE_COLUMNS)} of ${count(totalColumns)} columns (truncated)`);
    push({ kind: 'table', line: ctx.line, columns, rows: body }, notes);
    return undefined;
  };

  const hist = (x: unknown, binsA: unknown = 20): undefined => {
    const bins = intArg(binsA, 'hist: bins', 1);
    if (bins > MAX_BINS)
      throw new ExperimentError(`hist: at most ${count(MAX_BINS)} bins, not ${count(bins)}`);
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
    if (typeof args[args.length - 1] === 'string') title = capText(args.pop() as string, 200);
    const [xA, ...ys] = args;
    if (xA === undefined || ys.length === 0)
      throw new ExperimentError('plot needs x and at least one y: plot(x, y)');
    const x = toTensor(xA, 'plot: x').data;
    const series: { label: string; y: Float64Array }[] = [];
    let totalSeries = 0;
    const add = (label: string, y: Float64Array): void => {
      totalSeries++;
      if (series.length < MAX_PLOT_SERIES) series.push({ label: header(label), y });
    };
    ys.forEach((y, k) => {
      if (isPlainObject(y)) {
        for (const [label, v] of Object.entries(y)) add(label, toTensor(v, 'plot').data);
      } else {
        const t = toTensor(y, 'plot: y');
        if (t.shape.length === 2 && t.shape[1] === x.length) {
          const [m, n] = t.shape as [number, number];
          for (let r = 0; r < m; r++) add(`y${totalSeries + 1}`, t.data.subarray(r * n, (r + 1) * n));
        } else add(ys.length === 1 ? 'y' : `y${k + 1}`, t.data);
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
    const notes: string[] = [];
    if (step > 1) notes.push(`showing ${count(out.x.length)} of ${count(x.length)} points (thinned evenly)`);
    if (totalSeries > MAX_PLOT_SERIES)
      notes.push(`showing ${count(MAX_PLOT_SERIES)} of ${count(totalSeries)} series (truncated)`);
    push(out, notes);
    return undefined;
  };

  const show = (...args: unknown[]): undefined => {
    if (args.length === 0 || args.length > 2)
      throw new ExperimentError('show takes ("label", value) or (value)');
    const [label, value] = args.length === 2 ? args : ['', args[0]];
    push({
      kind: 'show',
      line: ctx.line,
      label: capText(String(typeof label === 'string' ? label : hooks.format(label)), 200),
      text: capText(hooks.format(value), MAX_TEXT),
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
