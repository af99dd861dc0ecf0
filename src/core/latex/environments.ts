// Environments: matrices (`bmatrix` …), `cases` with their conditions, and comparison chains inside them.
import { fail, unexpected } from './errors';
import { skipArgument } from './macros';
import { array, binary, fn, isSymbol, sym, type MathNode } from './nodes';
import { describeToken, isChar, isCmd, type Token } from './tokens';
import { comparison, layoutEnvironments, matrixEnvironments, relationOf, wordCommands } from './grammar';
import { DerivativeParser } from './derivatives';

export abstract class EnvironmentParser extends DerivativeParser {
  protected readEnvironmentName(at: Token): string {
    const open = this.toks[this.pos];
    if (!isChar(open, '{')) fail(`\\${at.value} needs {name} at column ${at.offset + 1}`, at.offset);
    const end = skipArgument(this.toks, this.pos);
    const name = this.toks
      .slice(this.pos + 1, end - 1)
      .map((u) => u.value)
      .join('');
    this.pos = end;
    return name;
  }

  protected parseEnvironment(t: Token): MathNode {
    this.next();
    const env = this.readEnvironmentName(t);
    if (env === 'cases' || env === 'dcases' || env === 'rcases') return this.parseCases(t, env);
    if (matrixEnvironments.has(env)) {
      if (env === 'array') this.pos = skipArgument(this.toks, this.sigIndex(this.pos));
      const rows = this.parseRows(t, env, () => this.parseAdditive());
      const width = rows[0]?.length ?? 0;
      if (rows.length === 0 || width === 0) fail(`empty \\begin{${env}}`, t.offset);
      if (rows.some((r) => r.length !== width))
        fail(`rows of \\begin{${env}} at column ${t.offset + 1} have different lengths`, t.offset);
      const m = array(rows.map((r) => array(r)));
      return env === 'vmatrix' ? fn('det', [m]) : env === 'Vmatrix' ? fn('norm', [m]) : m;
    }
    if (layoutEnvironments.has(env))
      fail(`\\begin{${env}} inside an expression at column ${t.offset + 1}`, t.offset, 'unsupported');
    return fail(`unknown environment ${env} at column ${t.offset + 1}`, t.offset);
  }

  /** Rows of `&`-separated cells up to `\end{env}`. */
  protected parseRows(t: Token, env: string, cell: (column: number) => MathNode): MathNode[][] {
    const rows: MathNode[][] = [];
    let row: MathNode[] = [];
    for (;;) {
      const u = this.peek();
      if (isCmd(u, 'end')) break;
      if (u.kind === 'eof')
        fail(`missing \\end{${env}} for \\begin{${env}} at column ${t.offset + 1}`, t.offset);
      row.push(cell(row.length));
      const s = this.peek();
      if (isChar(s, '&')) this.next();
      else if (isCmd(s, '\\')) {
        this.next();
        if (isChar(this.peek(), '[')) this.skipBracket();
        rows.push(row);
        row = [];
      } else if (!isCmd(s, 'end')) {
        if (s.kind === 'eof')
          fail(`missing \\end{${env}} for \\begin{${env}} at column ${t.offset + 1}`, t.offset);
        unexpected(s, `in \\begin{${env}}`);
      }
    }
    if (row.length) rows.push(row);
    const end = this.next();
    const name = this.readEnvironmentName(end);
    if (name !== env)
      fail(`\\end{${name}} does not match \\begin{${env}} at column ${t.offset + 1}`, end.offset);
    return rows;
  }

  /** `\begin{cases} v & \text{if } x > 0 \\ w & \text{otherwise} \end{cases}` → piecewise(cond, v, w). */
  protected parseCases(t: Token, env: string): MathNode {
    const rows = this.parseRows(t, env, (column) => {
      if (column === 0) {
        const v = this.parseAdditive();
        this.skipPunctuation();
        return v;
      }
      if (column === 1) return this.parseCondition(t);
      return unexpected(this.peek(), 'a case has two columns');
    });
    const args: MathNode[] = [];
    rows.forEach((r, i) => {
      const [value, cond] = r;
      if (!value) return;
      if (!cond) fail(`case ${i + 1} at column ${t.offset + 1} has no condition`, t.offset);
      if (isSymbol(cond) && cond.name === '__otherwise__') {
        if (i !== rows.length - 1) fail(`'otherwise' must be the last case`, t.offset);
        args.push(value);
      } else args.push(cond, value);
    });
    if (args.length === 0) fail(`empty \\begin{${env}}`, t.offset);
    return fn('piecewise', args);
  }

  /** `\text{if } x > 0`, `x \ge 0`, `0 < x < 1`, `x > 0, y > 0`, `\text{otherwise}`. */
  protected parseCondition(t: Token): MathNode {
    const conds: MathNode[] = [];
    for (;;) {
      const u = this.peek();
      if (wordCommands.has(u.value) && u.kind === 'cmd') {
        const w = this.wordAt(this.pos + 1);
        const word = (w?.word ?? '').replace(/[,.:]/g, ' ').trim().toLowerCase();
        if (/^(otherwise|else|elsewhere|o\s*w|for all other.*|in all other cases)$/.test(word)) {
          this.pos = w?.end ?? this.pos + 1;
          this.skipPunctuation();
          if (conds.length) fail(`'otherwise' after a condition at column ${u.offset + 1}`, u.offset);
          return sym('__otherwise__');
        }
        if (/probab/.test(word))
          fail(
            `'${w?.word}' is probability notation, which sampling cannot check`,
            u.offset,
            'probability',
            `'${w?.word}'`,
          );
        if (/^(if|for|when|whenever|and|where|if and only if)$/.test(word) || word === '') {
          this.pos = w?.end ?? this.pos + 1;
          continue;
        }
        fail(
          `condition '${w?.word ?? ''}' at column ${u.offset + 1} is not a comparison`,
          u.offset,
          'unsupported',
        );
      }
      if (isChar(u, ',') || isChar(u, ';') || isChar(u, '.')) {
        this.next();
        continue;
      }
      if (isChar(u, '&') || isCmd(u, '\\') || isCmd(u, 'end') || u.kind === 'eof') break;
      if (isCmd(u, 'land') || isCmd(u, 'wedge')) {
        this.next();
        continue;
      }
      conds.push(this.parseComparisonChain(u));
    }
    if (conds.length === 0) fail(`a case at column ${t.offset + 1} has an empty condition`, t.offset);
    return conds.reduce((a, b) => binary('and', a, b));
  }

  protected parseComparisonChain(start: Token): MathNode {
    let left = this.parseAdditive();
    const parts: MathNode[] = [];
    for (;;) {
      const r = this.peek();
      const rel = relationOf(r);
      if (!rel) break;
      const op = comparison[rel];
      if (!op) fail(`${describeToken(r)} in a condition is not supported`, r.offset, 'unsupported');
      this.next();
      const right = this.parseAdditive();
      parts.push(binary(op, left, right));
      left = right;
    }
    if (parts.length === 0) {
      const r = this.peek();
      if (r.kind === 'cmd' && r.value === 'in')
        fail(`a condition with \\in is not supported`, r.offset, 'unsupported');
      fail(`condition at column ${start.offset + 1} is not a comparison`, start.offset, 'unsupported');
    }
    return parts.reduce((a, b) => binary('and', a, b));
  }
}
