// Property tests: on random expressions the verifier never throws, never refutes an identity `e = e` and
// never verifies a claim that is false at every point.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ConstantNode, FunctionNode, OperatorNode, SymbolNode, type MathNode } from 'mathjs';
import { SymbolTable } from '../../../src/core/symbols';
import { defaultVerifyOptions } from '../../../src/core/types';
import { verifyStep } from '../../../src/core/verify/step';

type Op = 'add' | 'subtract' | 'multiply' | 'divide' | 'pow';
const symbols = { add: '+', subtract: '-', multiply: '*', divide: '/', pow: '^' } as const;
const Operator = OperatorNode as unknown as new (op: string, fn: string, args: MathNode[]) => MathNode;
const binary = (fn: Op, a: MathNode, b: MathNode): MathNode => new Operator(symbols[fn], fn, [a, b]);
const call = (name: string, ...args: MathNode[]): MathNode => new FunctionNode(new SymbolNode(name), args);

const { expr } = fc.letrec<{ expr: MathNode; leaf: MathNode; node: MathNode }>((tie) => ({
  leaf: fc.oneof(
    fc.constantFrom('x', 'y', 'z').map((n) => new SymbolNode(n) as MathNode),
    fc.constantFrom(0, 1, 2, 0.5, -1, 3).map((v) => new ConstantNode(v) as MathNode),
  ),
  node: fc.oneof(
    fc
      .tuple(fc.constantFrom<Op>('add', 'subtract', 'multiply', 'divide'), tie('expr'), tie('expr'))
      .map(([op, a, b]) => binary(op, a as MathNode, b as MathNode)),
    fc
      .tuple(tie('expr'), fc.constantFrom(2, 3, -1))
      .map(([a, k]) => binary('pow', a as MathNode, new ConstantNode(k))),
    fc
      .tuple(fc.constantFrom('exp', 'log', 'sqrt', 'sin', 'abs', 'tanh', 'relu', 'sigmoid'), tie('expr'))
      .map(([f, a]) => call(f, a as MathNode)),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => call('max', a as MathNode, b as MathNode)),
  ),
  expr: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('node')),
}));

const options = { ...defaultVerifyOptions, samples: 8 };

describe('verifyStep properties', () => {
  it('never throws, and always concludes with a known status', () => {
    fc.assert(
      fc.property(expr, expr, fc.constantFrom('=', '<', '\\le', '\\ne', '\\approx' as const), (l, r, rel) => {
        const v = verifyStep({ relation: rel, lhs: l, rhs: r }, SymbolTable.empty, options, 1);
        assert.ok(['verified', 'refuted', 'unverifiable'].includes(v.status));
        assert.equal(typeof v.message, 'string');
      }),
      { numRuns: 150, seed: 42 },
    );
  });

  it('never refutes e = e', () => {
    fc.assert(
      fc.property(expr, (e) => {
        const v = verifyStep({ relation: '=', lhs: e, rhs: e }, SymbolTable.empty, options, 2);
        assert.notEqual(v.status, 'refuted', `${e.toString()}: ${v.message}`);
      }),
      { numRuns: 150, seed: 43 },
    );
  });

  it('never verifies tanh(e) = tanh(e) + 1/2, nor e ≠ e', () => {
    fc.assert(
      fc.property(expr, (e) => {
        const t = call('tanh', e);
        const shifted = binary('add', t, new ConstantNode(0.5));
        const v = verifyStep({ relation: '=', lhs: t, rhs: shifted }, SymbolTable.empty, options, 3);
        assert.notEqual(v.status, 'verified', `${e.toString()}: ${v.message}`);
        const ne = verifyStep({ relation: '\\ne', lhs: e, rhs: e }, SymbolTable.empty, options, 3);
        assert.notEqual(ne.status, 'verified', `${e.toString()}: ${ne.message}`);
      }),
      { numRuns: 150, seed: 44 },
    );
  });

  it('gives the same verdict for the same seed', () => {
    fc.assert(
      fc.property(expr, expr, (l, r) => {
        const a = verifyStep({ relation: '=', lhs: l, rhs: r }, SymbolTable.empty, options, 9);
        const b = verifyStep({ relation: '=', lhs: l, rhs: r }, SymbolTable.empty, options, 9);
        assert.deepEqual(a, b);
      }),
      { numRuns: 60, seed: 45 },
    );
  });
});
