import assert from 'node:assert/strict';
import { verifyDocument } from '../../../src/core/document';
import type { TexSource } from '../../../src/core/markdown/types';
import { chooseEdits } from '../../../src/core/prose/choose';
import { intervalEdits, transposedListEdits } from '../../../src/core/prose/intervals';
import { applyEdits, type TexEdit } from '../../../src/core/prose/texEdit';

const edited = (text: string, edits: (t: string) => TexEdit[]): string => {
  const src: TexSource = { text, lines: [{ offset: 0, line: 1, column: 1 }] };
  return applyEdits(src, edits(text)).text;
};

describe('prose: notation read as the text writes it', () => {
  it('{n \\choose k} is \\binom{n}{k}; a group with no or two \\choose is left alone', () => {
    assert.equal(edited(String.raw`{n \choose 1} x`, chooseEdits), String.raw`\binom{n }{ 1} x`);
    assert.equal(edited(String.raw`{n + 1} x`, chooseEdits), String.raw`{n + 1} x`);
    assert.equal(
      edited(String.raw`{a \choose b \choose c}`, chooseEdits),
      String.raw`{a \choose b \choose c}`,
    );
    // `\chooser` is another command.
    assert.equal(edited(String.raw`{a \chooser b}`, chooseEdits), String.raw`{a \chooser b}`);
  });

  it('d2l sgd: the probability of picking a sample exactly once is verified; a wrong power is refuted', () => {
    const check = (tex: string): string | undefined =>
      verifyDocument(tex).derivations.flatMap((d) => d.steps)[0]?.status;
    const right = String.raw`{n \choose 1} \frac{1}{n} \left(1-\frac{1}{n}\right)^{n-1} = \frac{n}{n-1} \left(1-\frac{1}{n}\right)^{n}`;
    assert.equal(check(`$$${right}$$`), 'verified');
    assert.equal(check(`$$${right.replace('^{n-1}', '^{n}')}$$`), 'refuted');
  });

  it('[p, q] = [r, s] alone in a block compares columns; anything else stays as written', () => {
    assert.equal(
      edited('[a - r, a + r] = [0.7, 1.3], ', intervalEdits),
      String.raw`\begin{bmatrix}a - r\\ a + r\end{bmatrix} = \begin{bmatrix}0.7\\ 1.3\end{bmatrix}, `,
    );
    assert.equal(edited('[a, b] = [c, d] + x', intervalEdits), '[a, b] = [c, d] + x');
    assert.equal(edited('[a, b] = [c]', intervalEdits), '[a, b] = [c]');
  });

  it('[x, y]^\\top is a column; a list not transposed is left alone', () => {
    assert.equal(
      edited(String.raw`\mathbf{v} = [x, y]^\top`, transposedListEdits),
      String.raw`\mathbf{v} = \begin{bmatrix}x\\ y\end{bmatrix}`,
    );
    assert.equal(
      edited('[2,1]^T + w', transposedListEdits),
      String.raw`\begin{bmatrix}2\\1\end{bmatrix} + w`,
    );
    assert.equal(edited('[0, 1]^2', transposedListEdits), '[0, 1]^2');
    // Sized brackets go with the list: `\left[ … \right]^\top` was `\left\begin{bmatrix}`, a parse error.
    assert.equal(
      edited(String.raw`\left[a, \ldots, b\right]^\top`, transposedListEdits),
      String.raw`\begin{bmatrix}a\\ \ldots\\ b\end{bmatrix}`,
    );
    assert.equal(edited(String.raw`[a, b\right]^\top`, transposedListEdits), String.raw`[a, b\right]^\top`);
  });
});
