// Delimited groups: `|x|`, `\\|x\\|_2`, `\\lvert x \\rvert`, `\\lfloor x \\rfloor`, `\\{a, b\\}`, `\\left( … \\right)`.
import { fail, unexpected } from '../errors';
import { tokensToName } from '../names';
import { binary, fn, num, type MathNode } from '../nodes';
import { isChar, isCmd, type Token } from '../tokens';
import { isBarToken, readEvaluationPoint } from './evaluationBar';
import type { CommandSpec, ParserApi } from './registry';

export const delimiters: CommandSpec[] = [
  { names: ['left'], parse: (p, t) => parseLeft(p, t) },
  {
    names: ['{', 'lbrace'],
    parse: (p, t) => {
      p.next();
      return p.single(
        p.parseList(t, (u) => isCmd(u, '}') || isCmd(u, 'rbrace'), "'\\\\}'"),
        t,
      );
    },
  },
  {
    names: ['|', 'Vert', 'lVert'],
    parse: (p, t) => parseNorm(p, t, (u) => isCmd(u, '|') || isCmd(u, 'Vert') || isCmd(u, 'rVert')),
  },
  {
    names: ['vert', 'lvert'],
    parse: (p, t) => parseAbs(p, t, (u) => isCmd(u, 'vert') || isCmd(u, 'rvert'), '\\\\rvert'),
  },
  {
    names: ['lfloor', 'lceil'],
    parse: (p, t) => {
      p.next();
      const close = t.value === 'lfloor' ? 'rfloor' : 'rceil';
      const items = p.parseList(t, (u) => isCmd(u, close), `\\${close}`);
      return fn(t.value === 'lfloor' ? 'floor' : 'ceil', [p.only(items, t)]);
    },
  },
];

export function parseAbs(
  p: ParserApi,
  open: Token,
  isClose: (t: Token) => boolean,
  closeName: string,
): MathNode {
  p.next();
  const savedNorm = p.normDepth;
  p.absDepth++;
  p.normDepth = 0;
  if (isClose(p.peek())) fail(`empty |…|`, open.offset);
  const inner = p.parseAdditive();
  const c = p.peek();
  if (!isClose(c)) {
    if (c.kind === 'eof') fail(`missing closing ${closeName} for '|'`, open.offset);
    unexpected(c, `expected closing ${closeName} for '|'`);
  }
  p.next();
  p.absDepth--;
  p.normDepth = savedNorm;
  return fn('abs', [inner]);
}

function parseNorm(p: ParserApi, open: Token, isClose: (t: Token) => boolean): MathNode {
  p.next();
  const savedAbs = p.absDepth;
  p.normDepth++;
  p.absDepth = 0;
  if (isClose(p.peek())) fail(`empty norm`, open.offset);
  const inner = p.parseAdditive();
  const c = p.peek();
  if (!isClose(c)) {
    if (c.kind === 'eof') fail(`missing closing \\| for \\|`, open.offset);
    unexpected(c, `expected closing \\| for the norm`);
  }
  p.next();
  if (isCmd(c, 'right')) p.pos++;
  p.normDepth--;
  p.absDepth = savedAbs;
  return normSubscript(p, inner);
}

/** `\|x\|`, `\|x\|_2` → norm; `_F` → normFro; `_1`, `_\infty`, `_p` → normP. */
function normSubscript(p: ParserApi, inner: MathNode): MathNode {
  const u = p.peek();
  if (isChar(u, '^')) {
    // `\|x\|^2_2`: the subscript still belongs to the norm.
    const saved = p.pos;
    p.next();
    const power = p.parseArgument('^');
    if (isChar(p.peek(), '_')) return binary('pow', normSubscript(p, inner), power);
    p.pos = saved;
  }
  if (!isChar(p.peek(), '_')) return fn('norm', [inner]);
  p.next();
  if (p.peek().kind === 'num') p.splitNumber(p.pos);
  const { inner: sub, end } = p.argumentTokens();
  const sig = sub.map((u) => (u.kind === 'cmd' ? `\\${u.value}` : u.value)).join(' ');
  if (sig === '2') {
    p.pos = end;
    return fn('norm', [inner]);
  }
  if (tokensToName(sub) === 'F') {
    p.pos = end;
    return fn('normFro', [inner]);
  }
  if (sig === '\\infty' || sig === '∞') {
    p.pos = end;
    return fn('normP', [inner, num(Infinity)]);
  }
  return fn('normP', [inner, p.parseArgument('norm subscript')]);
}

function parseLeft(p: ParserApi, t: Token): MathNode {
  p.next();
  const d = p.toks[p.pos] as Token;
  if (d.kind === 'eof') fail(`missing delimiter after \\left`, t.offset);
  p.pos++;
  const isRight = (u: Token): boolean => isCmd(u, 'right');
  const dv = d.kind === 'cmd' ? `\\${d.value}` : d.value;
  switch (dv) {
    case '(':
    case '[':
    case '\\{':
    case '\\lbrace':
    case '\\lbrack':
      return p.single(p.parseList(t, isRight, '\\right'), t);
    case '.': {
      const body = p.single(p.parseList(t, isRight, '\\right'), t);
      // `\left. … \right|_{x = a}`: evaluated at x = a.
      const closer = p.toks[p.pos - 1] as Token;
      if (isBarToken(closer) && isChar(p.peek(), '_')) return readEvaluationPoint(p, body, closer);
      return body;
    }
    case '|':
    case '\\vert':
    case '\\lvert': {
      const items = p.parseList(t, isRight, '\\right|');
      return fn('abs', [p.only(items, t)]);
    }
    case '\\|':
    case '\\Vert':
    case '\\lVert': {
      const items = p.parseList(t, isRight, '\\right\\|');
      return normSubscript(p, p.only(items, t));
    }
    case '\\lfloor':
    case '\\lceil': {
      const items = p.parseList(t, isRight, '\\right');
      return fn(dv === '\\lfloor' ? 'floor' : 'ceil', [p.only(items, t)]);
    }
    case '\\langle':
      return fail(`\\left\\langle (inner product brackets) is not supported`, t.offset, 'unsupported');
    default:
      return fail(`\\left${dv} is not a delimiter`, t.offset);
  }
}
