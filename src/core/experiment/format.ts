// Short text for values shown next to statements and in `show`: numbers with six significant digits,
// small arrays in full, large ones by size and a few elements, so a 1e6-sample vector stays one line.
import { isTensor, type Tensor } from './tensor';

/** A number with up to six significant digits (integers exactly). */
export function formatNumber(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  if (!Number.isFinite(v)) return String(v);
  const s = v.toPrecision(6);
  if (s.includes('e')) return s.replace(/\.?0+e/, 'e');
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

function vectorText(d: Float64Array | number[], max = 10): string {
  if (d.length <= max) return `[${Array.from(d, formatNumber).join(', ')}]`;
  const head = Array.from(d.slice(0, 3), formatNumber);
  const tail = Array.from(d.slice(d.length - 2), formatNumber);
  return `[${head.join(', ')}, …, ${tail.join(', ')}]`;
}

function tensorText(t: Tensor): string {
  const s = t.shape;
  if (s.length === 0) return formatNumber(t.data[0] as number);
  if (s.length === 1) {
    const n = s[0] as number;
    return n <= 10 ? vectorText(t.data) : `${vectorText(t.data)} (${n} values)`;
  }
  if (s.length === 2) {
    const [m, n] = s as [number, number];
    if (m <= 6 && n <= 8) {
      const rows: string[] = [];
      for (let i = 0; i < m; i++) rows.push(vectorText(t.data.subarray(i * n, (i + 1) * n)));
      return `[${rows.join(', ')}]`;
    }
    return `${m}×${n} matrix [${vectorText(t.data.subarray(0, n), 4)}, …]`;
  }
  return `${s.join('×')} array`;
}

/** Renders any value an experiment statement can produce. */
export function formatValue(v: unknown): string {
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined || v === null) return '';
  if (isTensor(v)) return tensorText(v);
  if (typeof v === 'function') return 'function';
  if (Array.isArray(v)) return JSON.stringify(v);
  if (typeof v === 'object') {
    const m = v as { isMatrix?: boolean; valueOf(): unknown };
    if (m.isMatrix) return JSON.stringify(m.valueOf());
    if (Object.getPrototypeOf(v) === Object.prototype) {
      const parts = Object.entries(v).map(([k, x]) => `${k}: ${formatValue(x)}`);
      return `{${parts.join(', ')}}`;
    }
  }
  return String(v);
}
