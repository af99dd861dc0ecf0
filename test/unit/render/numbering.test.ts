import assert from 'node:assert/strict';
import { anchorId, numberEquations } from '../../../src/render/numbering';

describe('render/numbering', () => {
  it('numbers labelled display formulas in order and resolves forward and backward references', () => {
    const n = numberEquations([
      { tex: 'x \\eqref{b}', display: false },
      { tex: 'a = b \\label{a}', display: true },
      { tex: 'c = d', display: true },
      { tex: 'e = f \\label{b}', display: true },
      { tex: '\\ref{a}', display: false },
    ]);
    assert.deepEqual(
      [...n.labels],
      [
        ['a', '1'],
        ['b', '2'],
      ],
    );
    assert.equal(n.texs[1], 'a = b \\tag{1}');
    assert.equal(n.texs[2], 'c = d');
    assert.equal(n.texs[0], `x \\href{#${anchorId('b')}}{\\textup{(2)}}`);
    assert.equal(n.texs[4], `\\href{#${anchorId('a')}}{\\textup{1}}`);
    assert.deepEqual(n.anchors, [[], ['a'], [], ['b'], []]);
    assert.deepEqual(n.problems, []);
  });

  it('keeps an explicit \\tag as the label’s number and does not count it', () => {
    const n = numberEquations([
      { tex: 'a \\tag{$\\star$} \\label{s}', display: true },
      { tex: 'b \\label{t}', display: true },
    ]);
    assert.equal(n.labels.get('s'), '$\\star$');
    assert.equal(n.labels.get('t'), '1');
    assert.equal(n.texs[0], 'a \\tag{$\\star$} ');
  });

  it('numbers each row of align (not nested matrix rows), honouring \\nonumber', () => {
    const n = numberEquations([
      {
        tex: '\\begin{align} a &= \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix} \\label{r1} \\\\ b &= c \\nonumber \\\\ d &= e \\label{r3} \\end{align}',
        display: true,
      },
    ]);
    assert.deepEqual(
      [...n.labels],
      [
        ['r1', '1'],
        ['r3', '2'],
      ],
    );
    assert.equal(
      n.texs[0],
      '\\begin{align*} a &= \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}  \\tag{1}\\\\ b &= c  \\\\ d &= e  \\tag{2}\\end{align*}',
    );
  });

  it('reports unknown and duplicate labels', () => {
    const n = numberEquations([
      { tex: 'a \\label{x}', display: true },
      { tex: 'b \\label{x}', display: true },
      { tex: '\\eqref{nope}', display: false },
    ]);
    assert.deepEqual(
      n.problems.map((p) => [p.index, p.offset, p.message]),
      [
        [1, 2, 'duplicate \\label{x}'],
        [2, 0, "unknown label 'nope'"],
      ],
    );
    assert.equal(n.texs[2], '\\textup{(??)}');
  });

  it('makes label anchors safe as HTML ids', () => {
    assert.equal(anchorId('eq:a b"<'), 'sw-eq-eq_3aa_20b_22_3c');
  });
});
