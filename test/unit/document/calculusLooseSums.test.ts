// Loose sums (issue 11): undeclared symbols written with subscripts inside sums are sampled as vectors
// and matrices, the report says so, and a use that contradicts that reading is unverifiable with a reason.
import assert from 'node:assert/strict';
import { block, only, statuses as status } from '../support/documentSteps';

const one = (tex: string) => only(block(tex));

describe('calculus: loose sums over undeclared vectors', () => {
  it('verifies the cosine of two vectors written with entries, bold and plain the same vector', () => {
    const s = one(
      '\\frac{\\mathbf{v}\\cdot \\mathbf{w}}{\\|\\mathbf{v}\\|\\|\\mathbf{w}\\|} = \\frac{\\sum_{i} v_iw_i}{\\sqrt{\\sum_{i}v_i^2}\\sqrt{\\sum_{i}w_i^2}}',
    );
    assert.equal(s.status, 'verified');
    assert.deepEqual(status(block('\\sqrt{\\sum_i v_i^2} = \\|v\\|')), ['verified']);
    assert.deepEqual(status(block('\\sum_i v_i w_i = v^\\top w')), ['verified']);
  });

  it('refutes wrong variants', () => {
    assert.deepEqual(status(block('\\sum_i v_i w_i = \\|v\\| \\|w\\|')), ['refuted']);
    assert.deepEqual(status(block('\\sqrt{\\sum_i v_i^2} = \\sum_i v_i')), ['refuted']);
    assert.deepEqual(status(block('\\sum_{i=1}^{n} x_i^2 = \\left(\\sum_{i=1}^{n} x_i\\right)^2')), [
      'refuted',
    ]);
  });

  it('lists each sampled vector as an assumption with its length', () => {
    const s = one('\\sum_i v_i w_i = \\sum_i w_i v_i');
    assert.equal(s.status, 'verified');
    const v = s.assumptions.find((a) => a.symbol === 'v');
    const w = s.assumptions.find((a) => a.symbol === 'w');
    assert.ok(v?.isDefault && v.convention?.includes('vector'), JSON.stringify(s.assumptions));
    // One index letter, one length: both vectors are of the same sampled length.
    assert.equal(v?.domain, w?.domain);
    assert.ok(s.assumptions.some((a) => a.role === 'dimension'));
  });

  it('takes the length of a bounded sum from its bound', () => {
    const s = one('\\sum_{i=1}^{n} x_i = \\sum_{j=1}^{n} x_{n+1-j}');
    assert.equal(s.status, 'verified');
    assert.equal(s.assumptions.find((a) => a.symbol === 'x')?.domain, 'ℝ^{n}');
  });

  it('reads a written-out entry as the same entry of the vector', () => {
    assert.deepEqual(status(block('\\sum_{i=1}^{3} x_i = x_1 + x_2 + x_3')), ['verified']);
    assert.deepEqual(status(block('\\sum_{i=1}^{3} x_i = x_1 + x_2 + x_2')), ['refuted']);
  });

  it('samples matrices indexed by two indices, rows and columns of their own lengths', () => {
    assert.deepEqual(status(block('\\sum_{i,j} A_{ij} = \\sum_{j,i} A_{ij}')), ['verified']);
    assert.deepEqual(status(block('\\sum_{i,j} A_{ij} x_j = \\sum_{j} x_j \\sum_{i} A_{ij}')), ['verified']);
    assert.deepEqual(status(block('\\sum_{i,j} A_{ij} x_j = \\sum_{i} x_i \\sum_{j} A_{ij}')), ['refuted']);
  });

  it('gives an undeclared vector the length of a declared one the same index runs over', () => {
    const w = '<!-- let w \\in \\mathbb{R}^{n} -->\n';
    const s = only(w, block('\\sum_i w_i x_i = w^\\top x'));
    assert.equal(s.status, 'verified');
    assert.equal(s.assumptions.find((a) => a.symbol === 'x')?.domain, 'ℝ^{n}');
    assert.equal(only(w, block('\\sum_i w_i x_i = x^\\top x')).status, 'refuted');
    const m = '<!-- let M \\in \\mathbb{R}^{m \\times n} -->\n';
    assert.equal(only(m, block('\\sum_{i,j} M_{ij} y_i z_j = y^\\top M z')).status, 'verified');
    assert.equal(only(m, block('\\sum_{i,j} M_{ij} y_i z_j = 2 y^\\top M z')).status, 'refuted');
  });

  it('refuses a symbol used both as a number and with entries, with a reason code', () => {
    const s = one('\\sum_i x_i = x + 1');
    assert.equal(s.status, 'unverifiable');
    assert.equal(s.reason, 'conflicting-use');
    assert.equal(s.subject, 'x');
    const t = one('\\sum_{i,j} A_{ij} = \\sum_i A_i');
    assert.equal(t.status, 'unverifiable');
    assert.equal(t.reason, 'conflicting-use');
  });

  it('leaves entries in a step about random variables to the prose that relates them', () => {
    for (const tex of ['\\sum_{j} E[w_j] E[x_j] = 0', 'E[X] = \\sum_i x_i p_i']) {
      const s = one(tex);
      assert.equal(s.status, 'unverifiable');
      assert.equal(s.reason, 'undeclared-symbol');
    }
    // p is the number of a law: p_i beside it is no entry of a vector.
    const law = only('<!-- let X \\sim \\mathrm{Bernoulli}(p) -->', '', block('X + 1 = 1 + \\sum_i x_i p_i'));
    assert.equal(law.status, 'unverifiable');
    assert.equal(law.reason, 'conflicting-use');
    assert.equal(law.subject, 'p');
  });
});

describe('calculus: a literal member of a family of unknown functions', () => {
  it('reads f_1(x) as the member i = 1 of f_i', () => {
    assert.deepEqual(status(block('\\sum_{i=1}^{2} f_i(x) = f_1(x) + f_2(x)')), ['verified']);
    assert.deepEqual(status(block('\\sum_{i=1}^{2} f_i(x) = f_1(x) + f_1(x)')), ['refuted']);
    assert.deepEqual(status(block("\\frac{d}{dx} \\sum_{i=1}^{2} f_i(x) = f_1'(x) + f_2'(x)")), ['verified']);
  });
});
