import assert from 'node:assert/strict';
import { parse } from 'mathjs';
import type { Relation } from '../../../src/core/latex/types';
import { SymbolTable } from '../../../src/core/symbols';
import { defaultVerifyOptions } from '../../../src/core/types';
import { verifyStep } from '../../../src/core/verify/step';
import { bounds, check, declare, def, domain, fn, table } from './helpers';

const square = table(
  declare(['A', 'B'], domain(['n', 'n'])),
  declare(['n'], bounds('1', '6', false, false, 'integer')),
);

describe('verifyStep: matrices', () => {
  it('refutes AB = BA for matrices with a matrix counterexample and both values', () => {
    const v = check('A * B', '=', 'B * A', square);
    assert.equal(v.status, 'refuted');
    assert.ok(Array.isArray(v.counterexample?.A), 'A is shown as a matrix');
    assert.ok(v.values && Array.isArray(v.values.lhs));
    assert.notDeepEqual(v.values.lhs, v.values.rhs);
    assert.match(v.message, /left side = \[\[/);
  });

  it('verifies ab = ba for scalars', () => {
    const v = check('a * b', '=', 'b * a');
    assert.equal(v.status, 'verified');
    assert.equal(v.samples, 24);
  });

  it('verifies (AB)^T = B^T A^T and refutes (AB)^T = A^T B^T', () => {
    assert.equal(check('transpose(A * B)', '=', 'transpose(B) * transpose(A)', square).status, 'verified');
    assert.equal(check('transpose(A * B)', '=', 'transpose(A) * transpose(B)', square).status, 'refuted');
  });

  it('verifies (AB)^{-1} = B^{-1} A^{-1} and refutes the unswapped order', () => {
    assert.equal(check('inv(A * B)', '=', 'inv(B) * inv(A)', square).status, 'verified');
    assert.equal(check('inv(A * B)', '=', 'inv(A) * inv(B)', square).status, 'refuted');
  });

  it('sizes I from its context: (I + A) - A = I', () => {
    const v = check('(I + A) - A', '=', 'I', square);
    assert.equal(v.status, 'verified');
    assert.ok(v.assumptions.some((a) => a.symbol === 'I' && a.role === 'constant' && a.isDefault));
  });

  it('reads I_n like I', () => {
    assert.equal(check('(I_n + A) - A', '=', 'I_n', square).status, 'verified');
    assert.equal(check('(I_n + A) - A', '=', 'A', square).status, 'refuted');
  });

  it('reads rectangular products: (XW)^T = W^T X^T with X m×n and W n×k', () => {
    const t = table(declare(['X'], domain(['m', 'n'])), declare(['W'], domain(['n', 'k'])));
    assert.equal(check('transpose(X * W)', '=', 'transpose(W) * transpose(X)', t).status, 'verified');
  });

  it('reports a product of mismatched sizes as a shape mismatch, with the sizes drawn', () => {
    const t = table(
      declare(['X'], domain(['m', 'n'])),
      declare(['m'], bounds('3', '3', false, false, 'integer')),
      declare(['n'], bounds('2', '2', false, false, 'integer')),
    );
    const v = check('X * X', '=', 'X', t);
    assert.equal(v.status, 'unverifiable');
    assert.match(
      v.message,
      /shape mismatch in the left side: cannot multiply 3×2 by 3×2 \(at m = 3, n = 2\)/,
    );
  });

  it('refutes sides of different declared shapes, and names both shapes', () => {
    const t = table(
      declare(['X'], domain(['m', 'n'])),
      declare(['m'], bounds('3', '3', false, false, 'integer')),
      declare(['n'], bounds('2', '2', false, false, 'integer')),
    );
    const v = check('X', '=', 'transpose(X)', t);
    assert.equal(v.status, 'refuted');
    assert.equal(v.reason, 'shape-mismatch');
    assert.match(v.message, /left is 3×2, right is 2×3/);
  });

  it('\\ne between sides of different declared shapes is verified', () => {
    const t = table(declare(['X'], domain(['3', '2'])));
    assert.equal(check('X', '\\ne', 'transpose(X)', t).status, 'verified');
  });

  it('inequalities compare every entry with a scalar: softmax(x) ≤ 1 and exp(x) > 0 for vectors', () => {
    const t = table(declare(['x'], domain(['n'])));
    assert.equal(check('softmax(x)', '\\le', '1', t).status, 'verified');
    assert.equal(check('exp(x)', '>', '0', t).status, 'verified');
    assert.equal(check('x', '\\le', '1', t).status, 'refuted');
    const eq = check('exp(x)', '=', '1', t);
    assert.equal(eq.status, 'refuted', 'an equation still needs equal shapes');
    assert.equal(eq.reason, 'shape-mismatch');
  });

  it('calls a shape mismatch unverifiable when a symbol took a default domain', () => {
    const t = table(declare(['A'], domain(['n', 'n'])));
    const v = check('A * x', '=', 'x', t);
    assert.equal(v.status, 'unverifiable');
    assert.equal(v.reason, 'shape-mismatch');
    assert.deepEqual(
      v.assumptions.find((a) => a.symbol === 'x'),
      { symbol: 'x', domain: 'ℝ', isDefault: true, role: 'value' },
    );
  });

  it('compares a vector with the literal 0 entrywise', () => {
    const t = table(declare(['x'], domain(['n'])));
    assert.equal(check('x - x', '=', '0', t).status, 'verified');
    assert.equal(check('x + x', '=', '0', t).status, 'refuted');
  });

  it('treats a 1×1 product x^T y as a scalar', () => {
    const t = table(declare(['x', 'y'], domain(['n'])));
    assert.equal(check('transpose(x) * y', '=', 'transpose(y) * x', t).status, 'verified');
    assert.equal(check('transpose(x) * x', '\\ge', '0', t).status, 'verified');
  });

  it('evaluates norms, trace, det and diag', () => {
    const t = table(declare(['x'], domain(['n'])), ...[declare(['A', 'B'], domain(['n', 'n']))]);
    assert.equal(check('norm(x)^2', '=', 'transpose(x) * x', t).status, 'verified');
    assert.equal(check('trace(A * B)', '=', 'trace(B * A)', t).status, 'verified');
    assert.equal(check('det(A * B)', '=', 'det(A) * det(B)', t).status, 'verified');
    assert.equal(check('normFro(A)^2', '=', 'trace(transpose(A) * A)', t).status, 'verified');
    assert.equal(check('norm(A)', '\\le', 'normFro(A)', t).status, 'verified');
    assert.equal(check('diag(x) * x', '=', 'hadamard(x, x)', t).status, 'verified');
  });
});

describe('verifyStep: derivatives, piecewise, sums, functions', () => {
  it('Jacobian of x + f(x) is I + J_f (f = tanh elementwise)', () => {
    const t = table(declare(['x'], domain(['n'])), fn('f', ['z'], 'tanh(z)'));
    assert.equal(
      check('grad(x, x + call(f, x))', '=', 'I + diag(1 - hadamard(tanh(x), tanh(x)))', t).status,
      'verified',
    );
    assert.equal(check('grad(x, x + call(f, x))', '=', 'I + grad(x, call(f, x))', t).status, 'verified');
    assert.equal(
      check('grad(x, x + call(f, x))', '=', 'diag(1 - hadamard(tanh(x), tanh(x)))', t).status,
      'refuted',
    );
  });

  it('Jacobian of Wx is W; gradient of x^T A x is (A + A^T) x', () => {
    const t = table(declare(['x'], domain(['n'])), declare(['W', 'A'], domain(['n', 'n'])));
    assert.equal(check('grad(x, W * x)', '=', 'W', t).status, 'verified');
    assert.equal(check('grad(x, transpose(x) * A * x)', '=', '(A + transpose(A)) * x', t).status, 'verified');
    assert.equal(check('grad(x, transpose(x) * A * x)', '=', '2 * A * x', t).status, 'refuted');
  });

  it("scalar derivatives: d/dx x^3 = 3x^2, and σ' = σ(1 - σ)", () => {
    const t = table(fn('σ', ['z'], '1 / (1 + e^(-z))'));
    assert.equal(check('deriv(x, x^3)', '=', '3 x^2').status, 'verified');
    assert.equal(check('deriv(x, x^3)', '=', '3 x').status, 'refuted');
    assert.equal(check('derivFn(σ, 1, z)', '=', 'call(σ, z) * (1 - call(σ, z))', t).status, 'verified');
  });

  it('ReLU as cases: equals max(0, x); its derivative is the step, kinks are redrawn', () => {
    const relu = 'piecewise(x > 0, x, 0)';
    assert.equal(check(relu, '=', 'max(0, x)').status, 'verified');
    assert.equal(check(relu, '=', 'relu(x)').status, 'verified');
    assert.equal(check(relu, '=', 'abs(x)').status, 'refuted');
    const step = check(`deriv(x, ${relu})`, '=', 'piecewise(x > 0, 1, 0)');
    assert.equal(step.status, 'verified');
  });

  it('a cases block with no matching case and no otherwise is undefined there', () => {
    const v = check('piecewise(x > 100, x)', '=', 'x');
    assert.equal(v.status, 'unverifiable');
    assert.match(v.message, /no case of the piecewise definition applies/);
  });

  it('sums with bounds: Σ_{i=1}^n i = n(n+1)/2 with n an integer', () => {
    const t = table(declare(['n'], bounds('1', '512', false, false, 'integer')));
    assert.equal(check('sumOver(i, 1, n, i)', '=', 'n * (n + 1) / 2', t).status, 'verified');
    assert.equal(check('sumOver(i, 1, n, i)', '=', 'n^2 / 2', t).status, 'refuted');
    assert.equal(check('prodOver(i, 1, n, i)', '=', 'n!', t).status, 'verified');
  });

  it('sums over entries: Σ_i x_i^2 = ‖x‖²', () => {
    const t = table(declare(['x'], domain(['n'])));
    assert.equal(check('sumOver(i, 1, n, entry(x, i)^2)', '=', 'norm(x)^2', t).status, 'verified');
  });

  it('entries of an undeclared symbol ask for its declaration unless a sum runs over them', () => {
    // Inside a sum over i, x is sampled as a vector of length n (looseVectors.ts).
    assert.equal(check('sumOver(i, 1, n, entry(x, i)^2)', '\\ge', '0').status, 'verified');
    // An entry at a free k: nothing says what x is.
    const v = check('entry(x, k)^2', '\\ge', '0');
    assert.equal(v.status, 'unverifiable');
    assert.match(
      v.message,
      /x has subscripted entries but is not declared: declare it, e\.g\. x \\in \\mathbb\{R\}\^\{n\}/,
    );
  });

  it('a sum with a huge bound is unverifiable, never a hang', () => {
    const v = check('sumOver(i, 1, 10^12, i)', '=', '1');
    assert.equal(v.status, 'unverifiable');
    assert.equal(v.reason, 'evaluation-error');
    assert.match(v.message, /beyond the work budget/);
    const nested = check('sumOver(i, 1, 3000, sumOver(j, 1, 3000, i * j))', '=', '1');
    assert.equal(nested.status, 'unverifiable');
    assert.match(nested.message, /work budget/);
  });

  it('declared scalar functions apply elementwise: σ(Ay + b)', () => {
    const t = table(
      fn('σ', ['z'], '1 / (1 + exp(-z))'),
      declare(['A'], domain(['n', 'n'])),
      declare(['y', 'b'], domain(['n'])),
    );
    assert.equal(check('call(σ, A * y + b)', '=', 'sigmoid(A * y + b)', t).status, 'verified');
    assert.equal(check('call(σ, A * y + b)', '=', 'A * call(σ, y) + b', t).status, 'refuted');
  });

  it('substitutes definitions: a = 1/sqrt(n) gives the issue chain', () => {
    const t = table(def('a', '1 / sqrt(n)'), declare(['n'], bounds('1', '512', false, false, 'integer')));
    assert.equal(check('(a - (-a))^2 / 12', '=', 'a^2 / 3', t).status, 'verified');
    assert.equal(check('a^2 / 3', '=', '1 / (3 n)', t).status, 'verified');
    assert.equal(check('a^2 / 3', '=', '1 / (6 n)', t).status, 'refuted');
  });

  it('an undeclared function is unverifiable and says how to declare it', () => {
    const v = check('call(g, x)', '=', 'x');
    assert.equal(v.status, 'unverifiable');
    assert.match(
      v.message,
      /g is an undeclared function: declare it in a <!-- let … --> comment, e\.g\. g\(x\) = …/,
    );
  });

  it('a circular definition is unverifiable, not a stack overflow', () => {
    const t = table(def('a', 'b + 1'), def('b', 'a * 2'));
    const v = check('a', '=', '1', t);
    assert.equal(v.status, 'unverifiable');
    assert.match(v.message, /circular definition/);
  });
});

describe('verifyStep: relations and statuses', () => {
  it('\\ne is verified once a sample differs and refuted when the sides agree everywhere', () => {
    const yes = check('(x + 1)^2', '\\ne', 'x^2 + 1');
    assert.equal(yes.status, 'verified');
    const no = check('(x + 1)^2', '\\ne', 'x^2 + 2 x + 1');
    assert.equal(no.status, 'refuted');
    assert.equal(no.reason, 'counterexample');
  });

  it('inequalities: x^2 ≥ 0 and e^x ≥ 1 + x hold; x^2 > 0 fails at x = 0 exactly', () => {
    assert.equal(check('x^2', '\\ge', '0').status, 'verified');
    const ex = check('e^x', '\\ge', '1 + x');
    assert.equal(ex.status, 'verified');
    assert.ok(ex.assumptions.some((a) => a.symbol === 'e' && a.role === 'constant' && a.isDefault));
    const strict = check('x^2', '>', '0');
    assert.equal(strict.status, 'refuted');
    assert.deepEqual(strict.counterexample, { x: 0 });
    assert.deepEqual(strict.values, { lhs: 0, rhs: 0 });
    assert.match(strict.message, /at x = 0: left side = 0, right side = 0/);
    assert.equal(check('x', '<', 'x + 1').status, 'verified');
    assert.equal(check('x', '\\le', 'x - 1').status, 'refuted');
  });

  it('\\approx uses approxTol', () => {
    assert.equal(check('1 / 1.001', '\\approx', '1').status, 'verified');
    assert.equal(check('1 / 1.001', '=', '1').status, 'refuted');
    assert.equal(check('1 / 1.001', '\\approx', '1', undefined, { approxTol: 1e-4 }).status, 'refuted');
  });

  it('prefers a simple counterexample: (x + y)^2 = x^2 + y^2', () => {
    const v = check('(x + y)^2', '=', 'x^2 + y^2');
    assert.equal(v.status, 'refuted');
    for (const value of Object.values(v.counterexample ?? {}))
      assert.ok([0, 1, -1, 2, 0.5].includes(value as number));
  });

  it('redraws undefined samples: sqrt(x)^2 = x on default reals still verifies', () => {
    const v = check('sqrt(x)^2', '=', 'x');
    assert.equal(v.status, 'verified');
    assert.equal(v.samples, 24);
    const frac = check('x^2 / x', '=', 'x');
    assert.equal(frac.status, 'verified', 'x = 0 is redrawn, not a counterexample');
  });

  it('too few valid samples is unverifiable with the reason', () => {
    const v = check('log(-(x^2) - 1)', '=', '0');
    assert.equal(v.status, 'unverifiable');
    assert.match(
      v.message,
      /too few valid samples: 0 of \d+ drawn \(most were invalid: the left side is undefined/,
    );
  });

  it('a singular inverse is an invalid sample: redrawn, and unverifiable when always singular', () => {
    const t = table(declare(['A'], domain(['n', 'n'])));
    assert.equal(check('inv(A) * A', '=', 'I', t).status, 'verified');
    const v = check('inv(A - A)', '=', 'A', t);
    assert.equal(v.status, 'unverifiable');
    assert.match(v.message, /singular matrix has no inverse/);
  });

  it('reports default assumptions', () => {
    const v = check('x + y', '=', 'y + x');
    assert.deepEqual(v.assumptions, [
      { symbol: 'x', domain: 'ℝ', isDefault: true, role: 'value' },
      { symbol: 'y', domain: 'ℝ', isDefault: true, role: 'value' },
    ]);
    const dims = check('transpose(transpose(A))', '=', 'A', table(declare(['A'], domain(['m', 'n']))));
    const m = { symbol: 'm', domain: '{1,…,4}', isDefault: true, role: 'dimension' };
    assert.deepEqual(
      dims.assumptions.find((a) => a.symbol === 'm'),
      m,
    );
    // A declared symbol is listed with its declared domain, not as a default.
    assert.deepEqual(
      dims.assumptions.find((a) => a.symbol === 'A'),
      { symbol: 'A', domain: 'ℝ^{m×n}', isDefault: false, role: 'value' },
    );
    const fixed = check('transpose(transpose(A))', '=', 'A', table(declare(['A'], domain(['m', 'n']))), {
      defaultDimension: 3,
    });
    assert.deepEqual(
      fixed.assumptions.find((a) => a.symbol === 'm'),
      { ...m, domain: '{3}' },
    );
  });

  it('is deterministic: same seed, same verdict, message and counterexample', () => {
    const t = table(declare(['A', 'B'], domain(['n', 'n'])));
    const a = check('A * B + x', '=', 'B * A + x', t, {}, 123);
    const b = check('A * B + x', '=', 'B * A + x', t, {}, 123);
    assert.deepEqual(a, b);
  });
});

describe('verifyStep: partial derivatives by entry', () => {
  it('∂/∂x_j of Σ_i x_i^2 is 2 x_j', () => {
    const t = table(declare(['x'], domain(['n'])), declare(['j'], bounds('1', 'n', false, false, 'integer')));
    assert.equal(
      check('deriv(entry(x, j), sumOver(i, 1, n, entry(x, i)^2))', '=', '2 * entry(x, j)', t).status,
      'verified',
    );
    assert.equal(
      check('deriv(entry(x, j), sumOver(i, 1, n, entry(x, i)^2))', '=', 'entry(x, j)', t).status,
      'refuted',
    );
  });
});

describe('verifyStep: limits', () => {
  it('a declared matrix too large to sample is unverifiable, not a hang', () => {
    const t = table(declare(['A'], domain(['1000', '1000'])));
    const v = check('A * A', '=', 'A', t);
    assert.equal(v.status, 'unverifiable');
    assert.match(v.message, /A would be 1000×1000, too large to sample/);
  });

  it('huge matrix powers do not wrap around: (2I)^(2^40) overflows rather than equalling I', () => {
    const t = table(declare(['A'], domain(['2', '2'])));
    assert.notEqual(check('(2 * I + 0 * A)^(2^40)', '=', 'I + 0 * A', t).status, 'verified');
  });
});

describe('verifyStep: undeclared symbols', () => {
  it('an undeclared symbol bounding a sum is drawn as a size', () => {
    const v = check('sumOver(i, 1, n, i)', '=', 'n * (n + 1) / 2');
    assert.equal(v.status, 'verified');
    assert.ok(
      v.assumptions.some((a) => a.symbol === 'n' && a.role === 'dimension' && a.domain === '{1,…,4}'),
    );
  });

  it('an equation with an undeclared symbol on one side only reads as a definition: unverifiable, not refuted', () => {
    const v = check('yhat', '=', 'w * x + b');
    assert.equal(v.status, 'unverifiable');
    assert.deepEqual([v.reason, v.subject], ['one-sided-symbol', 'yhat']);
    const declared = check('yhat', '=', 'w * x + b', table(declare(['yhat', 'w', 'x', 'b'], domain())));
    assert.equal(declared.status, 'refuted', 'once declared, the claim is judged');
  });

  it('inequalities keep their refutations unless both sides hold unrelated undeclared symbols', () => {
    assert.equal(check('x^2', '>', '0').status, 'refuted');
    assert.equal(check('s', '\\le', 'n').status, 'unverifiable');
    assert.equal(check('s', '\\le', 'n', table(declare(['s', 'n'], domain()))).status, 'refuted');
  });
});

describe('verifyStep: derivatives by entry of undeclared vectors', () => {
  it('asks for the declaration of the vector', () => {
    const v = check('deriv(entry(z, j), 2)', '=', '0');
    assert.equal(v.status, 'unverifiable');
    assert.deepEqual([v.reason, v.subject], ['undeclared-symbol', 'z']);
  });
});

describe('verifyStep: block matrices', () => {
  it('assembles blocks, sizing I and 0 from their neighbours', () => {
    const t = table(declare(['A', 'B'], domain(['n', 'n'])), declare(['x', 'y'], domain(['n'])));
    assert.equal(check('[[A, 0], [0, B]] * [[x], [y]]', '=', '[[A * x], [B * y]]', t).status, 'verified');
    assert.equal(check('[[A, 0], [0, B]] * [[x], [y]]', '=', '[[B * x], [A * y]]', t).status, 'refuted');
    assert.equal(check('[[I, A], [0, I]] * [[I, -A], [0, I]]', '=', 'I', t).status, 'verified');
    assert.equal(check('[[I, A], [0, I]] * [[I, A], [0, I]]', '=', 'I', t).status, 'refuted');
    const alone = check('[[I, 0], [0, I]]', '=', 'I', t);
    assert.equal(alone.status, 'unverifiable', 'blocks of I and 0 alone have no size');
    assert.match(alone.message, /the size of I inside a block matrix is unknown/);
    assert.equal(check('det([[A, B], [0, I]])', '=', 'det(A)', t).status, 'verified');
  });

  it('reports blocks that do not fit', () => {
    const t = table(declare(['A'], domain(['2', '2'])), declare(['x'], domain(['3'])));
    const v = check('[[A, x]]', '=', '[[A, x]]', t);
    assert.equal(v.status, 'unverifiable');
    assert.match(v.message, /block/);
  });
});

describe('verifyStep: cases over vectors', () => {
  it('ReLU of a vector as cases equals relu entrywise', () => {
    const t = table(declare(['x'], domain(['n'])));
    assert.equal(check('piecewise(x > 0, x, 0)', '=', 'relu(x)', t).status, 'verified');
    assert.equal(check('piecewise(x > 0, x, 0)', '=', 'abs(x)', t).status, 'refuted');
    assert.equal(check('piecewise(x > 0 and x < 1, 1, 0)', '\\le', '1', t).status, 'verified');
  });
});

describe('verifyStep: derivatives of undeclared symbols', () => {
  it('∂y_ℓ/∂y_{ℓ-1} with y_ℓ undeclared is unverifiable, not 0', () => {
    const v = check('deriv(y_l, y_k)', '=', '0');
    assert.equal(v.status, 'unverifiable');
    assert.deepEqual([v.reason, v.subject], ['undeclared-symbol', 'y_k']);
    // A true chain rule would otherwise be refuted: 0 · ∂y_k/∂x ≠ 1.
    assert.equal(check('deriv(y_l, y_k) * deriv(x, y_l)', '=', '1').status, 'unverifiable');
  });

  it('differentiates through definitions, and a declared constant has derivative 0', () => {
    const t = table(def('z', 'a * x^2'), declare(['a', 'x', 'c'], domain()));
    assert.equal(check('deriv(x, z)', '=', '2 a x', t).status, 'verified');
    assert.equal(check('deriv(x, c)', '=', '0', t).status, 'verified');
    const u = table(def('w', 'b * y'));
    const v = check('deriv(x, w)', '=', '0', u);
    assert.equal(v.status, 'unverifiable', 'w reads only the undeclared b and y, never x');
    assert.equal(v.reason, 'undeclared-symbol');
  });
});

describe('verifyStep: conditions and definitions', () => {
  const node = (s: string) => parse(s);
  it('redraws samples that violate a condition, and names it', () => {
    const run = (lhs: string, rhs: string, conds: [Relation, string, string][], text: string) =>
      verifyStep(
        {
          relation: '=',
          lhs: node(lhs),
          rhs: node(rhs),
          conditions: conds.map(([relation, l, r]) => ({ relation, lhs: node(l), rhs: node(r) })),
          conditionText: text,
        },
        SymbolTable.empty,
        defaultVerifyOptions,
        7,
      );
    const ok = run('sqrt(x^2)', 'x', [['>', 'x', '0']], 'x > 0');
    assert.equal(ok.status, 'verified');
    assert.match(ok.message, /under x > 0$/);
    const wrong = run('sqrt(x^2)', 'x', [['<', 'x', '0']], 'x < 0');
    assert.equal(wrong.status, 'refuted');
    assert.ok((wrong.counterexample?.x as number) < 0);
    const rare = run('log(x)', '0', [['=', 'x', '1']], 'x = 1');
    assert.equal(rare.status, 'unverifiable');
    assert.equal(rare.reason, 'condition-rarely-holds');
  });

  it('a first step defining its lone left side is unverifiable; later steps are checked', () => {
    const v = verifyStep(
      { relation: '=', lhs: node('y'), rhs: node('2 x'), first: true },
      SymbolTable.empty,
      defaultVerifyOptions,
      7,
    );
    assert.equal(v.status, 'unverifiable');
    assert.deepEqual([v.reason, v.subject], ['definition', 'y']);
    const later = verifyStep(
      { relation: '=', lhs: node('y'), rhs: node('2 x'), first: false },
      SymbolTable.empty,
      defaultVerifyOptions,
      7,
    );
    assert.equal(later.reason, 'one-sided-symbol');
  });
});
