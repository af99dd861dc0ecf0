// `\\begin{cases} v & \\text{if } x > 0 \\\\ w & \\text{otherwise} \\end{cases}` → piecewise(cond, v, w).
import { wordCommands } from '../commands';
import { fail, unexpected } from '../errors';
import { binary, fn, isSymbol, sym, type MathNode } from '../nodes';
import { isChar, isCmd, type Token } from '../tokens';
import { parseComparisonChain } from './comparisons';
import type { EnvironmentSpec, ParserApi } from './registry';
import { parseRows } from './rows';

export const cases: EnvironmentSpec = {
  names: ['cases', 'dcases', 'rcases'],
  parse: (p, t, env) => parseCases(p, t, env),
};

/** `\begin{cases} v & \text{if } x > 0 \\ w & \text{otherwise} \end{cases}` → piecewise(cond, v, w). */
function parseCases(p: ParserApi, t: Token, env: string): MathNode {
  const rows = parseRows(p, t, env, (column) => {
    if (column === 0) {
      const v = p.parseAdditive();
      p.skipPunctuation();
      return v;
    }
    if (column === 1) return parseCondition(p, t);
    return unexpected(p.peek(), 'a case has two columns');
  });
  const args: MathNode[] = [];
  rows.forEach((r, i) => {
    const [value, cond] = r;
    if (!value) return;
    if (!cond) fail(`case ${i + 1} has no condition`, t.offset);
    if (isSymbol(cond) && cond.name === '__otherwise__') {
      if (i !== rows.length - 1) fail(`'otherwise' must be the last case`, t.offset);
      args.push(value);
    } else args.push(cond, value);
  });
  if (args.length === 0) fail(`empty \\begin{${env}}`, t.offset);
  return fn('piecewise', args);
}

/** `\text{if } x > 0`, `x \ge 0`, `0 < x < 1`, `x > 0, y > 0`, `\text{otherwise}`. */
function parseCondition(p: ParserApi, t: Token): MathNode {
  const conds: MathNode[] = [];
  for (;;) {
    const u = p.peek();
    if (wordCommands.has(u.value) && u.kind === 'cmd') {
      const w = p.wordAt(p.pos + 1);
      const word = (w?.word ?? '').replace(/[,.:]/g, ' ').trim().toLowerCase();
      if (/^(otherwise|else|elsewhere|o\s*w|for all other.*|in all other cases)$/.test(word)) {
        p.pos = w?.end ?? p.pos + 1;
        p.skipPunctuation();
        if (conds.length) fail(`'otherwise' after a condition`, u.offset);
        return sym('__otherwise__');
      }
      if (/probab/.test(word))
        fail(`'${w?.word}' is probability notation, which sampling cannot check`, u.offset, 'probability');
      if (/^(if|for|when|whenever|and|where|if and only if)$/.test(word) || word === '') {
        p.pos = w?.end ?? p.pos + 1;
        continue;
      }
      fail(`condition '${w?.word ?? ''}' is not a comparison`, u.offset, 'unsupported');
    }
    if (isChar(u, ',') || isChar(u, ';') || isChar(u, '.')) {
      p.next();
      continue;
    }
    if (isChar(u, '&') || isCmd(u, '\\') || isCmd(u, 'end') || u.kind === 'eof') break;
    if (isCmd(u, 'land') || isCmd(u, 'wedge')) {
      p.next();
      continue;
    }
    conds.push(parseComparisonChain(p, u));
  }
  if (conds.length === 0) fail(`a case has an empty condition`, t.offset);
  return conds.reduce((a, b) => binary('and', a, b));
}
