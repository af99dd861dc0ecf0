import assert from 'node:assert/strict';
import type { FunctionNode, MathNode, OperatorNode, SymbolNode } from 'mathjs';
import { parseExpression, vocabulary } from '../../../src/core/latex/index';
import { context, errorOf, show } from './helpers';

const node = (tex: string, ctx = context()): MathNode => {
  const r = parseExpression(tex, ctx);
  if (!r.ok) throw new Error(r.error.message);
  return r.node;
};

describe('latex expressions: products and operators', () => {
  it('never reorders a product', () => {
    const ab = node('AB', context({ A: 'matrix', B: 'matrix' })) as OperatorNode;
    assert.equal(ab.fn, 'multiply');
    assert.deepEqual(
      ab.args.map((a) => (a as SymbolNode).name),
      ['A', 'B'],
    );
    const ba = node('BA', context({ A: 'matrix', B: 'matrix' })) as OperatorNode;
    assert.deepEqual(
      ba.args.map((a) => (a as SymbolNode).name),
      ['B', 'A'],
    );
    assert.equal(show('X^\\top X'), 'transpose(X) X');
    assert.equal(show('X X^\\top'), 'X transpose(X)');
  });

  it('reads implicit multiplication', () => {
    assert.equal(show('2xy'), '2 x y');
    assert.equal(show('x(y+1)'), 'x (y + 1)');
    assert.equal(show('2\\pi r'), `2 (${Math.PI}) r`);
  });

  it('applies declared and conventional function symbols', () => {
    assert.equal(show('\\sigma(Ay+b)'), 'call(σ, A y + b)');
    assert.equal(show('f(x)'), 'call(f, x)');
    assert.equal(show('g(x, y)'), 'call(g, x, y)');
    assert.equal(show('L(\\theta)'), 'call(L, θ)');
    assert.equal(show('\\ell(y, \\hat y)'), 'call(ℓ, y, ŷ)');
    // a letter that is not a function multiplies
    assert.equal(show('a(x+1)'), 'a (x + 1)');
    // …unless declared a function
    assert.equal(show('a(x+1)', context({ a: 'function' })), 'call(a, x + 1)');
    // …and f declared a scalar multiplies
    assert.equal(show('f(x+1)', context({ f: 'scalar' })), 'f (x + 1)');
    // a list of arguments can only be an application
    assert.equal(show('u(a, b)'), 'call(u, a, b)');
  });

  it('reads \\cdot, \\times, /, \\odot and signs', () => {
    assert.equal(show('a \\cdot b'), 'a * b');
    assert.equal(show('A \\times B'), 'A * B');
    assert.equal(show('a / b'), 'a / b');
    assert.equal(show('a \\odot b'), 'hadamard(a, b)');
    assert.equal(show('-x^2'), '-x ^ 2');
    assert.equal(show('a - -b'), 'a - -b');
    assert.equal(show('a - b + c'), 'a - b + c');
  });

  it('reads fractions, roots, powers and binomials', () => {
    assert.equal(show('\\frac{a}{b}'), 'a / b');
    assert.equal(show('\\dfrac{1}{2} + \\tfrac{x}{y}'), '1 / 2 + x / y');
    assert.equal(show('\\frac12'), '1 / 2');
    assert.equal(show('\\sqrt{x}'), 'sqrt(x)');
    assert.equal(show('\\sqrt[3]{x}'), 'nthRoot(x, 3)');
    assert.equal(show('x^{n+1}'), 'x ^ (n + 1)');
    assert.equal(show('x^23'), 'x ^ 2 (3)');
    assert.equal(show('x^2_i'), 'x_i ^ 2');
    assert.equal(show('\\sum_{i=1}^n x^2_i'), 'sumOver(i, 1, n, entry(x, i) ^ 2)');
    assert.equal(show('x^{2^3}'), 'x ^ 2 ^ 3');
    assert.match(errorOf('x^2^3').message, /double superscript/);
    assert.equal(errorOf('x^2^3').offset, 3);
    assert.equal(show('\\binom{n}{k}'), 'binom(n, k)');
    assert.equal(show('n!'), 'n!');
  });

  it('reads numbers', () => {
    assert.equal(show('0.5'), '0.5');
    assert.equal(show('1{,}000'), '1000');
    assert.equal(show('1\\,000 + 2\\,x'), '1000 + 2 x');
    assert.equal(show('12\\,345\\,678'), '1.2345678e+7');
    assert.equal(show('1{,}000{,}000'), '1e+6');
    assert.equal(show('0{,}5'), '0.5');
    assert.equal(show('10^{-3}'), '10 ^ (-3)');
  });

  it('reads delimiters: \\left…\\right, sizes, brackets and braces', () => {
    assert.equal(show('\\left(a+b\\right)c'), '(a + b) c');
    assert.equal(show('\\bigl(a+b\\bigr)c'), '(a + b) c');
    assert.equal(show('\\Bigl[a+b\\Bigr]'), '(a + b)');
    assert.equal(show('[a+b]c'), '(a + b) c');
    assert.equal(show('\\{a+b\\}c'), '(a + b) c');
    assert.equal(show('\\left[ x \\right]^2'), '(x) ^ 2');
    assert.equal(show('a\\,b\\;c\\!d\\quad g'), 'a b c d g');
  });

  it('reads transposes', () => {
    for (const t of ['A^\\top', 'A^T', 'A^{T}', 'A^{\\intercal}', "A'", 'A^{\\mathsf{T}}'])
      assert.equal(show(t), 'transpose(A)', t);
    assert.equal(show('x^T', context({ T: 'scalar' })), 'x ^ T');
    assert.equal(show('(AB)^\\top'), 'transpose((A B))');
    assert.equal(show("(AB)'"), 'transpose((A B))');
    assert.equal(show('\\mathbf{AB}^\\top'), 'transpose((𝐀 𝐁))');
  });

  it("reads x' of a scalar as another point, not a (no-op) transpose", () => {
    assert.equal(show("f(x') - f(x)"), "call(f, x') - call(f, x)");
    assert.equal(show("x'", context({ x: 'vector' })), 'transpose(x)');
    assert.equal(show("\\mathbf{x}'"), "𝐱'");
    assert.equal(errorOf("f' + 1").code, 'unsupported');
  });

  it('reads ^{-1} as a matrix inverse only for matrices', () => {
    assert.equal(show('A^{-1}', context({ A: 'matrix' })), 'inv(A)');
    assert.equal(show('a^{-1}'), 'a ^ (-1)');
    assert.equal(show('(X^\\top X + \\lambda I)^{-1}'), 'inv((transpose(X) X + λ I))');
    assert.equal(show('(x + y)^{-1}'), '(x + y) ^ (-1)');
    assert.equal(show('A^{-\\top}', context({ A: 'matrix' })), 'transpose(inv(A))');
  });

  it('reads norms and absolute values', () => {
    assert.equal(show('\\|x\\|'), 'norm(x)');
    assert.equal(show('\\|x\\|_2^2'), 'norm(x) ^ 2');
    assert.equal(show('\\|A\\|_F'), 'normFro(A)');
    assert.equal(show('\\|x\\|_1'), 'normP(x, 1)');
    assert.equal(show('\\|x\\|_\\infty'), 'normP(x, Infinity)');
    assert.equal(show('\\left\\| x - y \\right\\|_2'), 'norm(x - y)');
    assert.equal(show('\\lVert x \\rVert'), 'norm(x)');
    assert.equal(show('|x| + |y|'), 'abs(x) + abs(y)');
    assert.equal(show('\\left| x \\right|'), 'abs(x)');
    assert.equal(show('\\|x\\|^2_2'), 'norm(x) ^ 2');
    assert.equal(show('\\|A\\|^2_F'), 'normFro(A) ^ 2');
    assert.equal(show('\\|A\\|_\\textrm{F}'), 'normFro(A)');
    assert.equal(show('|x| \\cdot \\left| y \\right|'), 'abs(x) * abs(y)');
  });

  it('reads named functions and operators', () => {
    assert.equal(show('\\exp(x) + \\log x + \\ln y'), 'exp(x) + log(x) + log(y)');
    assert.equal(show('\\sin x \\cos y'), 'sin(x) cos(y)');
    assert.equal(show('\\sin^2 x'), 'sin(x) ^ 2');
    assert.equal(show('\\tanh(z)'), 'tanh(z)');
    assert.equal(show('\\log_2 x'), 'log2(x)');
    assert.equal(show('\\operatorname{diag}(v)'), 'diag(v)');
    assert.equal(show('\\operatorname{tr}(AB)'), 'trace(A B)');
    assert.equal(show('\\mathrm{tr}(A)'), 'trace(A)');
    assert.equal(show('\\det A'), 'det(A)');
    assert.equal(show('\\operatorname{ReLU}(x)'), 'relu(x)');
    assert.equal(show('\\operatorname{sigmoid}(x)'), 'sigmoid(x)');
    assert.equal(show('\\operatorname{softmax}(z)'), 'softmax(z)');
    assert.equal(show('\\max(0, x)'), 'max(0, x)');
    assert.equal(show('\\min\\{a, b\\}'), 'min(a, b)');
    assert.equal(show('\\max\\left(a, b\\right)'), 'max(a, b)');
    assert.equal(show('\\operatorname{dropout}(x)'), 'call(dropout, x)');
  });

  it('reads old-style font switches', () => {
    assert.equal(show('{\\bf x}^\\top y'), 'transpose(𝐱) y');
    assert.equal(show('{\\cal L}'), 'ℒ');
  });

  it('reports \\arg\\min as unsupported', () => {
    assert.equal(errorOf('\\operatorname*{arg\\,min}_x f(x)').code, 'unsupported');
    assert.equal(errorOf('\\arg\\min_x f(x)').code, 'unsupported');
  });

  it('reports \\max_{…} as unsupported', () => {
    const e = errorOf('\\max_z |\\sigma(z)|');
    assert.equal(e.code, 'unsupported');
    assert.match(e.message, /\\max_/);
  });

  it('reads e and π as constants unless declared', () => {
    assert.equal(show('e^{-z}'), 'exp(-z)');
    assert.equal(show('e^{-1}'), 'exp(-1)');
    assert.equal(show('e'), String(Math.E));
    assert.equal(show('e^{x}', context({ e: 'scalar' })), 'e ^ x');
    assert.equal(show('\\pi', context({ π: 'scalar' })), 'π');
  });

  it('reads indicators as piecewise 1 or 0', () => {
    assert.equal(show('\\mathbb{1}_{x > 0}'), 'piecewise(x > 0, 1, 0)');
    assert.equal(show('\\mathbb{1}[x \\ge 0] x'), 'piecewise(x >= 0, 1, 0) x');
    assert.equal(show('\\mathbf{1}\\{0 < x < 1\\}'), 'piecewise(0 < x and x < 1, 1, 0)');
    assert.equal(errorOf('\\mathbf{1}').code, 'unsupported');
  });

  it('keeps I and 0 as identity and zero', () => {
    assert.equal(show('A + I', context({ A: 'matrix' })), 'A + I');
    assert.equal(show('x + 0'), 'x + 0');
    assert.equal(show('\\mathbf{I}'), 'I');
  });
});

describe('latex expressions: sums, cases, matrices, derivatives', () => {
  it('reads sums and products with bounds; the body ends at + or -', () => {
    assert.equal(show('\\sum_{i=1}^{n} x_i^2 + 1'), 'sumOver(i, 1, n, entry(x, i) ^ 2) + 1');
    assert.equal(show('\\prod_{k=1}^{3} k'), 'prodOver(k, 1, 3, k)');
    assert.equal(show('\\sum_{i=1}^n a_i b_i'), 'sumOver(i, 1, n, entry(a, i) entry(b, i))');
    assert.equal(
      show('\\sum_{i=1}^{n}\\sum_{j=1}^{m} w_{ij}'),
      'sumOver(i, 1, n, sumOver(j, 1, m, entry(w, i, j)))',
    );
    assert.equal(show('x_i'), 'x_i');
    assert.equal(show('x_i', context({ i: 'index' })), 'entry(x, i)');
    assert.equal(show('\\sum_{i=1}^{n} \\mathbf{x}^{(i)}'), 'sumOver(i, 1, n, entry(𝐱, i))');
    assert.equal(show('x^{(i)}'), 'x^{(i)}');
    // A family of functions, one per i (families.test.ts); a letter that is no family letter is refused.
    assert.equal(show('\\sum_{i=1}^{n} f_i(x)'), 'sumOver(i, 1, n, call(entry(f, i), x))');
    assert.equal(errorOf('\\sum_{i=1}^{n} \\sigma_i(x)').code, 'unsupported');
    // `\\sum_i x_i` now runs over what i indexes (ellipses.test.ts); a product without bounds is still refused.
    assert.equal(errorOf('\\prod_i x_i').code, 'unsupported');
    // A small whole power of a function name before its argument: g²(x) = g(x)², not an inverse.
    assert.equal(show('g^2(x)'), 'call(g, x) ^ 2');
    assert.equal(show('h^2(x)'), 'h ^ 2 (x)');
    assert.doesNotMatch(show('f^{-1}(y)'), /call/);
    // Σ to ∞ is a series (summed numerically); Π to ∞ is not read.
    assert.equal(show('\\sum_{n=0}^{\\infty} a^n'), 'seriesOver(n, 0, a ^ n)');
    assert.equal(errorOf('\\prod_{i=1}^{\\infty} x_i').code, 'unsupported');
  });

  it('reads piecewise definitions', () => {
    assert.equal(
      show('\\begin{cases} x & \\text{if } x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}'),
      'piecewise(x > 0, x, 0)',
    );
    assert.equal(
      show('\\begin{cases} 1 & x \\ge 0, \\\\ -1 & x < 0 \\end{cases}'),
      'piecewise(x >= 0, 1, x < 0, -1)',
    );
    assert.equal(
      show('\\begin{cases} 1 & 0 < x < 1 \\\\ 0 & \\text{else}\\end{cases}'),
      'piecewise(0 < x and x < 1, 1, 0)',
    );
    assert.equal(
      errorOf('\\begin{cases} 0 & \\text{with probability } p \\\\ x & \\text{otherwise}\\end{cases}').code,
      'probability',
    );
  });

  it('reads matrices', () => {
    assert.equal(show('\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}'), '[[1, 2], [3, 4]]');
    assert.equal(show('\\begin{pmatrix} a \\\\ b \\end{pmatrix}'), '[[a], [b]]');
    assert.match(show('\\begin{bmatrix} 1 & 2 \\\\ 3 \\end{bmatrix}'), /different lengths/);
    assert.match(show('\\begin{bmatrix} 1 & 2 \\end{pmatrix}'), /does not match/);
  });

  it('reads derivatives', () => {
    assert.equal(show('\\frac{d}{dx} x^2'), 'deriv(x, x ^ 2)');
    assert.equal(show('\\frac{d}{dx}\\left(x^2 + 1\\right)'), 'deriv(x, (x ^ 2 + 1))');
    assert.equal(show('\\frac{d f}{dx}'), 'derivFn(f, 1, x)');
    assert.equal(show('\\frac{d}{dx} f'), 'derivFn(f, 1, x)');
    // evaluated at a point: not a product with (x_0)
    assert.equal(show('\\frac{df}{dx}(x_0)'), 'derivFn(f, 1, x_0)');
    assert.equal(show('\\frac{d^2 f}{dx^2}(t)'), 'derivFn(f, 2, t)');
    // a partial at a point (issue 11): the slot x names, at (a, b); still not a product
    assert.equal(show('\\frac{\\partial f}{\\partial x}(a, b)'), 'partialAt(f, 1, x, a, b)');
    assert.equal(show('\\frac{d}{dx} f(x) + 1'), 'deriv(x, call(f, x)) + 1');
    assert.equal(show('\\frac{d}{dx} \\sin x \\cos x + 1'), 'deriv(x, sin(x) cos(x)) + 1');
    assert.equal(show('\\frac{d (x^3)}{dx}'), 'deriv(x, (x ^ 3))');
    assert.equal(show('\\frac{\\partial}{\\partial y} (x y)'), 'deriv(y, (x y))');
    assert.equal(show('\\frac{\\partial f}{\\partial x}'), 'deriv(x, call(f, x))');
    assert.equal(show('\\frac{\\partial^2 f}{\\partial x \\partial y}'), 'deriv(x, deriv(y, call(f, x, y)))');
    assert.equal(show('\\frac{d^2 y}{dx^2}'), 'deriv(x, deriv(x, y))');
    assert.equal(show('\\frac{\\mathrm{d}}{\\mathrm{d}x} x'), 'deriv(x, x)');
    assert.equal(show('\\frac{d}{2}'), 'd / 2');
    assert.equal(show('\\nabla_\\theta L'), 'grad(θ, call(L, θ))');
    assert.equal(show('\\nabla_{\\theta} \\mathcal{L}(\\theta)'), 'grad(θ, call(ℒ, θ))');
    assert.equal(show("\\sigma'(z) + f''(x)"), 'derivFn(σ, 1, z) + derivFn(f, 2, x)');
    assert.equal(show('f^{\\prime}(x) + f^{\\prime\\prime}(y)'), 'derivFn(f, 1, x) + derivFn(f, 2, y)');
  });
});

describe('latex expressions: errors', () => {
  it('names unknown commands at their offset', () => {
    const e = errorOf('x + \\foo');
    assert.equal(e.code, 'syntax');
    assert.equal(e.offset, 4);
    assert.match(e.message, /unknown command \\foo/);
  });

  it('names the unexpected token and its offset, with no position in the message', () => {
    const e = errorOf('x + y}');
    assert.equal(e.message, "unexpected '}' (no matching '{')");
    assert.equal(e.offset, 5);
    assert.equal(e.subject, "'}'");
    const f = errorOf('(x + 1]');
    assert.equal(f.offset, 6);
    assert.equal(f.subject, "']'");
    assert.doesNotMatch(f.message, /column|line/);
  });

  it('names the command of an unknown or unsupported command', () => {
    assert.deepEqual(
      ['\\foo', '\\int', '\\ldots', 'x \\circ y', '\\Pr'].map((tex) => {
        const e = errorOf(tex);
        return [e.code, e.subject];
      }),
      [
        ['syntax', '\\foo'],
        ['unsupported', '\\int'],
        ['unsupported', '\\ldots'],
        ['unsupported', '\\circ'],
        ['probability', '\\Pr'],
      ],
    );
  });

  it('reports a missing \\right', () => {
    const e = errorOf('\\left( x + 1');
    assert.equal(e.message, 'missing \\right for \\left(');
    assert.equal(e.offset, 0);
  });

  it('reports missing operands and closing brackets', () => {
    assert.match(errorOf('x +').message, /end of input/);
    assert.match(errorOf('(x + 1').message, /missing '\)' for '\('$/);
    assert.match(errorOf('\\frac{1}').message, /\\frac is missing an argument/);
    assert.match(errorOf('x^').message, /missing superscript/);
  });

  it('reads 𝔼, Var, Cov and P of events as the probability operators', () => {
    assert.equal(show('\\mathbb{E}[x]'), 'expect(x)');
    assert.equal(show('\\operatorname{Var}(x)'), 'variance(x)');
    assert.equal(show('\\mathrm{Cov}(x, y)'), 'cov(x, y)');
    assert.equal(show('\\Pr(A)'), 'prob(A)');
    assert.equal(show('P(A \\cup B^c)'), 'prob(A or not B)');
    assert.equal(show('P(X = 1, Y > 0)'), 'prob(X == 1 and Y > 0)');
    assert.equal(show('P(A \\mid B)'), 'condProb(A, B)');
    assert.equal(show('\\mathbb{E}[\\mathbb{E}[X \\mid Y]]'), 'expect(condExpect(X, Y))');
    assert.equal(show('E_X[X^2]'), 'expect(X ^ 2)');
    assert.equal(show('\\mathbb{E}\\left[X\\right]^2'), 'expect(X) ^ 2');
  });

  it('reports the probability notation it does not evaluate as probability', () => {
    for (const tex of [
      'p(y \\mid \\theta)',
      'p(y \\mid 2x)',
      'x \\sim y',
      '\\mathbb{E}_{x \\sim p}[x]',
      '\\mathbb{E} x',
    ])
      assert.equal(errorOf(tex).code, 'probability', tex);
    assert.equal(show('P(x)', context({ P: 'function' })), 'call(P, x)');
  });

  it('turns deep nesting into an error instead of a stack overflow', () => {
    const deep = '('.repeat(5000) + 'x' + ')'.repeat(5000);
    assert.match(errorOf(deep).message, /nested too deeply/);
    const braces = '{'.repeat(3000) + 'x' + '}'.repeat(3000);
    assert.match(errorOf(braces).message, /nested too deeply/);
    const fracs = '\\frac{'.repeat(2000) + '1' + '}{2}'.repeat(2000);
    assert.match(errorOf(fracs).message, /nested too deeply/);
  });
});

describe('latex expressions: node shapes', () => {
  it('emits FunctionNodes with vocabulary names and raw arguments for sums', () => {
    const n = node('\\sum_{i=1}^{3} i') as FunctionNode;
    assert.equal(n.fn.name, 'sumOver');
    assert.equal((n.args[0] as SymbolNode).name, 'i');
  });
});

describe('latex expressions: vocabulary', () => {
  it('emits only function names of vocabulary.ts', () => {
    const inputs = [
      '\\sum_{i=1}^{n} x_i^2 + \\prod_{k=1}^{3} k',
      '\\|x\\|_2 + \\|A\\|_F + \\|x\\|_1 + |x| + \\sqrt[3]{x} + \\sqrt{y}',
      'A^{-1} + A^\\top + \\det A + \\operatorname{tr}(A) + \\operatorname{diag}(v)',
      '\\exp x + \\log x + \\log_2 x + \\log_{10} x + \\sin x + \\cos x + \\tan x + \\tanh x',
      '\\max(a, b) + \\min(a, b) + \\operatorname{ReLU}(x) + \\operatorname{sigmoid}(x) + \\operatorname{softmax}(z)',
      '\\binom{n}{k} + a \\odot b + \\lfloor x \\rfloor + \\lceil x \\rceil + \\operatorname{sign}(x)',
      '\\begin{cases} 1 & x > 0 \\\\ 0 & \\text{otherwise} \\end{cases} + \\frac{d}{dx} x^2 + \\nabla_x f(x)',
      "f(x) + \\sigma'(z) + \\operatorname{softmax}(z)_i + \\mathbb{1}_{x > 0}",
    ];
    const names = new Set<string>();
    for (const tex of inputs) {
      const n = node(tex, context({ A: 'matrix' }));
      n.traverse((c) => {
        if ((c as FunctionNode).isFunctionNode) names.add((c as FunctionNode).fn.name);
      });
    }
    for (const name of names) assert.ok(name in vocabulary, `${name} is not in the vocabulary`);
    assert.ok(names.size >= 30, `only ${names.size} names exercised`);
  });
});
