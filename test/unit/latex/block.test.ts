import assert from 'node:assert/strict';
import { formatPosition, lineColumn, parseBlock } from '../../../src/core/latex/index';
import type { Claim } from '../../../src/core/latex/types';
import { context } from './helpers';

/** Each claim as `lhs REL rhs; …` (steps printed by mathjs) or `error(code)`. */
function claims(tex: string, ctx = context()): string[] {
  return parseBlock(tex, ctx).map((c: Claim) =>
    c.ok
      ? c.steps.map((s) => `${s.lhs.node.toString()} ${s.relation} ${s.rhs.node.toString()}`).join('; ')
      : `error(${c.error.code}, ${c.relations})`,
  );
}

describe('latex blocks: splitting into claims', () => {
  it('splits a chain at top-level relations', () => {
    assert.deepEqual(claims('a = b \\le c < d'), ['a = b; b \\le c; c < d']);
    assert.deepEqual(claims('x \\neq y \\approx z'), ['x \\ne y; y \\approx z']);
    assert.deepEqual(claims('x \\geq 0, \\quad y \\leqslant 1'), ['x \\ge 0', 'y \\le 1']);
  });

  it('yields no claim for a block without a relation', () => {
    assert.deepEqual(parseBlock('\\frac{a}{b} + c', context()), []);
    assert.deepEqual(parseBlock('', context()), []);
  });

  it('keeps relations inside groups out of the split', () => {
    assert.deepEqual(claims('\\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases} = y'), [
      'piecewise(x > 0, 1, x <= 0, 0) = y',
    ]);
  });

  it('reads align rows; &= continues the previous chain', () => {
    const tex = '\\begin{align} a &= b + c \\\\ &= c + b \\\\ &\\le d \\end{align}';
    assert.deepEqual(claims(tex), ['a = b + c; b + c = c + b; c + b \\le d']);
    const aligned = '\\begin{aligned} x &= 1 \\\\ y &= 2 \\end{aligned}';
    assert.deepEqual(claims(aligned), ['x = 1', 'y = 2']);
  });

  it('reads two equation columns of one aligned row as two claims', () => {
    assert.deepEqual(claims('\\begin{aligned} a &= b & c &= d \\\\ &= g \\end{aligned}'), [
      'a = b',
      'c = d; d = g',
    ]);
    assert.deepEqual(claims('\\begin{alignat}{2} x &= y &\\quad& u = v \\end{alignat}'), ['x = y', 'u = v']);
    assert.deepEqual(claims('a &= b && \\text{by (1)}'), ['a = b']);
  });

  it('continues a chain over a row that starts with an operator', () => {
    assert.deepEqual(claims('\\begin{split} a &= b \\\\ & \\quad + c \\end{split}'), ['a = b + c']);
  });

  it('reads gathered, split and eqnarray rows', () => {
    assert.deepEqual(claims('\\begin{gathered} a = b \\\\ c = d \\end{gathered}'), ['a = b', 'c = d']);
    assert.deepEqual(claims('\\begin{eqnarray} a &=& b \\\\ &=& c \\end{eqnarray}'), ['a = b; b = c']);
    assert.deepEqual(claims('a = b \\\\ c = d'), ['a = b', 'c = d']);
  });

  it('separates independent claims at \\quad, \\qquad, \\text, arrows and ;', () => {
    assert.deepEqual(claims('a = b, \\quad c = d'), ['a = b', 'c = d']);
    assert.deepEqual(claims('a = b \\qquad c = d'), ['a = b', 'c = d']);
    assert.deepEqual(claims('a = b \\text{ and } c = d'), ['a = b', 'c = d']);
    assert.deepEqual(claims('a = b \\Rightarrow c = d \\implies u = v \\iff g = h'), [
      'a = b',
      'c = d',
      'u = v',
      'g = h',
    ]);
    assert.deepEqual(claims('a = b; c = d'), ['a = b', 'c = d']);
  });

  it('keeps a condition out of the claim itself', () => {
    assert.deepEqual(claims('|x| = x \\quad \\text{if } x \\ge 0'), ['abs(x) = x']);
    assert.deepEqual(claims('y_i = 2 x_i \\quad \\forall i'), ['y_i = 2 x_i']);
  });

  it('ignores \\tag, \\label, \\nonumber and trailing punctuation', () => {
    assert.deepEqual(claims('a = b \\tag{1}\\label{eq:a}.'), ['a = b']);
    assert.deepEqual(claims('\\begin{align} a &= b \\nonumber \\\\ &= c, \\end{align}'), ['a = b; b = c']);
  });

  it('reads := and annotated relations', () => {
    assert.deepEqual(claims('a := b'), ['a = b']);
    assert.deepEqual(claims('a \\overset{(i)}{=} b \\stackrel{\\text{def}}{\\le} c'), ['a = b; b \\le c']);
  });

  it('gives offsets and TeX of sides and relations in the input', () => {
    const tex = 'x + 1 \\leq  2y';
    const [c] = parseBlock(tex, context());
    assert.ok(c?.ok);
    const step = c.steps[0]!;
    assert.equal(step.relationTex, '\\leq');
    assert.equal(step.relationOffset, 6);
    assert.equal(step.lhs.tex, 'x + 1');
    assert.equal(step.lhs.offset, 0);
    assert.equal(step.lhs.end, 5);
    assert.equal(step.rhs.tex, '2y');
    assert.equal(tex.slice(step.rhs.offset, step.rhs.end), '2y');
  });

  it('fails only the steps of a chain that touch an unreadable side', () => {
    const result = parseBlock('a = b = \\foo = c = d', context());
    assert.equal(result.length, 3);
    assert.ok(result[0]?.ok);
    assert.equal(result[0].steps.length, 1);
    assert.ok(result[1] && !result[1].ok);
    assert.equal(result[1].relations, 2);
    assert.equal(result[1].error.offset, 8);
    assert.ok(result[2]?.ok);
  });

  it('keeps each failed step: its relation, both sides as written and which side failed', () => {
    const [, failed] = parseBlock('a = b = \\foo = c = d', context());
    assert.ok(failed && !failed.ok);
    assert.deepEqual(
      failed.steps?.map((s) => [
        s.relationTex,
        s.relationOffset,
        s.lhsTex,
        s.rhsTex,
        s.lhsError?.offset,
        s.rhsError?.offset,
      ]),
      [
        ['=', 6, 'b', '\\foo', undefined, 8],
        ['=', 13, '\\foo', 'c', 8, undefined],
      ],
    );
    const [missing] = parseBlock('a = ', context());
    assert.ok(missing && !missing.ok);
    assert.deepEqual(
      missing.steps?.map((s) => [s.lhsTex, s.rhsTex, s.rhsError?.message]),
      [['a', '', 'missing expression after the last relation']],
    );
  });

  it('places an error of a multi-line block by its offset, not in its message', () => {
    const tex = 'a = b \\\\\n c = \\foo';
    const [, c] = parseBlock(tex, context());
    assert.ok(c && !c.ok);
    assert.equal(c.error.message, 'unknown command \\foo');
    assert.equal(c.error.offset, 14);
    assert.deepEqual(lineColumn(tex, c.error.offset), { line: 2, column: 6 });
    assert.equal(formatPosition(tex, c.error.offset), 'line 2, column 6');
    assert.equal(formatPosition('x + }', 4), 'line 1, column 5');
  });

  it('reports a missing side', () => {
    const [c] = parseBlock('= b', context());
    assert.ok(c && !c.ok);
    assert.match(c.error.message, /missing expression before the relation/);
  });

  it('reports probability, \\sim and \\in', () => {
    assert.deepEqual(claims('\\mathbb{E}[x] = \\mu'), ['expect(x) = μ']);
    // `p(y \\mid x)` of values is read (probability/pairing.ts pairs them or refuses); given a parameter it is not.
    assert.deepEqual(claims('p(y \\mid \\theta) = 1'), ['error(probability, 1)']);
    assert.deepEqual(claims('p(y \\mid x) = 1'), ['pmfGiven(p, [y], [x]) = 1']);
    assert.deepEqual(claims('w \\sim \\mathcal{N}(0, 1)'), []);
    assert.deepEqual(claims('x \\in A = B'), ['error(unsupported, 1)']);
    // A relation Stepwise does not judge is a step of its own (issue 13): `a = b` is still checked.
    assert.deepEqual(claims('a = b \\lesssim c'), ['a = b', 'error(unsupported-relation, 1)']);
  });

  it('reads a claim that starts with p(x) as a statement about a function p', () => {
    assert.deepEqual(claims('p(x) = \\frac{1}{1+x^2}'), ['call(p, x) = 1 / (1 + x ^ 2)']);
    assert.deepEqual(claims('c_i(\\mathbf{x}) \\le 0'), ['call(c_i, 𝐱) \\le 0']);
    // …but not a product with an expression, nor a declared scalar, nor the right side
    assert.deepEqual(claims('x(y+1) = xy + x'), ['x (y + 1) = x y + x']);
    assert.deepEqual(claims('p(x) = 1', context({ p: 'scalar' })), ['p (x) = 1']);
    assert.deepEqual(claims('y = p(x)'), ['y = p (x)']);
  });

  it('reads a \\text{…} name next to a relation as a symbol', () => {
    assert.deepEqual(claims('\\text{price} = 2 w'), ['price = 2 w']);
    assert.deepEqual(claims('p = w \\cdot \\textrm{area} + b'), ['p = w * area + b']);
    assert.deepEqual(claims('x = 1 \\text{ so } -y = 2'), ['x = 1', '-y = 2']);
  });
});

describe('latex blocks: macros', () => {
  it('expands macros of the context and of the block', () => {
    const ctx = context({}, { R: { params: 0, body: '\\mathbb{R}' }, sq: { params: 1, body: '{#1}^2' } });
    assert.deepEqual(claims('\\sq{x+1} = x', ctx), ['(x + 1) ^ 2 = x']);
    assert.deepEqual(claims('\\newcommand{\\half}[1]{\\frac{#1}{2}} \\half{a} = b'), ['a / 2 = b']);
    assert.deepEqual(claims('\\def\\t#1#2{#1 + #2} \\t{a}{b} = c'), ['a + b = c']);
  });

  it('stops recursive macros with an error instead of hanging', () => {
    const [c] = parseBlock('\\def\\a{\\a\\a} \\a = 1', context());
    assert.ok(c && !c.ok);
    assert.match(c.error.message, /macro/);
    assert.equal(c.error.offset, 13);
    const [d] = parseBlock('\\def\\b{\\b x} \\b = 1', context());
    assert.ok(d && !d.ok);
  });

  it('keeps error offsets at the macro use', () => {
    const ctx = context({}, { bad: { params: 0, body: '\\foo' } });
    const [c] = parseBlock('x = 1 + \\bad', ctx);
    assert.ok(c && !c.ok);
    assert.equal(c.error.offset, 8);
  });
});

/** The conditions attached to each claim, as `lhs REL rhs` per step or `error: message`. */
function conditions(tex: string, ctx = context()): string[][] {
  return parseBlock(tex, ctx).map((c) =>
    c.ok
      ? (c.conditions ?? []).map((k) =>
          k.error
            ? `error: ${k.error.message}`
            : k.steps
                .map((s) => `${s.lhs.node.toString()} ${s.relation} ${s.rhs.node.toString()}`)
                .join('; '),
        )
      : [],
  );
}

describe('latex blocks: conditions on a claim', () => {
  it('reads \\textrm{ for all }, \\text{if }, \\text{for }, \\forall as conditions', () => {
    assert.deepEqual(conditions('\\|\\mathbf{x}\\| > 0 \\textrm{ for all } \\mathbf{x} \\neq 0'), [
      ['𝐱 \\ne 0'],
    ]);
    assert.deepEqual(conditions('\\frac{|x|}{x} = 1 \\text{if } x > 0'), [['x > 0']]);
    assert.deepEqual(conditions('\\frac{x}{x} = 1 \\quad \\text{for } x \\ne 0'), [['x \\ne 0']]);
    assert.deepEqual(conditions('\\sqrt{x^2} = x \\quad \\forall x > 0'), [['x > 0']]);
  });

  it('reads a parenthesized relation and a membership after a claim', () => {
    assert.deepEqual(conditions('\\sqrt{x^2} = x \\quad (x > 0)'), [['x > 0']]);
    assert.deepEqual(conditions('\\log x < 0, \\quad x \\in (0, 1)'), [['x > 0; x < 1']]);
    assert.deepEqual(conditions('\\log x \\le 0, \\quad x \\in (0, 1]'), [['x > 0; x \\le 1']]);
    assert.deepEqual(conditions('x^2 \\ge 0 \\text{ for } x \\in \\mathbb{R}'), [[]], 'ℝ restricts nothing');
  });

  it('shares a relation over a list of symbols and continues a condition after a comma', () => {
    assert.deepEqual(conditions('|x| = x \\text{ for } x, y > 0'), [['y > 0', 'x > 0']]);
    assert.deepEqual(conditions('a = b \\text{ if } x > 0, y < 1'), [['x > 0', 'y < 1']]);
  });

  it('\\text{ and } after a condition adds a condition; a comma continues an aside', () => {
    assert.deepEqual(claims('|x| = x \\text{ for } x \\ge 0 \\text{ and } y > 0'), ['abs(x) = x']);
    assert.deepEqual(conditions('|x| = x \\text{ for } x \\ge 0 \\text{ and } y > 0'), [
      ['x \\ge 0', 'y > 0'],
    ]);
    assert.deepEqual(claims('y = a + b \\text{ where } a = 1, b = 2'), ['y = a + b']);
    assert.deepEqual(
      claims('a = b \\text{ and } c = d'),
      ['a = b', 'c = d'],
      'and between claims still splits',
    );
  });

  it('keeps a condition it cannot read as an error, never dropping it', () => {
    const [[prime]] = conditions('x = 1 \\text{ if } x \\text{ is prime}') as [[string]];
    assert.match(prime, /^error: 'if x' states no relation/);
    const [[notin]] = conditions('x^2 = x \\text{ for } x \\notin S') as [[string]];
    assert.match(notin, /^error: .*cannot be sampled/);
    const [, otherwise] = conditions('f = 1 \\text{ if } y > 0, \\quad f = 0 \\text{ otherwise}');
    assert.match(otherwise?.[0] ?? '', /^error: the condition 'otherwise/);
  });

  it('ignores an index range, and asides after where/since', () => {
    assert.deepEqual(conditions('a_i = 2 b_i \\text{ for } i = 1, \\dots, n'), [[]]);
    assert.deepEqual(conditions('a_i = 2 b_i \\quad \\forall i \\in \\{1, \\dots, n\\}'), [[]]);
    const [[integers]] = conditions('(-1)^{2k} = 1 \\text{ for } k \\in \\mathbb{Z}') as [[string]];
    assert.match(integers, /^error: .*asks for integers/);
    assert.deepEqual(conditions('y = 2z \\quad \\text{where } z = x + 1'), [[]]);
    assert.deepEqual(claims('y = 2z \\quad \\text{where } z = x + 1'), ['y = 2 z']);
  });

  it('a condition standing before the claim applies to it', () => {
    assert.deepEqual(conditions('\\forall x > 0: \\quad \\sqrt{x^2} = x'), [['x > 0']]);
  });
});
