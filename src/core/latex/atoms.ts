// Symbols and their names: letters with subscripts, primes and accents, function applications `f(x)`,
// bound indices `x_i` and the head of a claim `p(x) = …`.
import { fail, unexpected } from './errors';
import { skipArgument } from './macros';
import { accents, applyFont, defaultFunctionNames, fonts, greek, tokensToName } from './names';
import { fn, isSymbol, num, sym, type MathNode } from './nodes';
import { isChar, isCmd, type Token } from './tokens';
import { type Atom, oldFonts, tokenName, withMark } from './grammar';
import { ParserCursor } from './cursor';

/** Can a symbol start at `t`: a letter, a Greek letter, an accent or a font command? */
function startsSymbol(t: Token): boolean {
  return (
    t.kind === 'letter' || (t.kind === 'cmd' && !!(greek[t.value] || accents[t.value] || fonts[t.value]))
  );
}

export abstract class AtomParser extends ParserCursor {
  /** Reads one symbol (for canonical names and declarations); undefined when the input is not exactly one. */
  readWholeSymbol(): Atom | undefined {
    if (!startsSymbol(this.peek())) return undefined;
    const atom = this.readSymbolAtom();
    return this.peek().kind === 'eof' ? atom : undefined;
  }

  /** The name `p` when the input is exactly `p(x)` or `c_i(\mathbf{x}, y)`: an application to symbols. */
  readApplicationHead(): string | undefined {
    if (!startsSymbol(this.peek())) return undefined;
    const atom = this.readSymbolAtom();
    if (atom.indices || !this.isCallOpen()) return undefined;
    const args = this.parseCallArgs();
    if (!args.every((a) => isSymbol(a)) || this.peek().kind !== 'eof') return undefined;
    return atom.name;
  }

  /** Is a parenthesised argument list next: `(`, `\left(`? */
  protected isCallOpen(): boolean {
    const t = this.peek();
    return isChar(t, '(') || (isCmd(t, 'left') && isChar(this.toks[this.pos + 1], '('));
  }

  protected parseCallArgs(): MathNode[] {
    const t = this.next();
    if (isCmd(t, 'left')) {
      this.pos++;
      return this.parseList(t, (u) => isCmd(u, 'right'), '\\right)');
    }
    return this.parseList(t, (u) => isChar(u, ')'), "')'");
  }

  // ---- primaries ----------------------------------------------------------------------------------

  protected isCallOpenAt(i: number): boolean {
    const saved = this.pos;
    this.pos = i;
    const r = this.isCallOpen();
    this.pos = saved;
    return r;
  }

  /** Is `name` applied as a function in `name(…)`: declared so, or an undeclared f, g, h, σ, φ, ψ, ℓ, L? */
  protected isFunctionName(name: string): boolean {
    const kind = this.ctx.kindOf(name);
    if (kind !== undefined) return kind === 'function';
    const base = /^[^_^*']+/.exec(name)?.[0] ?? name;
    return defaultFunctionNames.has(base);
  }

  /** Is `x'` another point named x-prime rather than a transpose? Transposing a scalar changes nothing, so
   *  for a symbol not declared a vector or matrix, and not written as a capital (the matrix convention),
   *  the prime makes a new name. Functions keep their primes for derivatives, `f'(x)`. */
  protected primeNamesPoint(name: string): boolean {
    const kind = this.ctx.kindOf(name);
    if (kind === 'matrix' || kind === 'vector' || this.isFunctionName(name)) return false;
    return !/^[A-Z\u{1D400}-\u{1D419}]/u.test(name);
  }

  protected isIndexName(name: string): boolean {
    return this.bound.includes(name) || this.ctx.kindOf(name) === 'index';
  }

  protected symbolNode(name: string): MathNode {
    const kind = this.ctx.kindOf(name);
    if (kind === undefined) {
      if (name === 'π') return num(Math.PI);
      if (name === 'e') {
        const n = num(Math.E);
        this.euler.add(n);
        return n;
      }
      if (name === '𝟎') return num(0);
      if (name === '𝐈') return sym('I');
    }
    return sym(name);
  }

  /** A symbol, or the application `f(x)` / `σ'(z)` of a function symbol. */
  protected parseSymbolOrCall(): MathNode {
    const start = this.peek();
    if (start.kind === 'letter' && this.ctx.kindOf(start.value) === undefined) {
      const after = this.at(this.pos + 1);
      const opens = isChar(after, '(') || isChar(after, '[') || isCmd(after, 'left');
      if ((start.value === 'P' || start.value === 'E') && opens && !isChar(this.at(this.pos + 1), '_'))
        fail(
          `${start.value}(…) is probability notation, which sampling cannot check`,
          start.offset,
          'probability',
          `${start.value}(…)`,
        );
    }
    const atom = this.readSymbolAtom();
    if (atom.indices) {
      if ((this.isFunctionName(atom.name) || this.listFollows()) && this.isCallOpen())
        fail(
          `a function indexed by a bound variable, ${atom.name}_…(…), is not supported`,
          start.offset,
          'unsupported',
        );
      return fn('entry', [sym(atom.name), ...atom.indices]);
    }
    if (this.isFunctionName(atom.name) || (this.ctx.kindOf(atom.name) === undefined && this.listFollows())) {
      let primes = 0;
      let i = this.sigIndex(this.pos);
      while (isChar(this.toks[i], "'")) {
        primes++;
        i = this.sigIndex(i + 1);
      }
      // f^{\prime}(x), f^{\prime\prime}(x)
      if (primes === 0 && isChar(this.toks[i], '^')) {
        const a = this.sigIndex(i + 1);
        const end = skipArgument(this.toks, a);
        const inner = isChar(this.toks[a], '{') ? this.toks.slice(a + 1, end - 1) : this.toks.slice(a, end);
        if (inner.length > 0 && inner.every((x) => isCmd(x, 'prime') || isChar(x, "'"))) {
          primes = inner.length;
          i = this.sigIndex(end);
        }
      }
      const saved = this.pos;
      this.pos = i;
      if (primes > 0 && !this.isCallOpen())
        fail(
          `${atom.name}${"'".repeat(primes)} needs its argument, as in ${atom.name}'(x)`,
          start.offset,
          'unsupported',
        );
      if (this.isCallOpen()) {
        const args = this.parseCallArgs();
        return primes > 0
          ? fn('derivFn', [sym(atom.name), num(primes), ...args])
          : fn('call', [sym(atom.name), ...args]);
      }
      this.pos = saved;
    }
    return this.symbolNode(atom.name);
  }

  /** Is a parenthesised list with a top-level comma next? `u(a, b)` can only be an application. */
  protected listFollows(): boolean {
    let i = this.sigIndex(this.pos);
    if (isCmd(this.toks[i], 'left')) i++;
    if (!isChar(this.toks[i], '(')) return false;
    let depth = 0;
    for (let k = i; k < this.toks.length; k++) {
      const t = this.toks[k] as Token;
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
  protected readSymbolBase(): string {
    const t = this.next();
    if (t.kind === 'letter' || t.kind === 'num') return t.value;
    if (t.kind === 'cmd') {
      const g = greek[t.value];
      if (g) return g;
      const mark = accents[t.value];
      if (mark) {
        if (isChar(this.peek(), '{')) {
          const open = this.next();
          const inner = this.readSymbolAtom();
          if (inner.indices)
            fail(`an accent over an indexed entry at column ${t.offset + 1}`, t.offset, 'unsupported');
          if (!isChar(this.peek(), '}'))
            fail(
              `\\${t.value} over more than one symbol at column ${t.offset + 1} is not supported`,
              t.offset,
              'unsupported',
            );
          this.expectChar('}', open);
          return withMark(inner.name, mark);
        }
        return withMark(this.readSymbolBase(), mark);
      }
      const oldFont = oldFonts[t.value];
      if (oldFont) return applyFont(oldFont, this.readSymbolBase());
      if (fonts[t.value]) {
        const w = this.wordAt(this.pos);
        if (w && w.letters && w.word !== '' && !w.word.includes(' ')) {
          if (t.value === 'mathbb' && (w.word === 'E' || w.word === 'P'))
            fail(
              `\\mathbb{${w.word}} is probability notation, which sampling cannot check`,
              t.offset,
              'probability',
              `\\mathbb{${w.word}}`,
            );
          this.pos = w.end;
          return applyFont(t.value, w.word);
        }
        if (isChar(this.peek(), '{')) {
          const open = this.next();
          const inner = this.readSymbolAtom();
          if (inner.indices)
            fail(`a font over an indexed entry at column ${t.offset + 1}`, t.offset, 'unsupported');
          this.expectChar('}', open);
          return applyFont(t.value, inner.name);
        }
        return applyFont(t.value, this.readSymbolBase());
      }
    }
    return unexpected(t, 'expected a symbol');
  }

  /** A whole symbol: its base and the parts that belong to its name (`_{ℓ-1}`, `^*`, `^{(ℓ)}`); a subscript
   *  holding a bound index becomes an entry instead. */
  protected readSymbolAtom(): Atom {
    let name = this.readSymbolBase();
    let indices: MathNode[] | undefined;
    let subscripted = false;
    for (;;) {
      const u = this.peek();
      if (isChar(u, '_') && !subscripted) {
        this.next();
        subscripted = true;
        if (this.peek().kind === 'num' && !isChar(this.toks[this.pos - 1], '{')) this.splitNumber(this.pos);
        const { inner, end } = this.argumentTokens();
        if (inner.length === 0) fail(`empty subscript at column ${u.offset + 1}`, u.offset);
        if (inner.some((x) => (x.kind === 'letter' || x.kind === 'cmd') && this.isIndexName(tokenName(x)))) {
          indices = this.indicesFrom(inner);
        } else {
          const text = tokensToName(inner);
          name += [...text].length === 1 ? `_${text}` : `_{${text}}`;
        }
        this.pos = end;
        continue;
      }
      if (isChar(u, "'") && !indices && this.primeNamesPoint(name)) {
        this.next();
        name += "'";
        continue;
      }
      if (isChar(u, '^') && !subscripted && !indices) {
        // `x^2_i` is x_i squared: read the subscript into the name first.
        const supEnd = this.argumentEnd(this.sigIndex(this.pos + 1));
        const b = this.sigIndex(supEnd);
        if (isChar(this.toks[b], '_')) {
          const subEnd = this.argumentEnd(this.sigIndex(b + 1));
          const sup = this.toks.slice(this.pos, supEnd);
          const sub = this.toks.slice(b, subEnd);
          this.toks.splice(this.pos, subEnd - this.pos, ...sub, ...sup);
          continue;
        }
      }
      if (isChar(u, '^') && !indices) {
        const a = this.sigIndex(this.pos + 1);
        const first = this.toks[a];
        const isStar = (x: Token | undefined): boolean =>
          isChar(x, '*') || isCmd(x, 'ast') || isCmd(x, 'star');
        if (isStar(first)) {
          this.pos = a + 1;
          name += '*';
          continue;
        }
        if (isChar(first, '{')) {
          const end = skipArgument(this.toks, a);
          const inner = this.toks.slice(a + 1, end - 1);
          if (inner.length === 1 && isStar(inner[0])) {
            this.pos = end;
            name += '*';
            continue;
          }
          // `W^{(\ell)}` is a layer label, part of the name, not a power.
          if (inner.length >= 3 && isChar(inner[0], '(') && isChar(inner[inner.length - 1], ')')) {
            this.pos = end;
            const label = inner.slice(1, -1);
            // `x^{(i)}` inside a sum over i is the i-th sample: an entry, like `x_i`.
            if (
              label.some((x) => (x.kind === 'letter' || x.kind === 'cmd') && this.isIndexName(tokenName(x)))
            ) {
              if (indices)
                fail(
                  `both a subscript and a (label) index a bound variable at column ${u.offset + 1}`,
                  u.offset,
                  'unsupported',
                );
              indices = this.indicesFrom(label);
              continue;
            }
            name += `^{${tokensToName(inner)}}`;
            continue;
          }
        }
      }
      break;
    }
    return indices ? { name, indices } : { name };
  }

  /** `_{ij}` → [i, j]; `_{i,j}` → [i, j]; `_{i+1}` → [i+1]. */
  protected indicesFrom(inner: Token[]): MathNode[] {
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
      return inner.map((t) => this.symbolNode(tokenName(t)));
    return parts.map((p) => {
      if (p.length === 0) fail('empty index in a subscript', inner[0]?.offset ?? 0);
      return this.subParser(p).parseWhole();
    });
  }

  /** A variable of differentiation: a symbol, or an entry `z_j` of a vector with a bound index. */
  protected readVariable(): MathNode {
    if (isChar(this.peek(), '{')) {
      const open = this.next();
      const v = this.readVariable();
      this.expectChar('}', open);
      return v;
    }
    const atom = this.readSymbolAtom();
    return atom.indices ? fn('entry', [sym(atom.name), ...atom.indices]) : sym(atom.name);
  }

  // ---- calculus, sums, environments -----------------------------------------------------------------

  /** `_{ij}` after an expression: `softmax(z)_i`, `(A_\ell)_{ij}`. */
  protected parseIndexArgument(): MathNode[] {
    if (this.peek().kind === 'num') this.splitNumber(this.pos);
    const { inner, end } = this.argumentTokens();
    if (inner.length === 0) fail('empty subscript', this.peek().offset);
    this.pos = end;
    return this.indicesFrom(inner);
  }
}
