import assert from 'node:assert/strict';
import { vocabulary } from '../../../src/core/latex/vocabulary';
import { rawFunctions } from '../../../src/core/verify/compile';
import { compareValues } from '../../../src/core/verify/compare';
import { formatValue, roundReadable, toSampleValue } from '../../../src/core/verify/format';
import { builtins } from '../../../src/core/verify/functions';
import { det, inv, matmul, spectralNorm } from '../../../src/core/verify/linalg';
import { Eye, InvalidSample, Mat } from '../../../src/core/verify/value';
import { check, declare, domain, table } from './helpers';

const tol = { relTol: 1e-9, absTol: 1e-9, approxTol: 1e-2 };

describe('vocabulary coverage', () => {
  it('implements every name of the parser vocabulary', () => {
    const missing = Object.keys(vocabulary).filter((n) => !(n in builtins) && !rawFunctions.has(n));
    assert.deepEqual(missing, []);
  });

  it('registers the raw functions exactly, none shadowing a builtin', () => {
    assert.deepEqual([...rawFunctions].sort(), [
      'antiderivative',
      'call',
      'condExpect',
      'condProb',
      'cov',
      'deriv',
      'derivFn',
      'entropy',
      'entropyBits',
      'entry',
      'evalAt',
      'expect',
      'expectFrom',
      'expectOver',
      'grad',
      'gradAt',
      'gridOver',
      'indexExtent',
      'integral',
      'kl',
      'klBits',
      'limit',
      'listOver',
      'partialAt',
      'piecewise',
      'pmf',
      'pmfGiven',
      'prob',
      'prodOver',
      'seriesOver',
      'stack',
      'sumOver',
      'sumSupport',
      'variance',
      'varianceFrom',
      'varianceOver',
    ]);
    assert.deepEqual(
      [...rawFunctions].filter((n) => n in builtins),
      [],
    );
  });

  it('evaluates each ordinary function on a sample input', () => {
    const cases: [string, string][] = [
      ['abs(-2)', '2'],
      ['sqrt(9)', '3'],
      ['nthRoot(-8, 3)', '-2'],
      ['exp(0)', '1'],
      ['log(e)', '1'],
      ['log2(8)', '3'],
      ['log10(1000)', '3'],
      ['sin(0) + cos(0) + tan(0)', '1'],
      ['tanh(0) + sinh(0) + cosh(0)', '1'],
      ['arctan(1)', 'π / 4'],
      ['max(1, 5, 3) + min(2, -1)', '4'],
      ['relu(-3) + relu(2)', '2'],
      ['sigmoid(0)', '0.5'],
      ['sigmoid(-30)', 'exp(-30) / (1 + exp(-30))'],
      ['binom(5, 2)', '10'],
      ['binom(0.5, 1)', '0.5'],
      ['floor(2.5) + ceil(2.5) + sign(-3)', '4'],
      ['3!', '6'],
      ['0.5!', 'sqrt(π) / 2'],
      ['normP([[3], [-4]], 1)', '7'],
      ['norm([[3], [4]])', '5'],
      ['softmax([[1], [1]])', '[[0.5], [0.5]]'],
      ['diag([[1], [2]])', '[[1, 0], [0, 2]]'],
      ['hadamard([[1], [2]], [[3], [4]])', '[[3], [8]]'],
    ];
    for (const [l, r] of cases) assert.equal(check(l, '=', r).status, 'verified', `${l} = ${r}`);
    // σ(−800) ≈ e^{−800} is not 0, only below what a double holds: an underflow is no verdict either way.
    assert.equal(check('sigmoid(-800)', '=', '0').status, 'unverifiable');
  });

  it('applies scalar functions entrywise to vectors', () => {
    const t = table(declare(['x'], domain(['n'])));
    assert.equal(check('exp(log(exp(x)))', '=', 'exp(x)', t).status, 'verified');
    assert.equal(
      check('sum(x)', '=', '1', t).status,
      'unverifiable',
      'names outside the vocabulary are reported',
    );
  });
});

describe('linear algebra', () => {
  it('multiplies, inverts and takes determinants', () => {
    const a = Mat.fromRows([
      [2, 1],
      [1, 3],
    ]);
    assert.deepEqual(toSampleValue(matmul(a, inv(a))), [
      [1, 0],
      [0, 1],
    ]);
    assert.equal(roundReadable(det(a)), 5);
    assert.throws(
      () =>
        inv(
          Mat.fromRows([
            [1, 2],
            [2, 4],
          ]),
        ),
      InvalidSample,
    );
    assert.equal(
      det(
        Mat.fromRows([
          [1, 2],
          [2, 4],
        ]),
      ),
      0,
    );
    assert.equal(
      roundReadable(
        spectralNorm(
          Mat.fromRows([
            [3, 0],
            [0, -4],
          ]),
        ),
      ),
      4,
    );
  });
});

describe('compareValues', () => {
  it('uses a tolerance relative to the largest entry', () => {
    assert.deepEqual(compareValues(1e6, 1e6 + 1e-4, '=', tol), { kind: 'judged', holds: true });
    assert.deepEqual(compareValues(1, 1 + 1e-6, '=', tol), { kind: 'judged', holds: false });
  });

  it('compares matrices entrywise and reports different shapes', () => {
    const a = Mat.fromRows([[1, 2]]);
    const b = Mat.fromRows([[1], [2]]);
    assert.deepEqual(compareValues(a, b, '=', tol), { kind: 'shapes', left: '1×2', right: 'a vector of 2' });
    assert.deepEqual(compareValues(b, b, '\\le', tol), { kind: 'judged', holds: true });
    assert.deepEqual(compareValues(new Eye(1), Mat.identity(3), '=', tol), { kind: 'judged', holds: true });
  });

  it('broadcasts only the literal zero', () => {
    const v = Mat.fromRows([[0], [0]]);
    assert.equal(compareValues(v, 0, '=', tol, { lhs: false, rhs: true }).kind, 'judged');
    assert.equal(compareValues(v, 0, '=', tol).kind, 'shapes');
  });
});

describe('format', () => {
  it('rounds readably and shows vectors and matrices', () => {
    assert.equal(roundReadable(0.1 + 0.2), 0.3);
    assert.equal(roundReadable(-0), 0);
    assert.equal(roundReadable(1234567.89), 1234570);
    assert.deepEqual(toSampleValue(Mat.fromRows([[1], [2]])), [1, 2]);
    assert.deepEqual(toSampleValue(Mat.fromRows([[1, 2]])), [[1, 2]]);
    assert.deepEqual(toSampleValue(Mat.fromRows([[1], [1e-17]])), [1, 0]);
    assert.equal(
      formatValue(
        Mat.fromRows([
          [1, 2],
          [3, 4],
        ]),
      ),
      '[[1, 2], [3, 4]]',
    );
  });
});
