// Symbols and their names: letters with subscripts, primes and accents, function applications `f(x)`,
// bound indices `x_i` and the head of a claim `p(x) = …`. Functions of the parser's cursor, shared by the
// precedence levels and the command handlers.
import { familyApplication, isFamilyLetter, isNumberedDerivative, numberedDerivative } from './families';
import { plainOperator } from './handlers/probability';
import { fail, unexpected } from './errors';
import { skipArgument } from './macros';
import { binary, fn, isSymbol, num, sym, type MathNode } from './nodes';
import { isChar, isCmd, type Token } from './tokens';
import {
  accents,
  applyFont,
  defaultFunctionNames,
  fonts,
  greek,
  oldFonts,
  tokenName,
  tokensToName,
  withMark,
} from './names';
import type { ParserApi } from './handlers/api';

/** A symbol read by the parser, with the bound indices of its subscripts. */
export interface Atom {
  /** The symbol's canonical name. */
  name: string;
  /** Subscripts that hold a bound index: `x_i` inside `\sum_i` reads as entry(x, i). */
  indices?: MathNode[];
  /** With `indices`: the name the text would have with no index bound (`f_i`, `l^{(i)}`), to tell a family
   *  `f_i(x)` from a function declared under that very name. */
  literal?: string;
  /** With `indices`: they came from a `^{(i)}` label, which on f and g is the order of a derivative. */
  label?: boolean;
}

/** Can a symbol start at `t`: a letter, a Greek letter, an accent or a font command? */
function startsSymbol(t: Token): boolean {
  return (
    t.kind === 'letter' || (t.kind === 'cmd' && !!(greek[t.value] || accents[t.value] || fonts[t.value]))
  );
}

/** Reads one symbol (for canonical names and declarations); undefined when the input is not exactly one. */
export function readWholeSymbol(p: ParserApi): Atom | undefined {
  if (!startsSymbol(p.peek())) return undefined;
  const atom = readSymbolAtom(p);
  return p.peek().kind === 'eof' ? atom : undefined;
}

/** The name `p` when the input is exactly `p(x)` or `c_i(\mathbf{x}, y)`: an application to symbols. */
export function readApplicationHead(p: ParserApi): string | undefined {
  if (!startsSymbol(p.peek())) return undefined;
  const atom = readSymbolAtom(p);
  if (atom.indices || !isCallOpen(p) || isNumberedDerivative(atom.name)) return undefined;
  const args = parseCallArgs(p);
  if (!args.every((a) => isSymbol(a)) || p.peek().kind !== 'eof') return undefined;
  return atom.name;
}

/** Is a parenthesised argument list next: `(`, `\left(`? */
export function isCallOpen(p: ParserApi): boolean {
  const t = p.peek();
  return isChar(t, '(') || (isCmd(t, 'left') && isChar(p.toks[p.pos + 1], '('));
}

export function parseCallArgs(p: ParserApi): MathNode[] {
  const t = p.next();
  if (isCmd(t, 'left')) {
    p.pos++;
    return p.parseList(t, (u) => isCmd(u, 'right'), '\\right)');
  }
  return p.parseList(t, (u) => isChar(u, ')'), "')'");
}

/** Is `name` applied as a function in `name(…)`: declared so, or an undeclared f, g, h, σ, φ, ψ, ℓ, L? */
export function isFunctionName(p: ParserApi, name: string): boolean {
  const kind = p.ctx.kindOf(name);
  if (kind !== undefined) return kind === 'function';
  const base = /^[^_^*']+/.exec(name)?.[0] ?? name;
  return defaultFunctionNames.has(base);
}

/** Is `x'` another point named x-prime rather than a transpose? Transposing a scalar changes nothing, so
 *  for a symbol not declared a vector or matrix, and not written as a capital (the matrix convention),
 *  the prime makes a new name. Functions keep their primes for derivatives, `f'(x)`. */
export function primeNamesPoint(p: ParserApi, name: string): boolean {
  const kind = p.ctx.kindOf(name);
  if (kind === 'matrix' || kind === 'vector' || isFunctionName(p, name)) return false;
  return !/^[A-Z\u{1D400}-\u{1D419}]/u.test(name);
}

export function isIndexName(p: ParserApi, name: string): boolean {
  return p.bound.includes(name) || p.ctx.kindOf(name) === 'index';
}

export function symbolNode(p: ParserApi, name: string): MathNode {
  const kind = p.ctx.kindOf(name);
  if (kind === undefined) {
    if (name === 'π') return num(Math.PI);
    if (name === 'e') {
      const n = num(Math.E);
      p.euler.add(n);
      return n;
    }
    if (name === '𝟎') return num(0);
    if (name === '𝐈') return sym('I');
  }
  return sym(name);
}

/** A symbol, or the application `f(x)` / `σ'(z)` of a function symbol. */
export function parseSymbolOrCall(p: ParserApi): MathNode {
  const start = p.peek();
  // `E[X]`, `E_X[f(X)]`, `P(A)` of an undeclared E or P: the probability operators.
  const operator = plainOperator(p);
  if (operator) return operator;
  const atom = readSymbolAtom(p);
  if (atom.indices) {
    const applied = isCallOpen(p) || isCallOpenAt(p, readPrimes(p).next);
    const family = p.ctx.kindOf(atom.name) === undefined && isFamilyLetter(atom);
    if (applied && (isFunctionName(p, atom.name) || family || listFollows(p)))
      return familyApplication(p, atom, start);
    return fn('entry', [sym(atom.name), ...atom.indices]);
  }
  const numbered = numberedDerivative(p, atom.name);
  if (numbered) return numbered;
  if (isFunctionName(p, atom.name) || (p.ctx.kindOf(atom.name) === undefined && listFollows(p))) {
    const { primes, next: i } = readPrimes(p);
    const power = primes === 0 ? powerBeforeCall(p, atom.name, i) : undefined;
    if (power) return power;
    const saved = p.pos;
    p.pos = i;
    if (primes > 0 && !isCallOpen(p))
      fail(
        `${atom.name}${"'".repeat(primes)} needs its argument, as in ${atom.name}'(x)`,
        start.offset,
        'unsupported',
      );
    if (isCallOpen(p)) {
      const args = parseCallArgs(p);
      return primes > 0
        ? fn('derivFn', [sym(atom.name), num(primes), ...args])
        : fn('call', [sym(atom.name), ...args]);
    }
    p.pos = saved;
  }
  return symbolNode(p, atom.name);
}

/** The primes after a function name (`f'`, `f''`, `f^{\prime}`) and the token after them. */
export function readPrimes(p: ParserApi): { primes: number; next: number } {
  let primes = 0;
  let i = p.sigIndex(p.pos);
  while (isChar(p.toks[i], "'")) {
    primes++;
    i = p.sigIndex(i + 1);
  }
  // f^{\prime}(x), f^{\prime\prime}(x)
  if (primes === 0 && isChar(p.toks[i], '^')) {
    const a = p.sigIndex(i + 1);
    const end = skipArgument(p.toks, a);
    const inner = isChar(p.toks[a], '{') ? p.toks.slice(a + 1, end - 1) : p.toks.slice(a, end);
    if (inner.length > 0 && inner.every((x) => isCmd(x, 'prime') || isChar(x, "'"))) {
      primes = inner.length;
      i = p.sigIndex(end);
    }
  }
  return { primes, next: i };
}

function isCallOpenAt(p: ParserApi, i: number): boolean {
  const saved = p.pos;
  p.pos = i;
  const open = isCallOpen(p);
  p.pos = saved;
  return open;
}

/** `g^2(x)` of a function name is g(x)², as `\\sin^2 x` is; only a small whole power, so `f^{-1}(y)` (an
 *  inverse) and `f^{(n)}(x)` stay unread. `i` is the token of the `^`; undefined when this is not one. */
function powerBeforeCall(p: ParserApi, name: string, i: number): MathNode | undefined {
  // `h^2(1 + x)` with h a small step is a product in calculus texts: h is left alone.
  if (!isChar(p.toks[i], '^') || name === 'h') return undefined;
  const a = p.sigIndex(i + 1);
  const end = skipArgument(p.toks, a);
  const inner = isChar(p.toks[a], '{') ? p.toks.slice(a + 1, end - 1) : p.toks.slice(a, end);
  const only = inner.length === 1 ? inner[0] : undefined;
  const k = only?.kind === 'num' ? Number(only.value) : NaN;
  if (!Number.isInteger(k) || k < 2 || k > 9) return undefined;
  const saved = p.pos;
  p.pos = end;
  if (!isCallOpen(p)) {
    p.pos = saved;
    return undefined;
  }
  return binary('pow', fn('call', [sym(name), ...parseCallArgs(p)]), num(k));
}

/** Is a parenthesised list with a top-level comma next? `u(a, b)` can only be an application. */
export function listFollows(p: ParserApi): boolean {
  let i = p.sigIndex(p.pos);
  if (isCmd(p.toks[i], 'left')) i++;
  if (!isChar(p.toks[i], '(')) return false;
  let depth = 0;
  for (let k = i; k < p.toks.length; k++) {
    const t = p.toks[k] as Token;
    if (t.kind === 'eof') return false;
    if (isChar(t, '(') || isChar(t, '[') || isChar(t, '{') || isCmd(t, 'left')) depth++;
    else if (isChar(t, ')') || isChar(t, ']') || isChar(t, '}') || isCmd(t, 'right')) {
      if (isCmd(t, 'right')) k++;
      if (--depth === 0) return false;
    } else if (depth === 1 && isChar(t, ',')) return true;
  }
  return false;
}

/** The base of a symbol: a letter, a Greek command, an accented or font-styled symbol. */
export function readSymbolBase(p: ParserApi): string {
  const t = p.next();
  if (t.kind === 'letter' || t.kind === 'num') return t.value;
  if (t.kind === 'cmd') {
    const g = greek[t.value];
    if (g) return g;
    const mark = accents[t.value];
    if (mark) {
      if (isChar(p.peek(), '{')) {
        const open = p.next();
        const inner = readSymbolAtom(p);
        if (inner.indices) fail(`an accent over an indexed entry`, t.offset, 'unsupported');
        if (!isChar(p.peek(), '}'))
          fail(`\\${t.value} over more than one symbol is not supported`, t.offset, 'unsupported');
        p.expectChar('}', open);
        return withMark(inner.name, mark);
      }
      return withMark(readSymbolBase(p), mark);
    }
    const oldFont = oldFonts[t.value];
    if (oldFont) return applyFont(oldFont, readSymbolBase(p));
    if (fonts[t.value]) {
      const w = p.wordAt(p.pos);
      if (w && w.letters && w.word !== '' && !w.word.includes(' ')) {
        if (t.value === 'mathbb' && (w.word === 'E' || w.word === 'P'))
          fail(
            `\\mathbb{${w.word}} is probability notation, which sampling cannot check`,
            t.offset,
            'probability',
            `\\mathbb{${w.word}}`,
          );
        p.pos = w.end;
        return applyFont(t.value, w.word);
      }
      if (isChar(p.peek(), '{')) {
        const open = p.next();
        const inner = readSymbolAtom(p);
        if (inner.indices) fail(`a font over an indexed entry`, t.offset, 'unsupported');
        p.expectChar('}', open);
        return applyFont(t.value, inner.name);
      }
      return applyFont(t.value, readSymbolBase(p));
    }
  }
  return unexpected(t, 'expected a symbol');
}

/** A whole symbol: its base and the parts that belong to its name (`_{ℓ-1}`, `^*`, `^{(ℓ)}`); a subscript
 *  holding a bound index becomes an entry instead. */
export function readSymbolAtom(p: ParserApi): Atom {
  let name = readSymbolBase(p);
  let indices: MathNode[] | undefined;
  let literal = name;
  let fromLabel = false;
  let subscripted = false;
  for (;;) {
    const u = p.peek();
    if (isChar(u, '_') && !subscripted) {
      p.next();
      subscripted = true;
      if (p.peek().kind === 'num' && !isChar(p.toks[p.pos - 1], '{')) p.splitNumber(p.pos);
      const { inner, end } = p.argumentTokens();
      if (inner.length === 0) fail(`empty subscript`, u.offset);
      const text = tokensToName(inner);
      const written = name + ([...text].length === 1 ? `_${text}` : `_{${text}}`);
      if (inner.some((x) => (x.kind === 'letter' || x.kind === 'cmd') && isIndexName(p, tokenName(x)))) {
        indices = indicesFrom(p, inner);
        literal = written;
      } else {
        name = written;
      }
      p.pos = end;
      continue;
    }
    if (isChar(u, "'") && !indices && primeNamesPoint(p, name)) {
      p.next();
      name += "'";
      continue;
    }
    if (isChar(u, '^') && !subscripted && !indices) {
      // `x^2_i` is x_i squared: read the subscript into the name first.
      const supEnd = p.argumentEnd(p.sigIndex(p.pos + 1));
      const b = p.sigIndex(supEnd);
      if (isChar(p.toks[b], '_')) {
        const subEnd = p.argumentEnd(p.sigIndex(b + 1));
        const sup = p.toks.slice(p.pos, supEnd);
        const sub = p.toks.slice(b, subEnd);
        p.toks.splice(p.pos, subEnd - p.pos, ...sub, ...sup);
        continue;
      }
    }
    if (isChar(u, '^') && !indices) {
      const a = p.sigIndex(p.pos + 1);
      const first = p.toks[a];
      const isStar = (x: Token | undefined): boolean => isChar(x, '*') || isCmd(x, 'ast') || isCmd(x, 'star');
      if (isStar(first)) {
        p.pos = a + 1;
        name += '*';
        continue;
      }
      if (isChar(first, '{')) {
        const end = skipArgument(p.toks, a);
        const inner = p.toks.slice(a + 1, end - 1);
        if (inner.length === 1 && isStar(inner[0])) {
          p.pos = end;
          name += '*';
          continue;
        }
        // `W^{(\ell)}` is a layer label, part of the name, not a power.
        if (inner.length >= 3 && isChar(inner[0], '(') && isChar(inner[inner.length - 1], ')')) {
          p.pos = end;
          const label = inner.slice(1, -1);
          // `x^{(i)}` inside a sum over i is the i-th sample: an entry, like `x_i`.
          if (label.some((x) => (x.kind === 'letter' || x.kind === 'cmd') && isIndexName(p, tokenName(x)))) {
            if (indices)
              fail(`both a subscript and a (label) index a bound variable`, u.offset, 'unsupported');
            indices = indicesFrom(p, label);
            literal = `${name}^{${tokensToName(inner)}}`;
            fromLabel = true;
            continue;
          }
          name += `^{${tokensToName(inner)}}`;
          continue;
        }
      }
    }
    break;
  }
  if (!indices) return { name };
  return fromLabel ? { name, indices, literal, label: true } : { name, indices, literal };
}

/** `_{ij}` → [i, j]; `_{i,j}` → [i, j]; `_{i+1}` → [i+1]. */
export function indicesFrom(p: ParserApi, inner: Token[]): MathNode[] {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const t of inner) {
    if (isChar(t, '{') || isChar(t, '(')) depth++;
    if (isChar(t, '}') || isChar(t, ')')) depth--;
    if (depth === 0 && isChar(t, ',')) parts.push([]);
    else (parts[parts.length - 1] as Token[]).push(t);
  }
  if (
    parts.length === 1 &&
    inner.length > 1 &&
    inner.every((t) => t.kind === 'letter' || (t.kind === 'cmd' && greek[t.value]))
  )
    return inner.map((t) => symbolNode(p, tokenName(t)));
  return parts.map((part) => {
    if (part.length === 0) fail('empty index in a subscript', inner[0]?.offset ?? 0);
    return p.subParser(part).parseWhole();
  });
}

/** A variable of differentiation: a symbol, or an entry `z_j` of a vector with a bound index. */
export function readVariable(p: ParserApi): MathNode {
  if (isChar(p.peek(), '{')) {
    const open = p.next();
    const v = readVariable(p);
    p.expectChar('}', open);
    return v;
  }
  const atom = readSymbolAtom(p);
  return atom.indices ? fn('entry', [sym(atom.name), ...atom.indices]) : sym(atom.name);
}

/** `_{ij}` after an expression: `softmax(z)_i`, `(A_\ell)_{ij}`. */
export function parseIndexArgument(p: ParserApi): MathNode[] {
  if (p.peek().kind === 'num') p.splitNumber(p.pos);
  const { inner, end } = p.argumentTokens();
  if (inner.length === 0) fail('empty subscript', p.peek().offset);
  p.pos = end;
  return indicesFrom(p, inner);
}
