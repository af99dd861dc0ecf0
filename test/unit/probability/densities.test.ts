// Densities and distribution functions: p_X(x), f_X(x), F_X(x) and p(x) used as the density of one random
// variable. Without a law the variable is tested on random mixtures of normals; with one, its density.
import assert from 'node:assert/strict';
import { block, only, statuses, steps } from '../support/documentSteps';

const let_ = (...lines: string[]): string => `<!-- let\n${lines.join('\n')}\n-->\n\n`;

describe('probability: densities of variables with no stated law', () => {
  it('verifies the mean, the variance and probabilities written with the density', () => {
    const s = only(block('\\mu_X = \\int_{-\\infty}^\\infty x p_X(x) \\; dx'));
    assert.equal(s.status, 'verified');
    assert.equal(s.method, 'quadrature');
    assert.ok(s.assumptions.some((a) => a.symbol === 'X' && a.role === 'random'));
    assert.deepEqual(
      statuses(
        [
          block(
            '\\sigma^2_X = E[X^2] - \\mu_X^2 = \\int_{-\\infty}^\\infty x^2p_X(x) \\; dx - \\left(\\int_{-\\infty}^\\infty xp_X(x) \\; dx\\right)^2',
          ),
          block('P(X\\in(a, b]) = \\int _ {a}^{b} p(x) \\; dx'),
          block('P(X \\le x) = F_X(x) = \\int_{-\\infty}^{x} f_X(t) \\, dt'),
          block('\\int _ {-\\infty}^{x} p(x) \\; dx = P(X \\le x)'),
        ].join('\n'),
      ),
      ['verified', 'verified', 'verified', 'verified', 'verified', 'verified'],
    );
  });

  it('reads X \\in \\mathbb{R} as an event (the whole line)', () => {
    assert.deepEqual(
      statuses(
        block('P(X\\in\\mathbb{R}) = \\int_{-\\infty}^{\\infty} p(x) \\; dx') +
          block('P(Y \\in \\mathbb{R}) = 1'),
      ),
      ['verified', 'verified'],
    );
    assert.deepEqual(statuses(block('P(Y \\in \\mathbb{R}) = \\frac{1}{2}')), ['unverifiable']);
  });

  it('refutes a wrong claim about the density, naming the law that breaks it', () => {
    for (const tex of [
      '\\mu_X = \\int_{-\\infty}^\\infty x^2 p_X(x) \\; dx',
      'P(X \\le x) = \\int_x^\\infty p(t) \\, dt',
      'P(X > x) = F_X(x)',
    ]) {
      const s = only(block(tex));
      assert.equal(s.status, 'refuted', tex);
      assert.equal(s.reason, 'counterexample');
      assert.match(s.message, /X ~ .*𝒩\(/, tex);
      assert.ok(s.counterexample && 'X: weight' in s.counterexample && 'X: sd' in s.counterexample);
    }
  });

  it('judges P(X ∈ [x, x + ε]) ≈ ε p_X(x) as ε → 0, however narrow the interval', () => {
    assert.deepEqual(statuses(block('P(X \\in [x, x+\\epsilon]) \\approx \\epsilon \\cdot p _ X(x)')), [
      'verified',
    ]);
    assert.deepEqual(statuses(block('P(X \\in [x, x+\\epsilon]) \\approx 2 \\epsilon \\cdot p _ X(x)')), [
      'refuted',
    ]);
  });

  it('does not test a variable with a density jointly with one with no law', () => {
    const s = only(block('\\operatorname{Var}(X + Y) = \\int_{-\\infty}^\\infty x^2p_X(x) \\; dx'));
    assert.equal(s.status, 'unverifiable');
    assert.match(s.message, /joint law cannot be tested/);
  });

  it('keeps F_X(x) = P(X \\le x) written first a definition, and p(1 - p) a product', () => {
    assert.equal(only(block('F_X(x) = P(X \\le x)')).reason, 'definition');
    assert.deepEqual(
      statuses(
        let_('p \\in (0, 1)', 'B \\sim \\operatorname{Bernoulli}(p)') +
          block('\\operatorname{Var}(B) = p(1-p)'),
      ),
      ['verified'],
    );
    // Undeclared, p beside P(…) is a probability when it is also used as a number.
    const [s] = steps(block('P(X = 1) p(1 - p) = p^2 (1 - p)'));
    assert.notEqual(s?.status, 'verified');
  });

  it('does not refute a claim about a particular density', () => {
    const s = only(block('\\int_{-\\infty}^{\\infty} p(x) \\; dx = 2'));
    assert.equal(s.status, 'unverifiable');
    assert.equal(s.reason, 'particular-distribution');
  });
});

describe('probability: densities of declared laws', () => {
  it('p_X and F_X of a normal, an exponential and a uniform law', () => {
    const doc =
      let_('X \\sim \\mathcal{N}(0, 1)', 'T \\sim \\operatorname{Exp}(2)', 'U \\sim \\mathcal{U}(0, 4)') +
      block('p_X(0) = \\frac{1}{\\sqrt{2 \\pi}}, \\quad F_X(0) = \\frac{1}{2}') +
      block('f_T(1) = 2 e^{-2}, \\quad F_T(1) = 1 - e^{-2}, \\quad p_U(1) = \\frac{1}{4}') +
      block('P(T \\in (a, b]) = F_T(b) - F_T(a)') +
      block('p_X(0) = \\frac{1}{2}');
    assert.deepEqual(statuses(doc), [
      'verified',
      'verified',
      'verified',
      'verified',
      'verified',
      'verified',
      'refuted',
    ]);
  });

  it('p_X(x) = … after X \\sim \\mathcal{N}(μ, σ²) is a claim about its density, not a definition', () => {
    const doc = let_('\\mu \\in \\mathbb{R}', '\\sigma > 0', 'X \\sim \\mathcal{N}(\\mu, \\sigma^2)');
    assert.deepEqual(
      statuses(
        doc +
          block('p_X(x) = \\frac{1}{\\sqrt{2\\pi\\sigma^2}}e^{-\\frac{(x-\\mu)^2}{2\\sigma^2}}') +
          block('p_X(x) = \\frac{1}{\\sqrt{2\\pi\\sigma}}e^{-\\frac{(x-\\mu)^2}{2\\sigma^2}}'),
      ),
      ['verified', 'refuted'],
    );
  });

  it('the density of a discrete law is not supported', () => {
    const s = only(let_('N \\sim \\operatorname{Poisson}(2)') + block('p_N(1) = 2 e^{-2}'));
    assert.equal(s.status, 'unverifiable');
  });

  it('a probability at a point between the middle nodes of a Gauss rule is not taken for ½', () => {
    // Both orders of the symmetric Gauss–Hermite rule gave ½, and agreed: this was verified.
    assert.deepEqual(statuses(let_('Z \\sim \\mathcal{N}(0, 1)') + block('P(Z \\le 0.01) = \\frac{1}{2}')), [
      'refuted',
    ]);
  });
});

describe('probability: a density the text gives a variable', () => {
  const uniform =
    'For instance, if we consider the random variable with density\n\n' +
    block('p(x) = \\begin{cases} 1 & x \\in [0,1], \\\\ 0 & \\textrm{otherwise}. \\end{cases}');

  it('makes later steps about μ_X and σ_X² use that density', () => {
    const s = steps(
      uniform +
        block('\\mu_X = \\int_{-\\infty}^\\infty xp(x) \\; dx = \\int_0^1 x \\; dx = \\frac{1}{2}') +
        block(
          '\\sigma_X^2 = \\int_{-\\infty}^\\infty x^2p(x) \\; dx - \\left(\\frac{1}{2}\\right)^2 = \\frac{1}{12}',
        ) +
        block('\\operatorname{Var}(X) = \\frac{1}{3}'),
    );
    assert.deepEqual(
      s.map((x) => x.reason ?? x.status),
      ['definition', 'verified', 'verified', 'verified', 'verified', 'verified', 'counterexample'],
    );
    assert.ok(s[1]?.assumptions.some((a) => a.symbol === 'X' && a.role === 'random' && !a.isDefault));
  });

  it('says why a function that is no density cannot be one', () => {
    const [, cauchy] = steps(
      'This is the distribution with p.d.f. given by\n\n' +
        block('p(x) = \\frac{1}{1+x^2}') +
        '\nso\n\n' +
        block('\\mathbb{E}[X^2] \\ge 0'),
    );
    assert.equal(cauchy?.status, 'unverifiable');
    assert.match(cauchy?.message ?? '', /not a density: its integral over the line is 3\.14159, not 1/);
    const [, negative] = steps(
      'The random variable with density\n\n' +
        block(
          'p(x) = \\begin{cases} 2 & x \\in [0,1], \\\\ -1 & x \\in (1, 2], \\\\ 0 & \\textrm{otherwise}. \\end{cases}',
        ) +
        block('\\mathbb{E}[X] = 0'),
    );
    assert.equal(negative?.status, 'unverifiable');
    assert.match(negative?.message ?? '', /not a density: it is negative/);
  });

  it('holds for its section only, and not where the prose defines something else from the density', () => {
    const s = steps(uniform + '\n## Next\n\n' + block('\\mu_X = \\frac{1}{2}'));
    assert.notEqual(s[1]?.status, 'verified');
    const cdf = steps(
      'we define the c.d.f. for a random variable $X$ with density $p(x)$ by\n\n' +
        block('F(x) = \\int _ {-\\infty}^{x} p(x) \\; dx = P(X \\le x)'),
    );
    assert.deepEqual(
      cdf.map((x) => x.reason ?? x.status),
      ['definition', 'verified'],
    );
  });
});
