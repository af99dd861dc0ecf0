// Probability operators: 𝔼[…] (`\mathbb{E}`, `\mathbf{E}`, `\operatorname{E}`, `E`, with a subscript naming
// the variable), Var(…) (`\operatorname{Var}`, `\mathrm{Var}`, `\mathbb{V}`), Cov(…, …), and P(…) (`P`,
// `\Pr`, `\mathbb{P}`) of events built from relations, ∩, ∪, complements and commas; `\mid` makes the
// conditional forms. They become the vocabulary's expect, variance, cov, prob, condProb and condExpect,
// which verify through probability/operators.ts.
import { fail } from '../errors';
import { binary, fn, unary, type MathNode } from '../nodes';
import { describeToken, isChar, isCmd, type Token } from '../tokens';
import { comparisonsAfter } from './comparisons';
import { divergenceOperator, informationOperator } from './information';
import type { CommandSpec, ParserApi } from './registry';
import { lookupTable } from '../../lookup';
import { conditionalValues, readLawSubscript, simIndex, type LawSubscript } from './lawSubscript';

type Operator = 'E' | 'Var' | 'Cov' | 'P';

/** The words that name an operator, per command that can write them. */
const byWord: Record<string, Operator> = lookupTable({
  E: 'E',
  Var: 'Var',
  var: 'Var',
  V: 'Var',
  Cov: 'Cov',
  cov: 'Cov',
  P: 'P',
  Pr: 'P',
});

function operatorAt(p: ParserApi, t: Token): Operator | undefined {
  const w = p.wordAt(p.pos + 1);
  if (!w) return undefined;
  const op = byWord[w.word];
  if (!op) return undefined;
  if (w.word.length > 1) return op;
  // `\mathbb{V}` and `\mathbb{P}` are operators; `\mathbf{P}` or `\mathrm{V}` may well be a matrix or a set.
  if (t.value === 'mathbb') return op;
  if (t.value === 'mathbf') return op === 'E' ? op : undefined;
  return op === 'E' || op === 'P' ? op : undefined;
}

/** Opening brackets an operator takes, with their closers. */
function opening(t: Token): string | undefined {
  if (isChar(t, '[')) return ']';
  if (isChar(t, '(')) return ')';
  if (isCmd(t, '{')) return '\\}';
  return undefined;
}

function isCloser(t: Token, close: string): boolean {
  return close === '\\}' ? isCmd(t, '}') : isChar(t, close) || isCmd(t, 'right');
}

/** `operand (joiner operand)*`, joined left to right with the binary `op`: one level of the event grammar. */
function joined(
  p: ParserApi,
  isJoiner: (t: Token | undefined) => boolean,
  op: 'and' | 'or',
  operand: (p: ParserApi) => MathNode,
): MathNode {
  let node = operand(p);
  while (isJoiner(p.peek())) {
    p.next();
    node = binary(op, node, operand(p));
  }
  return node;
}

/** An event: `A ∪ B`, `A ∩ B^c`, `\neg A`, `X = 1, Y > 0` (commas join as ∩), `|X − μ| ≥ kσ`. */
function parseEvent(p: ParserApi): MathNode {
  return joined(p, (t) => isChar(t, ','), 'and', parseUnion);
}

function parseUnion(p: ParserApi): MathNode {
  return spelled(
    p,
    'or',
    joined(p, (t) => isCmd(t, 'cup') || isCmd(t, 'lor') || isCmd(t, 'vee'), 'or', parseIntersection),
    parseUnion,
  );
}

function parseIntersection(p: ParserApi): MathNode {
  return spelled(
    p,
    'and',
    joined(p, (t) => isCmd(t, 'cap') || isCmd(t, 'land') || isCmd(t, 'wedge'), 'and', parseEventAtom),
    parseIntersection,
  );
}

/** `X = 1 \; \textrm{and} \; Y = -1`, `A \text{ or } B`, `X \in I \textrm{, and } Y \in J`: the word
 *  written out joins events as ∩ (∪ for "or"), binding like the symbol it spells. */
function spelled(
  p: ParserApi,
  op: 'and' | 'or',
  left: MathNode,
  operand: (p: ParserApi) => MathNode,
): MathNode {
  let node = left;
  for (let c = p.connectiveAt(p.pos); c?.word === op; c = p.connectiveAt(p.pos)) {
    p.pos = c.end;
    node = binary(op, node, operand(p));
  }
  return node;
}

type Node = MathNode & { type: string; fn?: string; args?: MathNode[]; name?: string };

function parseEventAtom(p: ParserApi): MathNode {
  const t = p.peek();
  if (isCmd(t, 'neg') || isCmd(t, 'lnot')) {
    p.next();
    return unary('not', parseEventAtom(p));
  }
  let left = p.parseAdditive();
  // `A^c`, `A^\complement`: the complement, not a power.
  const l = left as Node;
  if (l.type === 'OperatorNode' && l.fn === 'pow') {
    const [base, exp] = l.args as [Node, Node];
    if (base.type === 'SymbolNode' && exp.type === 'SymbolNode' && (exp.name === 'c' || exp.name === 'C'))
      left = unary('not', base);
  }
  const parts = comparisonsAfter(p, left, 'an event');
  return parts.length ? parts.reduce((a, b) => binary('and', a, b)) : left;
}

/** Reads the operator whose name ends at the cursor: subscript, bracket, argument(s), closer. */
export function parseOperator(p: ParserApi, op: Operator, start: Token, written: string): MathNode {
  // `\mathbb{E}_X[…]`, `\mathbb{E}_{x}`: the variable integrated over; `\mathbb{E}_{x \sim p}` names a law.
  let drawn: LawSubscript | undefined;
  if (isChar(p.peek(), '_')) {
    p.next();
    const { inner, end } = p.argumentTokens();
    const sim = simIndex(inner);
    if (sim >= 0) {
      if (op !== 'E' && op !== 'Var')
        fail(
          `${written} over a law written in its subscript is not supported`,
          (inner[sim] as Token).offset,
          'probability',
          '\\sim',
        );
      drawn = readLawSubscript(p, inner, sim);
    }
    p.pos = end;
  }
  let open = p.peek();
  if (
    isCmd(open, 'left') ||
    isCmd(open, 'big') ||
    isCmd(open, 'Big') ||
    isCmd(open, 'bigg') ||
    isCmd(open, 'Bigg')
  ) {
    p.next();
    open = p.peek();
  }
  const close = opening(open);
  if (!close)
    fail(
      `${written} needs its argument in brackets, as ${op === 'P' ? 'P(A)' : `${op}[X]`}`,
      start.offset,
      'probability',
      written,
    );
  p.next();
  let node: MathNode;
  if (op === 'P') {
    const event = parseEvent(p);
    node = isCmd(p.peek(), 'mid') ? (p.next(), fn('condProb', [event, parseEvent(p)])) : fn('prob', [event]);
  } else {
    const a = p.parseAdditive();
    if (op === 'Cov') {
      if (!isChar(p.peek(), ','))
        fail(`Cov needs two arguments, Cov(X, Y)`, start.offset, 'probability', 'Cov');
      p.next();
      node = fn('cov', [a, p.parseAdditive()]);
    } else if (op === 'E' && isCmd(p.peek(), 'mid')) {
      p.next();
      node = fn('condExpect', [a, p.parseAdditive()]);
    } else if (drawn) node = fn(op === 'E' ? 'expectFrom' : 'varianceFrom', [drawn.law, a, ...drawn.values]);
    else node = fn(op === 'E' ? 'expect' : 'variance', [a]);
  }
  const c = p.peek();
  if (isCmd(c, 'mid'))
    fail(`a conditional ${op} given this is not supported`, c.offset, 'probability', '\\mid');
  if (!isCloser(c, close)) {
    if (c.kind === 'eof') fail(`missing ${close} for ${describeToken(open)}`, open.offset);
    fail(`expected ${close} to close ${describeToken(open)}, found ${describeToken(c)}`, c.offset);
  }
  p.next();
  if (isCmd(c, 'right') || isCmd(c, 'big') || isCmd(c, 'Big')) p.pos++;
  return node;
}

function byCommand(p: ParserApi, t: Token): MathNode | undefined {
  const op = operatorAt(p, t);
  if (!op) return undefined;
  const w = p.wordAt(p.pos + 1) as { end: number; word: string };
  p.pos = w.end;
  return parseOperator(p, op, t, `\\${t.value}{${w.word}}`);
}

/** `\mathbb{E}`, `\operatorname{Var}`, `\mathrm{Cov}`…: registered before the fonts and words. */
export const probabilityOperators: CommandSpec = {
  names: ['mathbb', 'mathbf', 'operatorname', 'mathrm', 'textrm', 'text', 'mathsf', 'textnormal'],
  parse: byCommand,
};

/** `\Pr(A)`, `\Pr[X > 0]`. */
export const prCommand: CommandSpec = {
  names: ['Pr'],
  parse: (p, t) => {
    p.next();
    return parseOperator(p, 'P', t, '\\Pr');
  },
};

/** Plain `E[…]`, `E_X[…]`, `P(…)` of an undeclared E or P, and `H(X)`, `I(X; Y)`, `D_{KL}(P \| Q)`
 *  (information.ts), called
 *  from the symbol reader. */
export function plainOperator(p: ParserApi): MathNode | undefined {
  const information = informationOperator(p) ?? divergenceOperator(p) ?? conditionalValues(p);
  if (information) return information;
  const t = p.peek();
  if (t.kind !== 'letter' || (t.value !== 'E' && t.value !== 'P') || p.ctx.kindOf(t.value) !== undefined)
    return undefined;
  let i = p.pos + 1;
  if (isChar(p.at(i), '_')) i = p.sigIndex(p.argumentEnd(p.sigIndex(i + 1)));
  const next = p.at(i);
  const opens = isChar(next, '(') || isChar(next, '[') || (isCmd(next, 'left') && !isChar(p.at(i + 1), '.'));
  if (!opens) return undefined;
  p.next();
  return parseOperator(p, t.value as Operator, t, t.value);
}
