// The examples through the whole pipeline (scanner, parser, declarations, verifier), as in
// examples/probability.md: each paragraph's ✓/✗ marks give the verdicts of the block after it (○: a
// definition, not judged).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { verifyDocument } from '../../../src/core/document';

const text = readFileSync(path.join(__dirname, '../../../examples/probability.md'), 'utf8');
const statuses = (md: string): string[] =>
  verifyDocument(md).derivations.flatMap((d) => d.steps.map((s) => s.status));

describe('probability: examples/probability.md', function () {
  this.timeout(30_000);

  it('gives every step the verdict written before its block', () => {
    const meaning: Record<string, string> = { '✓': 'verified', '✗': 'refuted', '○': 'unverifiable' };
    const expected = [...text.matchAll(/[✓✗○]/g)].map((m) => meaning[m[0]]);
    // The first lines of the file explain the marks: skip those three.
    assert.deepEqual(statuses(text), expected.slice(3));
  });

  it('names the method of each probabilistic step', () => {
    const steps = verifyDocument(text).derivations.flatMap((d) => d.steps);
    assert.equal(steps[0]?.method, 'exact');
    assert.ok(steps.some((s) => s.method === 'quadrature'));
    // Every judged step (a definition is not judged, and names none).
    assert.ok(steps.filter((s) => s.status !== 'unverifiable').every((s) => s.method !== undefined));
    assert.ok(steps.some((s) => s.status !== 'unverifiable'));
  });

  it('names sampling as the method of a judged step with no random variable, and none when not judged', () => {
    const s = verifyDocument(
      '$$(x + 1)^2 = x^2 + 2x + 1, \\quad (x + 1)^2 = x^2 + 1, \\quad y = \\frac{z}{0}$$',
    ).derivations.flatMap((d) => d.steps);
    assert.deepEqual(
      s.map((x) => [x.status, x.method]),
      [
        ['verified', 'sampling'],
        ['refuted', 'sampling'],
        ['unverifiable', undefined],
      ],
    );
  });
});

describe('probability: statements about a particular distribution', () => {
  it('does not refute a numeric claim about events with no stated law', () => {
    assert.deepEqual(statuses('$$P(D = 1 \\mid H = 1) = 0.1306$$'), ['unverifiable']);
  });

  it('does not refute when an undeclared symbol may name a property of the distribution', () => {
    // `m` has no conventional meaning (unlike `\\mu_X`, read as 𝔼[X] below): it may be the mean.
    assert.deepEqual(statuses('$$\\mathbb{E}[(X - m)^2] = \\mathbb{E}[X^2] - m^2$$'), ['unverifiable']);
  });

  it('reads "if X and Y are independent" just above a block as a declaration', () => {
    const block = '$$\\operatorname{Var}(X + Y) = \\operatorname{Var}(X) + \\operatorname{Var}(Y)$$';
    assert.deepEqual(statuses(block), ['refuted']);
    assert.deepEqual(
      statuses(`If $X$ and $Y$ are independent then\n\n${block}`.replace('then\n\n', 'then\n')),
      ['verified'],
    );
  });

  it('reports an invalid law at its declaration and a likelihood as unsupported', () => {
    const r = verifyDocument(
      '<!-- let\nX \\sim \\mathcal{U}(1, 0)\n-->\n\n$$\\mathbb{E}[X] = \\frac{1}{2}$$',
    );
    assert.deepEqual(
      r.derivations.flatMap((d) => d.steps.map((s) => s.status)),
      ['unverifiable'],
    );
    assert.deepEqual(statuses('$$P(X \\mid \\theta) = \\theta^9$$'), ['unverifiable']);
  });
});

describe('probability: summary-statistic names of random variables', () => {
  const steps = (md: string) => verifyDocument(md).derivations.flatMap((d) => d.steps);

  it('reads \\mu_X as E[X], \\sigma_X as its standard deviation, \\sigma_{XY} as Cov(X, Y)', () => {
    const s = steps(
      '$$\\sigma_X^2 = \\textrm{Var}(X) = E[(X-\\mu_X)^2] = E[X^2] - \\mu_X^2$$\n\n' +
        '$$\\sigma_X = \\sqrt{\\operatorname{Var}(X)}, \\quad \\sigma_{XY} = \\operatorname{Cov}(X, Y)$$',
    );
    assert.deepEqual(
      s.map((x) => x.status),
      ['verified', 'verified', 'verified', 'verified', 'verified'],
    );
    assert.ok(s.every((x) => x.method === 'exact'));
  });

  it('refutes a wrong identity written with them', () => {
    assert.deepEqual(statuses('$$\\operatorname{Var}(X) = E[X^2] - \\mu_X$$'), ['refuted']);
    assert.deepEqual(statuses('$$\\sigma_X = \\operatorname{Var}(X)$$'), ['refuted']);
    assert.deepEqual(statuses('$$\\sigma_{XY} = \\operatorname{Var}(X)$$'), ['refuted']);
  });

  it('leaves a declared \\mu_X, and a subscript that is no random variable, as symbols', () => {
    const declared = '<!-- let\n\\mu_X \\in \\mathbb{R}\n-->\n\n$$\\mu_X = \\mathbb{E}[X]$$';
    assert.deepEqual(statuses(declared), ['unverifiable']);
    assert.equal(steps('$$\\mu_x = \\mathbb{E}[X]$$')[0]?.reason, 'definition');
  });

  it('still reads \\sigma_X as the standard deviation after the prose states its sign', () => {
    const prose = 'For any random variable $X$, $\\sigma_X \\ge 0$.\n\n';
    assert.deepEqual(
      statuses(`${prose}$$\\sigma^2_X = E[X^2] - \\mu_X^2$$\n\n$$\\sigma_X = E[X^2] - \\mu_X^2$$`),
      ['verified', 'refuted'],
    );
    // Declared by the student, it is a parameter of its own.
    const declared = '<!-- let\n\\sigma_X \\ge 0\n-->\n\n$$\\sigma^2_X = E[X^2] - \\mu_X^2$$';
    assert.notEqual(statuses(declared)[0], 'verified');
  });

  it("keeps \\mu_Z and \\sigma_Z the parameters of Z's own declared law, not its moments", () => {
    const md = '<!-- let\nZ \\sim \\mathcal{N}(\\mu_Z, \\sigma_Z^2)\n-->\n\n';
    const s = steps(
      `${md}$$E[Z] = \\mu_Z$$\n\n$$E[Z^2] = \\mu_Z^2 + \\sigma_Z^2$$\n\n$$E[Z^2] = \\mu_Z^2 + 2 \\sigma_Z^2$$`,
    );
    assert.deepEqual(
      s.map((x) => x.status),
      ['verified', 'verified', 'refuted'],
    );
  });
});

describe('probability: capitals declared with a finite set', () => {
  const prose = 'We use $D \\in \\{0, 1\\}$ for the diagnosis and $H \\in \\{0, 1\\}$ for the status.\n\n';

  it('reads them as random variables over those values inside P', () => {
    const s = verifyDocument(
      `${prose}$$P(D = 1) = P(D = 1, H = 0) + P(D = 1, H = 1)$$\n\n` +
        '$$P(H = 1 \\mid D = 1) = \\frac{P(D = 1 \\mid H = 1) P(H = 1)}{P(D = 1)}$$',
    ).derivations.flatMap((d) => d.steps);
    assert.deepEqual(
      s.map((x) => x.status),
      ['verified', 'verified'],
    );
    assert.ok(s.every((x) => x.method === 'exact'));
  });

  it('refutes what fails over those values, and not a numeric claim about one distribution', () => {
    // Summing over H = 0 only misses the outcomes with H = 1: only the declared support makes this wrong.
    assert.deepEqual(statuses(`${prose}$$P(D = 1) = P(D = 1, H = 0)$$`), ['refuted']);
    assert.deepEqual(statuses(`${prose}$$P(D = 1 \\mid H = 1) P(H = 1) = 0.0015$$`), ['unverifiable']);
  });

  it('leaves a factorisation made "by assuming conditional independence" unrefuted', () => {
    const block = '$$P(D = 1, E = 1 \\mid H = 0) = P(D = 1 \\mid H = 0) P(E = 1 \\mid H = 0)$$';
    assert.deepEqual(statuses(`${prose}${block}`), ['refuted']);
    assert.deepEqual(statuses(`${prose}We compute them by assuming conditional independence:\n\n${block}`), [
      'unverifiable',
    ]);
  });
});

describe('probability: membership of an interval in events and conditions', () => {
  const law = '<!-- let\nU \\sim \\mathcal{U}(0, 1)\n-->\n\n';

  it('reads X \\in (a, b] as a < X ≤ b inside P', () => {
    assert.deepEqual(statuses(`${law}$$P(U \\in (0.2, 0.5]) = 0.3$$`), ['verified']);
    assert.deepEqual(statuses(`${law}$$P(U \\in \\left[0, 0.5\\right)) = 0.4$$`), ['refuted']);
  });

  it('leaves x \\in [n] (a set of integers, no interval) unsupported', () => {
    const r = verifyDocument('$$f(x) = \\begin{cases} 1 & x \\in [n], \\\\ 0 & x < 0 \\end{cases}$$');
    assert.equal(r.derivations[0]?.steps[0]?.reason, 'unsupported-notation');
  });

  it('reads x \\in [0, 1] as a condition of a case', () => {
    const density =
      '$$p(x) = \\begin{cases} 1 & x \\in [0, 1], \\\\ 0 & \\textrm{otherwise}. \\end{cases}$$\n\n';
    assert.deepEqual(statuses(`${density}$$\\int_{-\\infty}^{\\infty} x p(x) \\, dx = \\frac{1}{2}$$`), [
      'unverifiable',
      'verified',
    ]);
    assert.deepEqual(statuses(`${density}$$\\int_{-\\infty}^{\\infty} x p(x) \\, dx = \\frac{1}{3}$$`), [
      'unverifiable',
      'refuted',
    ]);
  });
});

describe('probability: events that set a variable equal to a constant', () => {
  it('puts atoms at that constant, so P(A = a) is tested, not 0 everywhere', () => {
    const s = verifyDocument('$$P(B = b \\mid A = a) = P(A = a, B = b) / P(A = a)$$').derivations.flatMap(
      (d) => d.steps,
    );
    assert.equal(s[0]?.status, 'verified', s[0]?.message);
    assert.ok((s[0]?.samples ?? 0) >= 20);
  });

  it('refutes a wrong conditional and an undeclared independence: a is a value, not a property', () => {
    assert.deepEqual(statuses('$$P(B = b \\mid A = a) = P(A = a, B = b) / P(B = b)$$'), ['refuted']);
    assert.deepEqual(statuses('$$P(A = a, B = b) = P(A = a) P(B = b)$$'), ['refuted']);
  });
});

describe('probability: entropy and mutual information of random variables', () => {
  const steps = (md: string) => verifyDocument(md).derivations.flatMap((d) => d.steps);

  it('verifies the identities and inequalities of joint, conditional and mutual information', () => {
    const s = steps(
      '$$H(X), H(Y) \\le H(X, Y) \\le H(X) + H(Y)$$\n\n' +
        '$$H(Y \\mid X) = H(X, Y) - H(X)$$\n\n' +
        '$$I(X, Y) = H(X, Y) - H(Y \\mid X) - H(X \\mid Y), \\quad I(X; Y) = I(Y; X), \\quad I(X; Y) \\ge 0$$',
    );
    assert.deepEqual(
      s.map((x) => x.status),
      ['verified', 'verified', 'verified', 'verified', 'verified', 'verified'],
    );
    assert.ok(s.every((x) => x.method === 'exact'));
  });

  it('refutes the wrong ones, with the distribution that breaks them', () => {
    const s = steps('$$H(X, Y) = H(X) + H(Y)$$\n\n$$H(Y \\mid X) = H(X, Y) - H(Y)$$');
    assert.deepEqual(
      s.map((x) => x.status),
      ['refuted', 'refuted'],
    );
    assert.ok(s[0]?.counterexample && 'ℙ' in s[0].counterexample);
  });

  it('verifies H(X, Y) = H(X) + H(Y) once X ⊥ Y is declared', () => {
    assert.deepEqual(statuses('<!-- let\nX \\perp Y\n-->\n\n$$H(X, Y) = H(X) + H(Y)$$'), ['verified']);
  });

  it('does not judge an entropy whose base matters, nor one of a continuous law', () => {
    const s = steps(
      '<!-- let\nq \\in (0, 1)\nB \\sim \\operatorname{Bernoulli}(q)\nZ \\sim \\mathcal{N}(0, 1)\n-->\n\n' +
        '$$H(B) = -q \\ln q - (1 - q) \\ln(1 - q)$$\n\n$$H(B) = -q \\log_2 q - (1 - q) \\log_2(1 - q)$$\n\n' +
        '$$H(B) \\le 1$$\n\n$$H(Z) \\ge 0$$',
    );
    assert.deepEqual(
      s.map((x) => x.reason),
      ['entropy-base', 'entropy-base', 'entropy-base', 'unsupported-notation'],
    );
  });

  it('does not refute what holds under a relation the prose states ("if X is a function of Y")', () => {
    const block = '$$I(X, Y) = H(Y)$$';
    assert.deepEqual(statuses(block), ['refuted']);
    assert.deepEqual(
      steps(`If $X$ is an invertible function of $Y$, then\n\n${block}`).map((x) => x.reason),
      ['particular-distribution'],
    );
  });

  it('leaves H of a number, and a variable used both ways, to the ordinary reading', () => {
    assert.equal(steps('$$H(X) = X^2$$')[0]?.status, 'unverifiable');
    assert.equal(steps('$$H(x) = x^2$$')[0]?.reason, 'definition');
  });
});

describe('probability: KL divergence between laws', () => {
  const steps = (md: string) => verifyDocument(md).derivations.flatMap((d) => d.steps);

  it('verifies Gibbs’ inequality and D(P ‖ P) = 0 exactly, and refutes symmetry', () => {
    const s = steps(
      '$$D_{\\mathrm{KL}}(P \\| Q) \\ge 0$$\n\n$$D_{\\textrm{KL}}(P||P) = 0$$\n\n' +
        '$$D_{\\mathrm{KL}}(P \\| Q) = D_{\\mathrm{KL}}(Q \\| P)$$',
    );
    assert.deepEqual(
      s.map((x) => [x.status, x.method]),
      [
        ['verified', 'exact'],
        ['verified', 'exact'],
        ['refuted', 'exact'],
      ],
    );
    assert.ok(s[0]?.assumptions.some((a) => a.symbol === 'Q' && a.role === 'random'));
  });

  it('never verifies a false bound on a divergence', () => {
    assert.notEqual(steps('$$D_{\\mathrm{KL}}(P \\| Q) \\le 0$$')[0]?.status, 'verified');
    assert.notEqual(
      steps('$$D_{\\mathrm{KL}}(P \\| Q) \\ge D_{\\mathrm{KL}}(Q \\| P)$$')[0]?.status,
      'verified',
    );
  });

  it('computes the divergence of declared finite laws: Bernoulli(1/2) from Bernoulli(1/4)', () => {
    const md =
      '<!-- let\nA \\sim \\operatorname{Bernoulli}(1/2)\nB \\sim \\operatorname{Bernoulli}(1/4)\n-->\n\n';
    const good = '$$D_{\\mathrm{KL}}(A \\| B) = \\frac{1}{2}\\ln\\frac{4}{3} + \\frac{1}{2}\\ln 2$$';
    const bad = '$$D_{\\mathrm{KL}}(A \\| B) = \\frac{1}{2}\\ln\\frac{4}{3}$$';
    // Beside a logarithm the base matters, and the text has not stated it: not judged either way.
    assert.deepEqual(
      steps(md + good + '\n\n' + bad).map((x) => x.reason),
      ['entropy-base', 'entropy-base'],
    );
  });

  it('leaves a divergence of densities or of lower-case names as probability notation', () => {
    const s = steps(
      '<!-- let\nZ \\sim \\mathcal{N}(0, 1)\n-->\n\n$$D_{\\mathrm{KL}}(Z \\| Z) = 0$$\n\n$$D_{\\mathrm{KL}}(p \\| q) \\ge 0$$',
    );
    assert.deepEqual(
      s.map((x) => x.status),
      ['unverifiable', 'unverifiable'],
    );
    assert.equal(s[1]?.reason, 'probability-notation');
  });
});
