// Environment bodies: the `{name}` after `\\begin`/`\\end`, and rows of `&`-separated cells up to `\\end{name}`.
import { fail, unexpected } from '../errors';
import { skipArgument } from '../macros';
import type { MathNode } from '../nodes';
import { isChar, isCmd, type Token } from '../tokens';
import type { ParserApi } from './api';

export function readEnvironmentName(p: ParserApi, at: Token): string {
  const open = p.toks[p.pos];
  if (!isChar(open, '{')) fail(`\\${at.value} needs {name}`, at.offset);
  const end = skipArgument(p.toks, p.pos);
  const name = p.toks
    .slice(p.pos + 1, end - 1)
    .map((u) => u.value)
    .join('');
  p.pos = end;
  return name;
}

/** Rows of `&`-separated cells up to `\end{env}`. */
export function parseRows(
  p: ParserApi,
  t: Token,
  env: string,
  cell: (column: number) => MathNode,
): MathNode[][] {
  const rows: MathNode[][] = [];
  let row: MathNode[] = [];
  for (;;) {
    const u = p.peek();
    if (isCmd(u, 'end')) break;
    if (u.kind === 'eof') fail(`missing \\end{${env}} for \\begin{${env}}`, t.offset);
    row.push(cell(row.length));
    const s = p.peek();
    if (isChar(s, '&')) p.next();
    else if (isCmd(s, '\\')) {
      p.next();
      if (isChar(p.peek(), '[')) p.skipBracket();
      rows.push(row);
      row = [];
    } else if (!isCmd(s, 'end')) {
      if (s.kind === 'eof') fail(`missing \\end{${env}} for \\begin{${env}}`, t.offset);
      unexpected(s, `in \\begin{${env}}`);
    }
  }
  if (row.length) rows.push(row);
  const end = p.next();
  const name = readEnvironmentName(p, end);
  if (name !== env) fail(`\\end{${name}} does not match \\begin{${env}}`, end.offset);
  return rows;
}
