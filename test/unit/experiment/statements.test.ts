import assert from 'node:assert/strict';
import { splitStatements } from '../../../src/core/experiment/statements';

const brief = (code: string) => splitStatements(code).map((s) => [s.text, s.line, s.column, s.hidden]);

describe('splitStatements', () => {
  it('splits at newlines and `;`, marking hidden ones, skipping blanks and comments', () => {
    assert.deepEqual(brief('a = 1; b = 2\n\n# note\n  c = 3 # trailing\n'), [
      ['a = 1', 0, 1, true],
      ['b = 2', 0, 8, false],
      ['c = 3 # trailing', 3, 3, false],
    ]);
  });

  it('keeps brackets, parentheses and strings together across newlines and `;`', () => {
    assert.deepEqual(brief('A = [1, 2;\n 3, 4]\ns = "a;b"\nf(x) = (x +\n 1)'), [
      ['A = [1, 2;\n 3, 4]', 0, 1, false],
      ['s = "a;b"', 2, 1, false],
      ['f(x) = (x +\n 1)', 3, 1, false],
    ]);
  });

  it("tells a transpose ' from a string quote", () => {
    assert.deepEqual(brief("B = A'; c = 'x;y'\nd = x' * y"), [
      ["B = A'", 0, 1, true],
      ["c = 'x;y'", 0, 9, false],
      ["d = x' * y", 1, 1, false],
    ]);
  });

  it('a `#` inside a string is not a comment', () => {
    assert.deepEqual(brief('show("#1", 1)'), [['show("#1", 1)', 0, 1, false]]);
  });
});
