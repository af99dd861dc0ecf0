// Commands: `\\sqrt`, fonts and wrappers, indicators, operator words (`\\log`, `\\operatorname{…}`), big
// operators `\\sum`/`\\prod` and `\\nabla`.
import {
  conditionWords,
  functionCommands,
  operatorNames,
  probabilityNames,
  textCommands,
  unsupportedCommands,
  wrappers,
} from './commands';
import { fail, unexpected } from './errors';
import { skipArgument } from './macros';
import { accents, applyFont, fonts, greek } from './names';
import { binary, fn, isConstant, isFunctionNamed, isSymbol, num, paren, sym, type MathNode } from './nodes';
import { isChar, isCmd, type Token } from './tokens';
import type { VocabularyName } from './vocabulary';
import { boldFonts, oldFonts, trig, wordCommands } from './grammar';
import { AtomParser } from './atoms';

export abstract class CommandParser extends AtomParser {
  protected parseCommand(t: Token): MathNode {
    const v = t.value;
    if (
      (v === 'mathbb' || v === 'mathbf' || v === 'mathbbm' || v === 'mathds' || v === 'boldsymbol') &&
      this.wordAt(this.pos + 1)?.word === '1'
    )
      return this.parseIndicator(t);
    if (wordCommands.has(v)) return this.parseWordCommand(t);
    if (greek[v] || accents[v] || fonts[v] || oldFonts[v]) return this.parseSymbolOrCall();
    if (v in functionCommands) {
      this.next();
      return this.parseFunctionApplication(functionCommands[v] as VocabularyName, t, `\\${v}`);
    }
    if (v in wrappers) return this.parseWrapper(t);
    switch (v) {
      case 'left':
        return this.parseLeft(t);
      case '{':
      case 'lbrace': {
        this.next();
        return this.single(
          this.parseList(t, (u) => isCmd(u, '}') || isCmd(u, 'rbrace'), "'\\}'"),
          t,
        );
      }
      case '|':
      case 'Vert':
      case 'lVert':
        return this.parseNorm(t, (u) => isCmd(u, '|') || isCmd(u, 'Vert') || isCmd(u, 'rVert'));
      case 'vert':
      case 'lvert':
        return this.parseAbs(t, (u) => isCmd(u, 'vert') || isCmd(u, 'rvert'), '\\rvert');
      case 'lfloor':
      case 'lceil': {
        this.next();
        const close = v === 'lfloor' ? 'rfloor' : 'rceil';
        const items = this.parseList(t, (u) => isCmd(u, close), `\\${close}`);
        return fn(v === 'lfloor' ? 'floor' : 'ceil', [this.only(items, t)]);
      }
      case 'frac':
      case 'dfrac':
      case 'tfrac':
      case 'cfrac':
        return this.parseFrac(t);
      case 'sqrt':
        return this.parseSqrt(t);
      case 'binom':
      case 'dbinom':
      case 'tbinom': {
        this.next();
        const n = this.parseArgument(`\\${v}`);
        return fn('binom', [n, this.parseArgument(`\\${v}`)]);
      }
      case 'sum':
      case 'prod':
        return this.parseBigOperator(t);
      case 'nabla':
        return this.parseNabla(t);
      case 'begin':
        return this.parseEnvironment(t);
      case 'infty':
        this.next();
        return num(Infinity);
      case 'Pr':
      case 'mid':
      case 'sim':
        return fail(
          `\\${v} is probability notation, which sampling cannot check`,
          t.offset,
          'probability',
          `\\${v}`,
        );
      case 'partial':
        return fail(
          `\\partial outside \\frac{\\partial …}{\\partial …} at column ${t.offset + 1}`,
          t.offset,
          'unsupported',
        );
      case 'right':
      case 'end':
        return this.unexpectedHere(t);
    }
    if (['dots', 'cdots', 'ldots', 'vdots', 'ddots', 'dotsb', 'dotsc', 'hdots'].includes(v))
      return fail(`an ellipsis \\${v} cannot be evaluated`, t.offset, 'unsupported');
    if (unsupportedCommands.has(v)) return fail(`\\${v} is not supported`, t.offset, 'unsupported');
    return fail(`unknown command \\${v} at column ${t.offset + 1}`, t.offset);
  }

  /** `\mathbb{1}_{x > 0}`, `\mathbb{1}[x > 0]`, `\mathbf{1}\{x \ge 0\}`: 1 where the condition holds, else 0. */
  protected parseIndicator(t: Token): MathNode {
    const w = this.wordAt(this.pos + 1) as { end: number };
    this.pos = w.end;
    const u = this.peek();
    let cond: MathNode;
    if (isChar(u, '_')) {
      this.next();
      const open = this.peek();
      if (!isChar(open, '{'))
        fail(
          `the indicator at column ${t.offset + 1} needs a condition, \\mathbb{1}_{x > 0}`,
          t.offset,
          'unsupported',
        );
      this.next();
      cond = this.parseComparisonChain(open);
      this.expectChar('}', open);
    } else if (isChar(u, '[') || isChar(u, '(') || isCmd(u, '{') || isCmd(u, 'left')) {
      this.next();
      if (isCmd(u, 'left')) this.pos++;
      cond = this.parseComparisonChain(u);
      const c = this.next();
      if (!(isChar(c, ']') || isChar(c, ')') || isCmd(c, '}') || isCmd(c, 'right')))
        unexpected(c, `expected the end of the indicator's condition`);
      if (isCmd(c, 'right')) this.pos++;
    } else {
      return fail(
        `\\${t.value}{1} at column ${t.offset + 1}: a vector of ones is not supported; an indicator needs a condition`,
        t.offset,
        'unsupported',
      );
    }
    return fn('piecewise', [cond, num(1), num(0)]);
  }

  protected parseWrapper(t: Token): MathNode {
    this.next();
    const arity = wrappers[t.value] ?? 1;
    for (let k = 1; k < arity; k++) this.pos = skipArgument(this.toks, this.sigIndex(this.pos));
    const node = this.parseArgument(`\\${t.value}`);
    if (t.value === 'underbrace' && isChar(this.peek(), '_'))
      this.pos = skipArgument(this.toks, this.sigIndex(this.pos + 1));
    if (t.value === 'overbrace' && isChar(this.peek(), '^'))
      this.pos = skipArgument(this.toks, this.sigIndex(this.pos + 1));
    return paren(node);
  }

  /** The word in `\operatorname{…}`/`\mathrm{…}`/`\text{…}` starting at token `i` (the `{`). */
  protected wordAt(i: number): { word: string; end: number; letters: boolean } | undefined {
    let j = this.sigIndex(i);
    if (isChar(this.toks[j], '*')) j++;
    const open = this.toks[j];
    if (open?.kind === 'letter') return { word: open.value, end: j + 1, letters: true };
    if (!isChar(open, '{')) return undefined;
    const end = skipArgument(this.toks, j);
    let word = '';
    let letters = true;
    for (let k = j + 1; k < end - 1; k++) {
      const u = this.toks[k] as Token;
      if (u.space && word !== '') word += ' ';
      if (u.kind === 'letter') word += u.value;
      else {
        letters = false;
        word += u.kind === 'cmd' ? (greek[u.value] ?? `\\${u.value}`) : u.value;
      }
    }
    return { word: word.trim(), end, letters };
  }

  /** `\operatorname{tr}`, `\mathrm{Var}`, `\text{ReLU}`, `\mathrm{x}`. */
  protected parseWordCommand(t: Token): MathNode {
    const w = this.wordAt(this.pos + 1);
    if (!w) {
      if (textCommands.has(t.value) || t.value === 'operatorname')
        fail(`\\${t.value} needs a {…} argument at column ${t.offset + 1}`, t.offset);
      return this.parseSymbolOrCall();
    }
    const isText = textCommands.has(t.value);
    if (
      /^arg\s*(\\[,;! ])?\s*(min|max)$/.test(w.word) ||
      ['argmin', 'argmax', 'arg min', 'arg max'].includes(w.word)
    )
      fail(`${w.word} (an optimum over a set) is not supported`, t.offset, 'unsupported');
    if (probabilityNames.has(w.word) && (w.word.length > 1 || t.value !== 'mathbf'))
      fail(`${w.word} is probability notation, which sampling cannot check`, t.offset, 'probability', w.word);
    const known = operatorNames[w.word];
    if (known) {
      this.pos = w.end;
      return this.parseFunctionApplication(known, t, w.word);
    }
    if (boldFonts.has(t.value) && w.letters && w.word.length > 1 && !w.word.includes(' ')) {
      // `\mathbf{AB}` is the product of bold A and bold B, not one symbol.
      this.pos = w.end;
      const letters = [...w.word].map((c) => this.symbolNode(applyFont(t.value, c)));
      return paren(letters.reduce((a, b) => binary('multiply', a, b, true)));
    }
    if (
      !isText &&
      (w.word.length <= 1 ||
        t.value === 'mathbf' ||
        t.value === 'mathsf' ||
        t.value === 'mathtt' ||
        t.value === 'mathit')
    )
      return this.parseSymbolOrCall();
    if (w.word === 'd')
      fail(`a differential d at column ${t.offset + 1} outside \\frac{d}{dx}`, t.offset, 'unsupported');
    // `\text{price}` names a quantity; `\text{if}` inside an expression is prose we cannot read.
    if (isText && !(w.letters && !w.word.includes(' ') && !conditionWords.has(w.word.toLowerCase())))
      fail(`text '${w.word}' inside an expression at column ${t.offset + 1}`, t.offset, 'unsupported');
    if (!w.letters) fail(`\\${t.value}{${w.word}} at column ${t.offset + 1} is not a name`, t.offset);
    this.pos = w.end;
    // An operator we do not know, such as \operatorname{dropout}: an unknown function (its step ends
    // unverifiable unless the student declares it), or a multi-letter symbol when not applied.
    if (this.isCallOpen()) return fn('call', [sym(w.word), ...this.parseCallArgs()]);
    return this.symbolNode(w.word);
  }

  /** `\sin x`, `\sin^2 x`, `\log_2 x`, `\exp(x)`, `\max(a, b)`, `\max\{a, b\}`, `\det A`. */
  protected parseFunctionApplication(name: VocabularyName, t: Token, label: string): MathNode {
    let power: MathNode | undefined;
    let base: MathNode | undefined;
    for (let k = 0; k < 2; k++) {
      const u = this.peek();
      if (isChar(u, '^') && !power) {
        this.next();
        power = this.parseArgument(label);
      } else if (isChar(u, '_') && !base) {
        if (name === 'max' || name === 'min')
          fail(`${label}_{…} (an optimum over a set) is not supported`, t.offset, 'unsupported');
        if (name !== 'log') unexpected(u, `${label} takes no subscript`);
        this.next();
        if (this.peek().kind === 'num') this.splitNumber(this.pos);
        base = this.parseArgument(label);
      }
    }
    let args: MathNode[];
    const u = this.peek();
    if (this.isCallOpen()) args = this.parseCallArgs();
    else if (
      (name === 'max' || name === 'min') &&
      (isCmd(u, '{') || (isCmd(u, 'left') && isCmd(this.toks[this.pos + 1], '{')))
    ) {
      this.next();
      if (isCmd(u, 'left')) this.pos++;
      args = this.parseList(u, (c) => isCmd(c, '}') || isCmd(c, 'right'), "'\\}'");
    } else {
      if (!this.startsFactor(u)) fail(`${label} needs an argument at column ${t.offset + 1}`, t.offset);
      args = [this.parseImplicit(true)];
    }
    if (name !== 'max' && name !== 'min' && args.length !== 1)
      fail(`${label} takes one argument, not ${args.length}`, t.offset);
    let node: MathNode;
    if (name === 'log' && base) {
      const b = isConstant(base) ? Number(base.value) : NaN;
      node =
        b === 2
          ? fn('log2', args)
          : b === 10
            ? fn('log10', args)
            : binary('divide', fn('log', args), fn('log', [base]));
    } else node = fn(name, args);
    if (power) {
      const p = power as unknown as { fn?: string; args?: MathNode[] };
      if (trig.has(name) && p.fn === 'unaryMinus')
        fail(`${label}^{-1} (an inverse function) is not supported`, t.offset, 'unsupported');
      node = binary('pow', node, power);
    }
    return node;
  }

  // ---- symbols ------------------------------------------------------------------------------------

  protected parseSqrt(t: Token): MathNode {
    this.next();
    if (isChar(this.peek(), '[')) {
      const open = this.next();
      const n = this.parseAdditive();
      this.expectChar(']', open);
      return fn('nthRoot', [this.parseArgument('\\sqrt'), n]);
    }
    return fn('sqrt', [this.parseArgument(`\\${t.value}`)]);
  }

  /** `\sum_{i=1}^{n} body`: the body runs to the next `+`/`-` at this level. */
  protected parseBigOperator(t: Token): MathNode {
    this.next();
    let v: string | undefined;
    let lo: MathNode | undefined;
    let hi: MathNode | undefined;
    const label = `\\${t.value}`;
    for (let k = 0; k < 2; k++) {
      const u = this.peek();
      if (isChar(u, '_') && !v) {
        this.next();
        const open = this.peek();
        if (!isChar(open, '{'))
          fail(`${label} needs bounds such as ${label}_{i=1}^{n}`, t.offset, 'unsupported');
        this.next();
        v = this.readSymbolAtom().name;
        if (!isChar(this.peek(), '='))
          fail(`${label}_{…} over a set is not supported; write ${label}_{i=1}^{n}`, t.offset, 'unsupported');
        this.next();
        lo = this.parseAdditive();
        this.expectChar('}', open);
      } else if (isChar(u, '^') && !hi) {
        this.next();
        if (this.peek().kind === 'num') this.splitNumber(this.pos);
        hi = this.parseArgument(label);
      }
    }
    if (!v || !lo || !hi) fail(`${label} needs bounds such as ${label}_{i=1}^{n}`, t.offset, 'unsupported');
    if (
      (isConstant(hi) && !Number.isFinite(Number(hi.value))) ||
      (isConstant(lo) && !Number.isFinite(Number(lo.value)))
    )
      fail(`an infinite ${label} cannot be evaluated`, t.offset, 'unsupported');
    if (!this.startsFactor(this.peek()) && !isChar(this.peek(), '-'))
      fail(`${label} at column ${t.offset + 1} has no body`, t.offset);
    this.bound.push(v);
    const body = this.parseMultiplicative();
    this.bound.pop();
    return fn(t.value === 'sum' ? 'sumOver' : 'prodOver', [sym(v), lo, hi, body]);
  }

  /** `\nabla_\theta L(\theta)` → grad(θ, …). */
  protected parseNabla(t: Token): MathNode {
    this.next();
    if (isChar(this.peek(), '^'))
      fail('\\nabla^2 (Hessian or Laplacian) is not supported', t.offset, 'unsupported');
    let v: MathNode | undefined;
    if (isChar(this.peek(), '_')) {
      this.next();
      v = this.readVariable();
    }
    if (!this.startsFactor(this.peek()))
      fail(`\\nabla at column ${t.offset + 1} has nothing to differentiate`, t.offset);
    let body = this.parseImplicit(false);
    if (!v) {
      const args = isFunctionNamed(body, 'call') ? body.args.slice(1) : [];
      if (args.length !== 1 || !isSymbol(args[0] as MathNode))
        fail(`\\nabla needs a subscript, \\nabla_x, at column ${t.offset + 1}`, t.offset, 'unsupported');
      v = args[0] as MathNode;
    }
    body = this.applyBareFunction(body, [v]);
    return fn('grad', [v, body]);
  }
}
