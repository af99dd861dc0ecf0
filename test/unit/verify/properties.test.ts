// Property tests: on random expressions the verifier never throws, never refutes an identity `e = e` and
// never verifies a claim that is false at every point.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ConstantNode, FunctionNode, OperatorNode, SymbolNode, type MathNode } from 'mathjs';
import { SymbolTable } from '../../../src/core/symbols';
import { defaultVerifyOptions } from '../../../src/core/types';
import { verifyStep } from '../../../src/core/verify/step';
import { declare, domain } from './helpers';

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
const realX = SymbolTable.of([declare(['x'], domain())]);

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

  it('never verifies e·(1 + c·10^{-k}) = e beyond the relative tolerance, unless e is 0', () => {
    fc.assert(
      fc.property(expr, fc.constantFrom(1, -1, 3), fc.integer({ min: 1, max: 8 }), (e, c, k) => {
        const tiny = binary(
          'multiply',
          new ConstantNode(c),
          binary('pow', new ConstantNode(10), new ConstantNode(-k)),
        );
        const rhs = binary('multiply', e, binary('add', new ConstantNode(1), tiny));
        const v = verifyStep({ relation: '=', lhs: e, rhs }, SymbolTable.empty, options, 5);
        const zero = verifyStep(
          { relation: '=', lhs: e, rhs: new ConstantNode(0) },
          SymbolTable.empty,
          options,
          5,
        );
        if (zero.status !== 'verified')
          assert.notEqual(v.status, 'verified', `${e.toString()}, ${c}e-${k}: ${v.message}`);
      }),
      { numRuns: 200, seed: 46 },
    );
  });

  it('never calls a tiny non-zero value zero: x·10^{-k} = 0 is refuted for every k', () => {
    for (let k = 1; k <= 300; k += 7) {
      const lhs = binary(
        'multiply',
        new SymbolNode('x'),
        binary('pow', new ConstantNode(10), new ConstantNode(-k)),
      );
      const v = verifyStep({ relation: '=', lhs, rhs: new ConstantNode(0) }, realX, options, 7);
      assert.equal(v.status, 'refuted', `k = ${k}: ${v.message}`);
    }
  });

  it('never verifies (e + 10^{k}) - 10^{k} = 0 for an e that varies (cancellation)', () => {
    fc.assert(
      fc.property(expr, fc.integer({ min: 16, max: 40 }), (e, k) => {
        const big = binary('pow', new ConstantNode(10), new ConstantNode(k));
        const lhs = binary('subtract', binary('add', e, big), big);
        const v = verifyStep({ relation: '=', lhs, rhs: new ConstantNode(0) }, SymbolTable.empty, options, 6);
        // e may itself be 0 everywhere (x - x); then the claim is true and may hold.
        const zero = verifyStep(
          { relation: '=', lhs: e, rhs: new ConstantNode(0) },
          SymbolTable.empty,
          options,
          6,
        );
        if (zero.status !== 'verified')
          assert.notEqual(v.status, 'verified', `${e.toString()}, 10^${k}: ${v.message}`);
      }),
      { numRuns: 150, seed: 47 },
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
