import assert from 'node:assert/strict';
import { canonicalName, extractMacros } from '../../../src/core/latex/index';

describe('latex canonical names', () => {
  it('writes Greek as Unicode', () => {
    assert.equal(canonicalName('\\lambda'), 'λ');
    assert.equal(canonicalName('\\ell'), 'ℓ');
    assert.equal(canonicalName('\\Sigma'), 'Σ');
  });

  it('keeps accents and fonts distinct, whichever way they are written', () => {
    assert.equal(canonicalName('\\tilde{X}'), canonicalName('\\tilde X'));
    assert.notEqual(canonicalName('\\tilde X'), 'X');
    assert.notEqual(canonicalName('\\hat\\theta'), canonicalName('\\theta'));
    assert.notEqual(canonicalName('\\bar x'), canonicalName('\\hat x'));
    assert.notEqual(canonicalName('\\mathbf{x}'), 'x');
    assert.equal(canonicalName('\\mathbf{x}'), canonicalName('\\mathbf x'));
    assert.equal(canonicalName('\\mathcal{L}'), 'ℒ');
    assert.equal(canonicalName('\\hat{\\mathbf{y}}'), canonicalName('\\hat{\\mathbf y}'));
  });

  it('keeps subscripts, stars and layer labels', () => {
    assert.equal(canonicalName('n_{\\ell-1}'), 'n_{ℓ-1}');
    assert.equal(canonicalName('x_i'), 'x_i');
    assert.equal(canonicalName('x_{i}'), 'x_i');
    assert.equal(canonicalName('x_{12}'), 'x_{12}');
    assert.equal(canonicalName('n_{\\text{in}}'), 'n_{in}');
    assert.equal(canonicalName('n_\\text{in}'), 'n_{in}');
    assert.equal(canonicalName('\\theta^*'), 'θ*');
    assert.equal(canonicalName('\\theta^{*}'), 'θ*');
    assert.equal(canonicalName('\\theta^\\star'), 'θ*');
    assert.equal(canonicalName('W^{(\\ell)}'), 'W^{(ℓ)}');
    assert.equal(canonicalName('\\hat\\sigma_B'), 'σ̂_B');
  });

  it('gives stable text for TeX that is not one symbol', () => {
    assert.equal(canonicalName('x + y'), 'x+y');
    assert.equal(canonicalName('\\alpha\\beta'), 'αβ');
  });
});

describe('latex macros', () => {
  it('extracts \\newcommand, \\renewcommand, \\def and \\DeclareMathOperator', () => {
    const m = extractMacros(
      '\\newcommand{\\R}{\\mathbb{R}} \\renewcommand\\norm[1]{\\left\\|#1\\right\\|} \\def\\pair#1#2{(#1, #2)} \\DeclareMathOperator{\\Tr}{Tr}',
    );
    assert.deepEqual(Object.fromEntries(m), {
      R: { params: 0, body: '\\mathbb{R}' },
      norm: { params: 1, body: '\\left\\|#1\\right\\|' },
      pair: { params: 2, body: '(#1, #2)' },
      Tr: { params: 0, body: '\\operatorname{Tr}' },
    });
  });

  it('ignores malformed definitions', () => {
    assert.equal(extractMacros('\\newcommand{x}{y} \\def').size, 0);
  });
});
