// Property tests: random and truncated LaTeX never makes the parser throw, hang or report an offset
// outside its input. Seeds are fixed so the suite is deterministic.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseBlock, parseDeclarations, parseExpression } from '../../../src/core/latex/index';
import type { Claim, ParseError } from '../../../src/core/latex/types';
import { context } from './helpers';

const alphabet = [
  'x',
  'y',
  'A',
  'B',
  'f',
  'e',
  'i',
  'n',
  '0',
  '1',
  '2',
  '0.5',
  '+',
  '-',
  '=',
  '<',
  '>',
  '^',
  '_',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  '|',
  ',',
  '.',
  ';',
  '&',
  "'",
  '!',
  ' ',
  '\\\\',
  '\\frac',
  '\\sqrt',
  '\\left(',
  '\\right)',
  '\\left|',
  '\\right.',
  '\\|',
  '\\cdot',
  '\\times',
  '\\le',
  '\\ne',
  '\\approx',
  '\\sum_{i=1}^{n}',
  '\\prod',
  '\\sum',
  '\\top',
  '\\lambda',
  '\\sigma',
  '\\theta',
  '\\tilde',
  '\\hat',
  '\\mathbf',
  '\\mathbb{R}',
  '\\mathbb{E}',
  '\\operatorname',
  '{tr}',
  '\\text{if }',
  '\\quad',
  '\\begin{cases}',
  '\\end{cases}',
  '\\begin{bmatrix}',
  '\\end{bmatrix}',
  '\\begin{aligned}',
  '\\end{aligned}',
  '\\partial',
  '\\nabla_',
  'd',
  '\\max',
  '\\log',
  '\\exp',
  '\\foo',
  '\\in',
  '\\sim',
  '\\mid',
  '\\color{red}',
  '\\def\\a{\\a\\a}',
  '\\a',
  '\\newcommand{\\b}[1]{#1#1}',
  '\\b',
  '#1',
  '%',
  '\\Bigl(',
  '\\Bigr)',
  '\\binom',
  '\\infty',
  '\\dots',
  '\\tag{1}',
  '&=',
  '\\odot',
  '1{,}000',
];

const texArb = fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((parts) => parts.join(''));

function checkError(e: ParseError, tex: string): void {
  assert.ok(e.offset >= 0 && e.offset <= tex.length, `offset ${e.offset} outside ${JSON.stringify(tex)}`);
  assert.ok(e.message.length > 0);
  assert.ok(['syntax', 'unsupported', 'probability'].includes(e.code));
}

function checkClaims(claims: Claim[], tex: string): void {
  for (const c of claims) {
    if (!c.ok) {
      checkError(c.error, tex);
      assert.ok(c.relations >= 1);
      continue;
    }
    assert.ok(c.steps.length >= 1);
    for (const s of c.steps) {
      for (const side of [s.lhs, s.rhs]) {
        assert.ok(side.offset >= 0 && side.offset <= side.end && side.end <= tex.length);
        assert.equal(side.tex, tex.slice(side.offset, side.end));
      }
    }
  }
}

describe('latex parser properties', () => {
  it('never throws on random token soup, and keeps offsets inside the input', () => {
    fc.assert(
      fc.property(texArb, (tex) => {
        checkClaims(parseBlock(tex, context()), tex);
        const r = parseExpression(tex, context({ A: 'matrix' }));
        if (!r.ok) checkError(r.error, tex);
        const d = parseDeclarations(tex, context());
        for (const e of d.errors) checkError(e, tex);
        assert.deepEqual(parseDeclarations(tex, context(), { strict: true }).errors, []);
      }),
      { seed: 20261127, numRuns: 250 },
    );
  });

  it('never throws on truncated real formulas', () => {
    const formulas = [
      '\\theta^* = (\\tilde X^\\top \\tilde X + \\lambda I)^{-1}\\tilde X^\\top Y',
      "\\frac{\\partial y_\\ell}{\\partial y_{\\ell-1}} = \\operatorname{diag}(\\sigma'(A_\\ell y_{\\ell-1}+b_\\ell))A_\\ell + I",
      '\\begin{aligned} \\hat\\mu_B &= \\frac{1}{m}\\sum_{i=1}^{m} x_i \\\\ \\hat x_i &= \\frac{x_i-\\hat\\mu_B}{\\sqrt{\\hat\\sigma_B^2+\\epsilon}} \\end{aligned}',
      '\\tilde h_i = \\begin{cases} \\frac{h_i}{1-p} & \\text{if } u > p \\\\ 0 & \\text{otherwise} \\end{cases}',
      '\\left\\|\\frac{\\partial y_L}{\\partial y_0}\\right\\|_2 \\le \\prod_{\\ell=1}^{L}\\left(1 + \\|A_\\ell\\|_2\\right)',
      'A = \\begin{bmatrix} a_{11} & a_{12} \\\\ a_{21} & a_{22} \\end{bmatrix}, \\quad \\det A = a_{11}a_{22}-a_{12}a_{21}',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...formulas), fc.nat(), fc.nat(), (f, a, b) => {
        const start = a % f.length;
        const tex = f.slice(start, start + 1 + (b % f.length));
        checkClaims(parseBlock(tex, context()), tex);
        const r = parseExpression(tex, context());
        if (!r.ok) checkError(r.error, tex);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('bounds the work of nested and repeated input', () => {
    const nested = '\\left('.repeat(3000) + 'x' + '\\right)'.repeat(3000) + ' = 1';
    const [c] = parseBlock(nested, context());
    assert.ok(c && !c.ok);
    assert.match(c.error.message, /nested too deeply/);
    const bomb = '\\def\\a{\\a\\a\\a\\a} \\a = \\a';
    const [d] = parseBlock(bomb, context());
    assert.ok(d && !d.ok);
    assert.match(d.error.message, /macro/);
    const sums = '\\sum_{i=1}^{n}'.repeat(500) + 'x_i = 1';
    assert.equal(parseBlock(sums, context()).length, 1);
    const huge = 'x + '.repeat(20000) + 'x = 1';
    const [h] = parseBlock(huge, context());
    assert.ok(h && !h.ok);
    assert.match(h.error.message, /too long/);
  });
});
