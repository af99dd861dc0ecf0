// Infinite series in documents (issue 11): summed with an error estimate, a divergent one unverifiable.
import assert from 'node:assert/strict';
import { verifyDocument } from '../../../src/core/document';
import type { StepResult } from '../../../src/core/types';

const steps = (text: string): StepResult[] => verifyDocument(text).derivations.flatMap((d) => d.steps);
const status = (tex: string): string[] => steps(`$$\n${tex}\n$$\n`).map((s) => s.status);

describe('calculus: infinite series', () => {
  it('verifies classic sums and refutes a wrong value or a truncation', () => {
    assert.deepEqual(status('e^{x} = \\sum_{n=0}^{\\infty} \\frac{x^n}{n!}'), ['verified']);
    assert.deepEqual(status('\\sum_{k=1}^{\\infty} \\frac{1}{k^2} = \\frac{\\pi^2}{6}'), ['verified']);
    assert.deepEqual(status('\\sum_{k \\ge 1} \\frac{(-1)^{k+1}}{k} = \\ln 2'), ['verified']);
    assert.deepEqual(status('\\sum_{k=1}^{\\infty} \\frac{1}{k^2} = \\frac{\\pi^2}{5}'), ['refuted']);
    assert.deepEqual(status('\\sum_{n=0}^{\\infty} \\frac{x^n}{n!} = 1 + x'), ['refuted']);
  });

  it('leaves a divergent series unverifiable, saying it diverges', () => {
    const [s] = steps('$$\n\\sum_{k=1}^{\\infty} \\frac{1}{k} = 10\n$$\n');
    assert.equal(s?.status, 'unverifiable');
    assert.match(s?.message ?? '', /diverges/);
  });

  it('keeps an infinite product unsupported', () => {
    assert.deepEqual(status('\\prod_{k=1}^{\\infty} 1 = 1'), ['unverifiable']);
  });
});
