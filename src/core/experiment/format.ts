// Short text for values shown next to statements and in `show`: numbers with six significant digits,
// small arrays in full, large ones by size and a few elements, so a 1e6-sample vector stays one line.
import { MAX_TEXT, capText } from './limits';
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

/** Renders any value an experiment statement can produce, in at most about `max` characters: nested
 * objects and arrays are walked only as far as the text has room for, whatever their size. */
export function formatValue(v: unknown, max = MAX_TEXT): string {
  const text = render(v, max);
  return text.length > max ? capText(text, max) : text;
}

function render(v: unknown, room: number): string {
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > room ? v.slice(0, room + 1) : v);
  if (v === undefined || v === null) return '';
  if (isTensor(v)) return tensorText(v);
  if (typeof v === 'function') return 'function';
  if (Array.isArray(v)) return list('[', ']', ',', v, (x, left) => render(x, left), room);
  if (typeof v === 'object') {
    const m = v as { isMatrix?: boolean; valueOf(): unknown };
    if (m.isMatrix) return render(m.valueOf(), room);
    if (Object.getPrototypeOf(v) === Object.prototype) {
      const keys = Object.keys(v);
      const at = v as Record<string, unknown>;
      return list('{', '}', ', ', keys, (k, left) => `${k}: ${render(at[k], left)}`, room);
    }
  }
  return 'a value';
}

/** Items joined by `sep` until the text passes `room` characters; then "…". Each item gets the room
 * left, so the text stays within about `room` at any depth. */
function list<T>(
  open: string,
  close: string,
  sep: string,
  items: readonly T[],
  item: (x: T, left: number) => string,
  room: number,
): string {
  let text = open;
  for (let i = 0; i < items.length; i++) {
    if (text.length > room) return `${text}…${close}`;
    text += (i > 0 ? sep : '') + item(items[i] as T, room - text.length);
  }
  return text + close;
}
