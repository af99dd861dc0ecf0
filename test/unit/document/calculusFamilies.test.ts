// Families of unknown functions, derivatives numbered by a bound index, sums over several indices and
// chained partial derivatives (issue 11): each verified where true, refuted where wrong, and unverifiable
// with a reason code where it cannot be read.
import assert from 'node:assert/strict';
import { verifyDocument } from '../../../src/core/document';
import { block, statuses as status } from '../support/documentSteps';

const steps = (text: string) => verifyDocument(text).derivations.flatMap((d) => d.steps);

describe('calculus: a family of unknown functions, one per index', () => {
  it('differentiates f_i term by term: verified, and a wrong right side refuted', () => {
    assert.deepEqual(status(block("\\frac{d}{dx} \\sum_{i=1}^n f_i(x) = \\sum_{i=1}^n f_i'(x)")), [
      'verified',
    ]);
    assert.deepEqual(status(block("\\frac{d}{dx} \\sum_{i=1}^n f_i(x) = \\sum_{i=1}^n f_i'(x)^2")), [
      'refuted',
    ]);
    assert.deepEqual(status(block('\\frac{d}{dx} \\sum_{i=1}^n f_i(x) = \\sum_{i=1}^n f_i(x)')), ['refuted']);
  });

  it('draws the members independently, the same one for the same index', () => {
    assert.deepEqual(status(block('\\sum_{i=1}^n f_i(x) = \\sum_{j=1}^n f_{n+1-j}(x)')), ['verified']);
    // Only f_1 on the right: were the members one function, this would hold.
    assert.deepEqual(status(block('\\sum_{i=1}^{2} f_i(x) = 2 \\sum_{i=1}^{1} f_i(x)')), ['refuted']);
  });

  it('writes out the members that break a step, a few of them', () => {
    const [s] = steps(block('\\sum_{i=1}^{6} f_i(x) = \\sum_{i=1}^{6} f_i(x)^2'));
    assert.equal(s?.status, 'refuted');
    assert.match(s?.message ?? '', /f_1\(x\) = /);
    assert.equal((s?.message ?? '').match(/f_\d\(x\) = /g)?.length, 3);
  });

  it('takes the gradient of a loss per example, l^{(i)}(w), and lists the family as assumed', () => {
    const w = '<!-- let w \\in \\mathbb{R}^{d} -->\n';
    const right =
      '\\nabla_w \\frac{1}{n}\\sum_{i=1}^n l^{(i)}(w) = \\frac{1}{n}\\sum_{i=1}^n \\nabla_w l^{(i)}(w)';
    const wrong = '\\nabla_w \\frac{1}{n}\\sum_{i=1}^n l^{(i)}(w) = \\sum_{i=1}^n \\nabla_w l^{(i)}(w)';
    const [s] = steps(w + block(right));
    assert.equal(s?.status, 'verified');
    // The family is listed, with the reading taken.
    assert.ok(s?.assumptions.some((a) => a.symbol === 'l_i' && a.role === 'function' && a.convention));
    assert.deepEqual(status(w + block(wrong)), ['refuted']);
    assert.deepEqual(
      status(block('\\nabla_w \\sum_{i=1}^n l^{(i)}(w, b) = \\sum_{i=1}^n \\nabla_w l^{(i)}(w, b)')),
      ['verified'],
    );
  });

  it('lets f(x) = (1/n) Σ f_i(x) define f, so that its gradient is checked after it', () => {
    const text =
      block('f(\\mathbf{x}) = \\frac{1}{n} \\sum_{i = 1}^n f_i(\\mathbf{x})') +
      '\n' +
      block('\\nabla f(\\mathbf{x}) = \\frac{1}{n} \\sum_{i = 1}^n \\nabla f_i(\\mathbf{x})') +
      '\n' +
      block('\\nabla f(\\mathbf{x}) = \\sum_{i = 1}^n \\nabla f_i(\\mathbf{x})');
    const s = steps(text);
    assert.deepEqual(
      s.map((x) => [x.status, x.reason]),
      [
        ['unverifiable', 'definition'],
        ['verified', undefined],
        ['refuted', 'counterexample'],
      ],
    );
  });

  it('is unverifiable with a reason where the family cannot be read', () => {
    const declared =
      block('l^{(i)}(w, b) = (w + b)^2') + '\n' + block('L(w, b) = \\sum_{i=1}^n l^{(i)}(w, b)');
    const cases = [
      block('\\sum_{i=1}^n \\sigma_i(x + 1) = (x + 1)\\sum_{i=1}^n \\sigma_i'),
      '<!-- let f \\in \\mathbb{R} -->\n' + block('\\sum_{i=1}^n f_i(x, y) = 0'),
    ];
    for (const text of cases) {
      const [s] = steps(text);
      assert.equal(s?.status, 'unverifiable', text);
      assert.equal(s?.reason, 'unsupported-notation', text);
    }
    const last = steps(declared).at(-1);
    assert.equal(last?.status, 'unverifiable');
    assert.equal(last?.reason, 'unsupported-notation');
  });
});

describe('calculus: f^{(i)} as the i-th derivative', () => {
  it('verifies the Taylor polynomial term by term and refutes it without the factorials', () => {
    const taylor = '\\sum_{i = 0}^{2} \\frac{f^{(i)}(x_0)}{i!}(x-x_0)^{i}';
    const right = `${taylor} = f(x_0) + f'(x_0)(x - x_0) + \\frac{f''(x_0)}{2}(x-x_0)^2`;
    const wrong = `${taylor} = f(x_0) + f'(x_0)(x - x_0) + f''(x_0)(x-x_0)^2`;
    const [s] = steps(block(right));
    assert.equal(s?.status, 'verified');
    // f^{(i)} read as a derivative is said so in the report.
    assert.ok(s?.assumptions.some((a) => a.symbol === 'f' && a.role === 'function' && a.convention));
    assert.deepEqual(status(block(wrong)), ['refuted']);
  });

  it('sums the Taylor series of an unknown (analytic) f, and refutes a shifted one', () => {
    const series = '\\sum_{n = 0}^\\infty \\frac{f^{(n)}(x_0)}{n!}(x-x_0)^{n}';
    assert.deepEqual(status(block(`f(x) = ${series}`)), ['verified']);
    // x_0 only on the right would make the wrong variant read as a statement about particular values.
    const points = '<!-- let x, x_0 \\in \\mathbb{R} -->\n';
    const shifted = 'f(x) = \\sum_{n = 0}^\\infty \\frac{f^{(n)}(x_0)}{n!}(x-x_0)^{n+1}';
    assert.deepEqual(status(points + block(shifted)), ['refuted']);
  });

  it('reads f^{(3)}(x) as f′′′(x), and refuses an order that varies for a declared f', () => {
    assert.deepEqual(status(block("f'''(x) = f^{(3)}(x)")), ['verified']);
    // Written first, f^{(3)}(x) = … is a claim about f, not the definition of a function named f^{(3)}.
    assert.deepEqual(status(block("f^{(3)}(x) = f'''(x)")), ['verified']);
    assert.deepEqual(status(block("f''(x) = f^{(3)}(x)")), ['refuted']);
    const cube = '<!-- let f(x) = x^3 -->\n';
    assert.deepEqual(status(cube + block('f^{(2)}(x) = 6 x')), ['verified']);
    assert.deepEqual(status(cube + block('f^{(2)}(x) = 3 x^2')), ['refuted']);
    const [s] = steps('<!-- let f(x) = e^{2x} -->\n' + block('\\sum_{i=0}^{2} f^{(i)}(0) = 7'));
    assert.equal(s?.status, 'unverifiable');
    assert.equal(s?.reason, 'unsupported-notation');
  });
});

describe('sums over several indices', () => {
  const a = '<!-- let A \\in \\mathbb{R}^{m \\times n}\nB, C \\in \\mathbb{R}^{n \\times n} -->\n';
  it('runs each index over the declared shape: the Frobenius norm verified, its square root refuted', () => {
    assert.deepEqual(status(a + block('\\sum_{i,j} A_{ij}^2 = \\|A\\|_F^2')), ['verified']);
    assert.deepEqual(status(a + block('\\sum_{i,j} A_{ij}^2 = \\|A\\|_F')), ['refuted']);
    assert.deepEqual(status(a + block('\\sum_{ij} A_{ij}^2 = \\operatorname{tr}(A^\\top A)')), ['verified']);
    assert.deepEqual(status(a + block('\\sum_{i, j, k} B_{ij} C_{jk} = \\sum_{i, k} (B C)_{ik}')), [
      'verified',
    ]);
    assert.deepEqual(status(a + block('\\sum_{i, j, k} B_{ij} C_{jk} = \\sum_{i, k} (C B)_{ik}')), [
      'refuted',
    ]);
    assert.deepEqual(status(block('\\sum_{i, j = 1}^{3} i j = 36')), ['verified']);
    assert.deepEqual(status(block('\\sum_{i, j = 1}^{3} i j = 18')), ['refuted']);
  });

  it('is unverifiable with the reason when an index indexes nothing declared', () => {
    const [s] = steps(a + block('\\sum_{i, j, k} A_{ij} = 0'));
    assert.equal(s?.status, 'unverifiable');
    assert.equal(s?.reason, 'unsupported-notation');
    assert.equal(s?.subject, '\\sum_k');
    // An undeclared x_{ij} is now a sampled matrix (calculusLooseSums.test.ts): `= 0` is then a claim about
    // particular values, which sampling does not judge.
    const [t] = steps(block('\\sum_{i, j} x_{ij} = 0'));
    assert.equal(t?.status, 'unverifiable');
    assert.equal(t?.reason, 'one-sided-symbol');
  });
});

describe('calculus: \\partial_x^2 and \\partial_x \\partial_y', () => {
  it('verifies mixed partials in either order and refutes a wrong one', () => {
    assert.deepEqual(status(block('\\partial_x \\partial_y f = \\partial_y \\partial_x f')), ['verified']);
    assert.deepEqual(
      status(
        block(
          '\\frac{\\partial^2 f}{\\partial x \\partial y} = \\frac{\\partial^2 f}{\\partial y \\partial x}',
        ),
      ),
      ['verified'],
    );
    assert.deepEqual(
      status(block('\\partial_x \\partial_y f = \\frac{\\partial^2 f}{\\partial x \\partial y}')),
      ['verified'],
    );
    assert.deepEqual(status(block('\\partial_x \\partial_y (x^2 y^2) = 4 x y')), ['verified']);
    assert.deepEqual(status(block('\\partial_x \\partial_y (x^2 y^2) = 2 x y')), ['refuted']);
  });

  it('reads \\partial_x^2 as the second derivative', () => {
    assert.deepEqual(status(block('\\partial_x^2 (x^3 y) = 6 x y')), ['verified']);
    assert.deepEqual(status(block('\\partial_x^2 (x^3 y) = 3 x^2 y')), ['refuted']);
    assert.deepEqual(status(block('\\partial_x^2 f = \\frac{\\partial^2 f}{\\partial x^2}')), ['verified']);
    const [s] = steps(block('\\partial_x^{1/2} f = 0'));
    assert.equal(s?.status, 'unverifiable');
    assert.equal(s?.reason, 'unsupported-notation');
  });
});
