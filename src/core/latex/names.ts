// The tables behind canonical symbol names (see symbols.ts): Greek letters, accents, fonts.
import type { Token } from './tokens';
import { lookupTable } from '../lookup';

export const greek: Readonly<Record<string, string>> = lookupTable({
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ϵ',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  vartheta: 'ϑ',
  iota: 'ι',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  omicron: 'ο',
  pi: 'π',
  varpi: 'ϖ',
  rho: 'ρ',
  varrho: 'ϱ',
  sigma: 'σ',
  varsigma: 'ς',
  tau: 'τ',
  upsilon: 'υ',
  phi: 'ϕ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Xi: 'Ξ',
  Pi: 'Π',
  Sigma: 'Σ',
  Upsilon: 'Υ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
  ell: 'ℓ',
  hbar: 'ℏ',
  imath: 'ı',
  jmath: 'ȷ',
});

/** Accents kept in the name as a combining mark, so `\hat\theta` and `\theta` are different symbols. */
export const accents: Readonly<Record<string, string>> = lookupTable({
  hat: '\u0302',
  widehat: '\u0302',
  tilde: '\u0303',
  widetilde: '\u0303',
  bar: '\u0304',
  overline: '\u0305',
  vec: '\u20d7',
  overrightarrow: '\u20d7',
  dot: '\u0307',
  ddot: '\u0308',
  check: '\u030c',
  breve: '\u0306',
  acute: '\u0301',
  grave: '\u0300',
  underline: '\u0332',
});

type FontMap = (ch: string) => string;

function offsetFont(upper: number, lower: number, exceptions: Record<string, string> = {}): FontMap {
  return (ch) => {
    if (exceptions[ch]) return exceptions[ch];
    if (ch >= 'A' && ch <= 'Z') return String.fromCodePoint(upper + ch.charCodeAt(0) - 65);
    if (ch >= 'a' && ch <= 'z') return String.fromCodePoint(lower + ch.charCodeAt(0) - 97);
    return ch;
  };
}

const boldGreekBase = 0x1d6c2; // 𝛂 (bold small alpha); capitals start at 0x1d6a8
export function boldChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0x3b1 && cp <= 0x3c9) return String.fromCodePoint(boldGreekBase + cp - 0x3b1);
  if (cp >= 0x391 && cp <= 0x3a9) return String.fromCodePoint(0x1d6a8 + cp - 0x391);
  if (ch >= '0' && ch <= '9') return String.fromCodePoint(0x1d7ce + cp - 48);
  return offsetFont(0x1d400, 0x1d41a)(ch);
}

const script = offsetFont(0x1d49c, 0x1d4b6, {
  B: 'ℬ',
  E: 'ℰ',
  F: 'ℱ',
  H: 'ℋ',
  I: 'ℐ',
  L: 'ℒ',
  M: 'ℳ',
  R: 'ℛ',
  e: 'ℯ',
  g: 'ℊ',
  o: 'ℴ',
});
const blackboard = offsetFont(0x1d538, 0x1d552, { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' });
const fraktur = offsetFont(0x1d504, 0x1d51e, { C: 'ℭ', H: 'ℌ', I: 'ℑ', R: 'ℜ', Z: 'ℨ' });
const sans = offsetFont(0x1d5a0, 0x1d5ba);
const mono = offsetFont(0x1d670, 0x1d68a);

/** Font commands and how they change each character of a name (`\mathrm`, `\mathit` change nothing). */
export const fonts: Readonly<Record<string, FontMap>> = lookupTable({
  mathbf: boldChar,
  boldsymbol: boldChar,
  bm: boldChar,
  pmb: boldChar,
  mathbfit: boldChar,
  mathcal: script,
  mathscr: script,
  mathbb: blackboard,
  mathfrak: fraktur,
  mathsf: sans,
  mathtt: mono,
  mathrm: (c) => c,
  mathit: (c) => c,
  mathnormal: (c) => c,
  text: (c) => c,
  textrm: (c) => c,
  textit: (c) => c,
  textbf: boldChar,
  operatorname: (c) => c,
});

/** `{\bf x}`: plain-TeX font switches, read as a font on the next symbol. */
export const oldFonts: Readonly<Record<string, string>> = lookupTable({
  bf: 'mathbf',
  rm: 'mathrm',
  cal: 'mathcal',
  it: 'mathit',
  sf: 'mathsf',
  tt: 'mathtt',
  Bbb: 'mathbb',
  bold: 'mathbf',
});

/** Applies a font to every character of an already canonical name. */
export function applyFont(font: string, name: string): string {
  const map = fonts[font];
  if (!map) return name;
  let out = '';
  for (const ch of name) out += map(ch);
  return out;
}

/** Undeclared symbols read as unknown functions when applied, `f(x)`: the usual function letters. */
export const defaultFunctionNames: ReadonlySet<string> = new Set([
  'f',
  'g',
  'h',
  'σ',
  'ϕ',
  'φ',
  'ψ',
  'ℓ',
  'L',
  'ℒ',
  'F',
  'G',
]);

/** The canonical text of a run of tokens inside a subscript or a `^{(…)}` label: `\ell-1` → `ℓ-1`. */
export function tokensToName(tokens: readonly Token[]): string {
  let out = '';
  let font: string | undefined;
  let fontDepth = -1;
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'eof') break;
    if (t.kind === 'cmd') {
      if (greek[t.value]) out += font ? applyFont(font, greek[t.value] as string) : greek[t.value];
      else if (fonts[t.value] && tokens[i + 1]?.value === '{' && font === undefined) {
        font = t.value;
        fontDepth = depth;
        i++;
        depth++;
      } else if ([',', ';', '!', ':', ' ', 'quad', 'qquad'].includes(t.value)) continue;
      else if (t.value === 'prime') out += "'";
      else if (t.value === 'ast' || t.value === 'star') out += '*';
      else if (t.value === 'infty') out += '∞';
      else if (t.value === 'cdot') out += '·';
      else if (t.value === '{' || t.value === '}') out += t.value;
      else out += `\\${t.value}`;
      continue;
    }
    if (t.value === '{') {
      depth++;
      out += '{';
      continue;
    }
    if (t.value === '}') {
      depth--;
      if (font !== undefined && depth === fontDepth) {
        font = undefined;
        continue;
      }
      out += '}';
      continue;
    }
    if (font === 'text' && t.space && out !== '') out += ' ';
    out += font ? applyFont(font, t.value) : t.value;
  }
  return out;
}

/** A letter's or Greek command's canonical name. */
export function tokenName(t: Token): string {
  return t.kind === 'cmd' ? (greek[t.value] ?? `\\${t.value}`) : t.value;
}

/** Puts an accent's combining mark after the base letter, before a subscript: `\hat{x_i}` → `x̂_i`. */
export function withMark(name: string, mark: string): string {
  const m = /^(\P{M}\p{M}*)(.*)$/su.exec(name);
  return (m ? `${m[1]}${mark}${m[2]}` : `${name}${mark}`).normalize('NFC');
}
