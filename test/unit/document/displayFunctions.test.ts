import assert from 'node:assert/strict';
import { analyzeDocument, verifyDocument } from '../../../src/core/document';
import type { StepResult } from '../../../src/core/types';

const steps = (text: string): StepResult[] => verifyDocument(text).derivations.flatMap((d) => d.steps);
const verdicts = (text: string): string[] => steps(text).map((s) => s.status);

const sigmaDefinition = String.raw`\sigma(x) = \frac{1}{1+e^{-x}}`;

describe('functions defined in display math', () => {
  it('a definition is unverifiable with its own message, and the claim after it is checked', () => {
    const text = `$$\n${sigmaDefinition}, \\qquad \\sigma'(x) = \\sigma(x)\\bigl(1-\\sigma(x)\\bigr)\n$$\n`;
    const [def, claim] = steps(text);
    assert.equal(def?.status, 'unverifiable');
    assert.deepEqual([def?.reason, def?.subject], ['definition', 'σ']);
    assert.equal(def?.counterexample, null);
    assert.equal(claim?.status, 'verified', claim?.message);
  });

  it('a wrong derivative after the definition is refuted', () => {
    const text = `$$\n${sigmaDefinition}, \\qquad \\sigma'(x) = \\sigma(x)(1+\\sigma(x))\n$$\n`;
    const [def, claim] = steps(text);
    assert.equal(def?.status, 'unverifiable');
    assert.equal(claim?.status, 'refuted');
  });

  it('a definition holds in every later block, and claims with a non-symbol argument are checked', () => {
    const text = [
      '$$ f(x) = x^2 - 3x $$',
      'Then the derivative is',
      '$$ \\frac{d}{dx} f(x) = 2x - 3 $$',
      '$$ f(2) = -2 $$',
      '$$ f(2) = 5 $$',
      "$$ f'(x) = 2x + 3 $$",
    ].join('\n');
    assert.deepEqual(verdicts(text), ['unverifiable', 'verified', 'verified', 'refuted', 'refuted']);
  });

  it('a step before the definition does not see it', () => {
    const text = ['$$ g(1) = 1 $$', '$$ g(t) = t^3 $$', '$$ g(1) = 1 $$'].join('\n');
    const [before, def, after] = steps(text);
    assert.deepEqual([before?.reason, before?.subject], ['undeclared-function', 'g']);
    assert.deepEqual([def?.reason, def?.subject], ['definition', 'g']);
    assert.equal(after?.status, 'verified');
  });

  it('a redefinition is not refuted and replaces the old function', () => {
    const text = ['$$ f(x) = x^2 $$', '$$ f(x) = x^3 $$', '$$ f(2) = 8 $$', '$$ f(2) = 4 $$'].join('\n');
    const s = steps(text);
    assert.deepEqual(
      s.map((x) => x.status),
      ['unverifiable', 'unverifiable', 'verified', 'refuted'],
    );
    assert.deepEqual([s[1]?.reason, s[1]?.subject], ['definition', 'f']);
  });

  it('a redefinition in the same block holds for the claims after it', () => {
    const text = '$$\nh(x) = 2x, \\quad h(1) = 2, \\quad h(y) = y + 5, \\quad h(1) = 6\n$$';
    assert.deepEqual(verdicts(text), ['unverifiable', 'verified', 'unverifiable', 'verified']);
  });

  it('several parameters are read, and the definition records them in the symbol table', () => {
    const text = ['$$ q(u, v) = u v^2 $$', '$$ q(2, 3) = 18 $$'].join('\n');
    const q = steps(text)[0];
    assert.deepEqual([q?.reason, q?.subject], ['definition', 'q']);
    assert.equal(steps(text)[1]?.status, 'verified');
    const [block] = analyzeDocument(text).derivations;
    const entry = block?.scopes?.[0]?.symbols.lookup('q');
    assert.deepEqual(entry?.kind === 'function' ? entry.params : undefined, ['u', 'v']);
    assert.equal(block?.symbols.lookup('q'), undefined, 'the table at the start of the block is unchanged');
  });

  it('functions declared in a let comment behave as before: the same form is a claim', () => {
    const wrong = ['<!-- let f(x) = x^2 -->', '$$ f(x) = x^3 $$'].join('\n');
    assert.deepEqual(verdicts(wrong), ['refuted']);
    const right = ['<!-- let f(x) = x^2 -->', '$$ f(x) = x \\cdot x $$'].join('\n');
    assert.deepEqual(verdicts(right), ['verified']);
  });

  it('a let comment after a display definition makes the same form a claim again', () => {
    const text = ['$$ f(x) = x^2 $$', '<!-- let f(x) = x^2 -->', '$$ f(x) = x^3 $$'].join('\n');
    assert.deepEqual(verdicts(text), ['unverifiable', 'refuted']);
  });

  it('an equation to solve is not a definition', () => {
    const text = ['To find its roots we then need to solve', '$$ g(x) = 0 $$', '$$ g(1) = 3 $$'].join('\n');
    const s = steps(text);
    assert.deepEqual([s[0]?.reason, s[0]?.subject], ['undeclared-function', 'g']);
    assert.deepEqual([s[1]?.reason, s[1]?.subject], ['undeclared-function', 'g']);
  });

  it('a name declared in the prose is not defined by display math', () => {
    const text = ['Let $p \\in \\mathbb{R}$.', '', '$$ p(x) = x^2 $$', '$$ p(2) = 4 $$'].join('\n');
    const [def] = steps(text);
    assert.deepEqual([def?.reason, def?.subject], ['definition', 'p']);
    assert.equal(analyzeDocument(text).derivations[1]?.symbols.lookup('p')?.kind, 'value');
  });

  it('lone symbols, non-symbol arguments and recursive forms are not function definitions', () => {
    const lone = steps('$$ C = AB $$\n$$ C = BA $$');
    assert.deepEqual([lone[0]?.reason, lone[0]?.subject], ['definition', 'C']);
    assert.deepEqual([lone[1]?.reason, lone[1]?.subject], ['definition', 'C']);
    const subject = (text: string, k: number) => steps(text)[k]?.subject;
    assert.equal(subject('$$ f(2) = 5 $$\n$$ f(2) = 5 $$', 1), 'f');
    assert.equal(subject('$$ r(x) = x + r(x) $$', 0), 'r');
    assert.equal(subject('$$ s(x, x) = x $$', 0), 's');
    assert.equal(steps('$$ s(x, x) = x $$')[0]?.reason, 'undeclared-function');
  });

  it('a defined name later used as a plain symbol means a number there, as before the definition', () => {
    const text = ['$$ a(w) = w^2 $$', '$$ \\frac{d}{dx}(xax) = 2ax $$', '$$ a(3) = 9 $$'].join('\n');
    assert.deepEqual(verdicts(text), ['unverifiable', 'verified', 'verified']);
  });

  it('an approximation of a defined function (a Taylor expansion) is not refuted; an equation is', () => {
    const text = ['$$ f(x) = e^x $$', '$$ f(x) \\approx 1 + x $$', '$$ f(1) = 1 + 1 $$'].join('\n');
    const [, approx, equation] = steps(text);
    assert.equal(approx?.status, 'unverifiable');
    assert.deepEqual([approx?.reason, approx?.subject], ['local-approximation', 'f']);
    assert.equal(equation?.status, 'refuted');
    const declared = ['<!-- let f(x) = e^x -->', '$$ f(x) \\approx 1 + x $$'].join('\n');
    assert.deepEqual(verdicts(declared), ['refuted'], 'a let-declared function keeps its refutation');
  });
});
