import assert from 'node:assert/strict';
import { verifyDocument } from '../../../src/core/document';
import { parseBlock } from '../../../src/core/latex/index';
import type { Claim } from '../../../src/core/latex/types';
import { context } from './helpers';

/** Each claim as `lhs REL rhs; …`, or `error(code, subject)` with one entry per unread step. */
function claims(tex: string): string[] {
  return parseBlock(tex, context()).map((c: Claim) =>
    c.ok
      ? c.steps.map((s) => `${s.lhs.node.toString()} ${s.relation} ${s.rhs.node.toString()}`).join('; ')
      : `error(${c.error.code}, ${c.error.subject ?? ''}, ${c.relations})`,
  );
}

/** The statuses of the steps of one display block. */
function statuses(tex: string): string[] {
  return verifyDocument(`$$ ${tex} $$`).derivations.flatMap((d) => d.steps.map((s) => s.status));
}

describe('latex blocks: every relation is a step', () => {
  it('reads a relation written as a group as that relation', () => {
    assert.deepEqual(claims('x = 1 \\implies 2 + 2 \\mathrel{=} 5'), ['x = 1', '2 + 2 = 5']);
    assert.deepEqual(claims('2 + 2 {=} 5'), ['2 + 2 = 5']);
    assert.deepEqual(claims('3 \\mathrel{\\le} 2'), ['3 \\le 2']);
    assert.deepEqual(claims('3 {\\leq} 2 \\mathrel= 2'), ['3 \\le 2; 2 = 2']);
    assert.deepEqual(claims('a \\mathrel{:=} 2'), ['a = 2']);
    assert.deepEqual(claims('a {:=} 2'), ['a = 2']);
    // A group holding anything else is not a relation.
    assert.deepEqual(claims('{x} = 1'), ['x = 1']);
  });

  it('makes each relation it does not judge a step, unsupported-relation, alone or in a chain', () => {
    assert.deepEqual(claims('a \\ll b'), ['error(unsupported-relation, \\ll, 1)']);
    assert.deepEqual(claims('x = 1 \\quad 3 \\nleq 2'), ['x = 1', 'error(unsupported-relation, \\nleq, 1)']);
    assert.deepEqual(claims('x = y \\cong z = w'), [
      'x = y',
      'error(unsupported-relation, \\cong, 1)',
      'z = w',
    ]);
    assert.deepEqual(claims('p \\propto q \\lesssim r'), [
      'error(unsupported-relation, \\propto, 1)',
      'error(unsupported-relation, \\lesssim, 1)',
    ]);
    assert.deepEqual(claims('a ≪ b'), ['error(unsupported-relation, ≪, 1)']);
    assert.deepEqual(claims('a \\mathrel{\\ll} b'), ['error(unsupported-relation, \\ll, 1)']);
    assert.deepEqual(claims('a \\overset{?}{\\cong} b'), ['error(unsupported-relation, \\cong, 1)']);
  });

  it('counts unjudged relations among the steps of an unreadable block', () => {
    // A macro that never ends fails the whole block, before it is split.
    const all = parseBlock('\\def\\a{\\a} a \\ll b = \\a', context());
    assert.equal(all.length, 1);
    const [c] = all;
    assert.ok(c && !c.ok);
    assert.equal(c.relations, 2);
  });

  it('never shows a block as all verified while it holds a claim nobody checked', () => {
    assert.deepEqual(statuses('x + x = 2x \\implies 2 + 2 \\mathrel{=} 5'), ['verified', 'refuted']);
    assert.deepEqual(statuses('x + x = 2x \\quad 2 + 2 {=} 5'), ['verified', 'refuted']);
    assert.deepEqual(statuses('x + x = 2x \\quad 3 \\mathrel{\\le} 2'), ['verified', 'refuted']);
    for (const rel of ['\\nleq', '\\ll', '\\cong', '\\propto', '\\lesssim', '\\subseteq'])
      assert.deepEqual(statuses(`x + x = 2x \\quad a ${rel} b`), ['verified', 'unverifiable'], rel);
  });
});
