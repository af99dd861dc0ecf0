import assert from 'node:assert/strict';
import { verifyDocument } from '../../../src/core/document';
import { extractMacros, parseBlock } from '../../../src/core/latex/index';
import type { MacroDef } from '../../../src/core/latex/types';
import { context } from './helpers';

/** Each claim of a block as `lhs = rhs` printed, or `error(code)`. */
function read(tex: string, macros: Record<string, MacroDef> = {}): string[] {
  return parseBlock(tex, context({}, macros)).map((c) =>
    c.ok
      ? c.steps.map((s) => `${s.lhs.node.toString()} ${s.relation} ${s.rhs.node.toString()}`).join('; ')
      : `error(${c.error.code})`,
  );
}

/** The statuses of the steps of a document, block by block. */
function statuses(...blocks: string[]): string[] {
  return verifyDocument(blocks.join('\n\n')).derivations.map((d) => d.steps.map((s) => s.status).join(','));
}

const one: MacroDef = { params: 0, body: '1' };

describe('latex macros in KaTeX order', () => {
  it('applies a \\def, \\gdef, \\newcommand, \\renewcommand from where it stands', () => {
    assert.deepEqual(read('\\a + \\a = 4 \\def\\a{2}', { a: one }), ['1 + 1 = 4']);
    assert.deepEqual(read('\\def\\a{2} \\a + \\a = 4', { a: one }), ['2 + 2 = 4']);
    assert.deepEqual(read('\\a = \\a \\gdef\\a{2} \\quad \\a = 3', { a: one }), ['1 = 1', '2 = 3']);
    assert.deepEqual(read('\\a = 1 \\quad \\newcommand{\\a}{2} \\a = 2', { a: one }), ['1 = 1', '2 = 2']);
    assert.deepEqual(read('\\a = 1 \\quad \\renewcommand{\\a}{2} \\a = 2', { a: one }), ['1 = 1', '2 = 2']);
    assert.deepEqual(read('\\global\\def\\b#1{#1 + #1} \\b{x} = 2x'), ['x + x = 2 x']);
  });

  it('keeps a defined macro under \\providecommand and never guesses at a new one', () => {
    assert.deepEqual(read('\\providecommand{\\a}{2} \\a + \\a = 2', { a: one }), ['1 + 1 = 2']);
    assert.deepEqual(read('\\providecommand{\\c}{2} \\c = 2'), ['error(unsupported)']);
    assert.equal(extractMacros('\\providecommand{\\a}{2}', new Map([['a', one]])).size, 0);
    assert.equal(extractMacros('\\a + 1 = 2', new Map([['a', one]])).size, 0);
  });

  it('reads \\let as a copy of the meaning at that point', () => {
    assert.deepEqual(read('\\let\\b\\a \\def\\a{2} \\b = \\a', { a: one }), ['1 = 2']);
    assert.deepEqual(read('\\let\\b=\\alpha \\b = 1'), ['α = 1']);
  });

  it('refuses what it cannot follow exactly: local definitions, \\edef, macros that define macros', () => {
    assert.deepEqual(read('{\\def\\a{2}} \\a = 1', { a: one }), ['error(unsupported)']);
    assert.deepEqual(read('\\begin{bmatrix} \\def\\a{2} 1 \\end{bmatrix} = \\a', { a: one }), [
      'error(unsupported)',
    ]);
    assert.deepEqual(read('\\edef\\a{2} \\a = 2'), ['error(unsupported)']);
    const definer = extractMacros('\\def\\set#1{\\def#1{5}}');
    assert.match(definer.get('set')?.unknown ?? '', /defines macros/);
    assert.deepEqual(read('\\set\\four \\quad 2 + 2 = 4', Object.fromEntries(definer)), [
      'error(unsupported)',
    ]);
    // After such a macro was used, nothing is read: any command may have changed its meaning.
    const after = extractMacros('\\set\\four', definer);
    assert.deepEqual(read('2 + 2 = 4', Object.fromEntries(after)), ['error(unsupported)']);
  });

  it('carries the macros in force from block to block in a document', () => {
    // The cases: the later \def does not reach back, \providecommand does not override.
    assert.deepEqual(statuses('$$\\def\\a{1}$$', '$$\\a + \\a = 4 \\def\\a{2}$$'), ['refuted']);
    assert.deepEqual(statuses('$$\\def\\a{1}$$', '$$\\def\\a{2} \\a + \\a = 4$$'), ['verified']);
    assert.deepEqual(
      statuses('$$\\newcommand{\\a}{1}$$', '$$\\providecommand{\\a}{2}$$', '$$\\a + \\a = 4$$'),
      ['refuted'],
    );
    assert.deepEqual(statuses('$\\def\\a{1}$', '$$\\a = 1 \\def\\a{2}$$', '$$\\a = 2$$'), [
      'verified',
      'verified',
    ]);
    assert.deepEqual(statuses('$$\\a = 2 \\def\\a{2}$$'), ['unverifiable']);
  });
});
