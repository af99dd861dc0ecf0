// Names every JavaScript object inherits (`constructor`, `toString`, `valueOf`, `__proto__`) are ordinary
// names in a homework: never a relation, a known function, a law or probability notation.
import assert from 'node:assert/strict';
import { verifyDocument } from '../../../src/core/document';
import { block, steps } from '../support/documentSteps';

const declared = '<!-- let\nx \\in \\mathbb{R}\n-->\n\n';
const only = (tex: string) => steps(declared + block(tex));

describe('document: names that are properties of every object', () => {
  for (const name of ['constructor', 'toString', 'valueOf', 'hasOwnProperty']) {
    it(`\\operatorname{${name}} reads like any unknown name`, () => {
      const same = only(`\\operatorname{${name}}(x) = 0`);
      const plain = only('\\operatorname{foo}(x) = 0');
      assert.deepEqual(
        same.map((s) => [s.status, s.reason]),
        plain.map((s) => [s.status, s.reason]),
      );
      assert.notEqual(same[0]?.status, 'verified');
    });

    it(`\\${name} is no relation: an unknown command with its column, not an internal error`, () => {
      const r = verifyDocument(declared + block(`x \\${name} y = x`));
      assert.deepEqual(r.analysis.diagnostics, []);
      const s = r.derivations.flatMap((d) => d.steps);
      assert.equal(s.length, 1);
      assert.equal(s[0]?.status, 'unverifiable');
      assert.equal(s[0]?.reason, 'parse-error');
    });

    it(`\\${name} is no Greek letter, accent or font: an unknown command, not a symbol`, () => {
      const s = only(`\\${name} + x = x + \\${name}`);
      assert.deepEqual(
        s.map((x) => [x.status, x.reason]),
        [['unverifiable', 'parse-error']],
      );
      assert.match(s[0]?.message ?? '', new RegExp(`unknown command \\\\${name}`));
    });
  }

  it('a subscript \\constructor keeps its name, and \\mathbf{\\valueOf} is an error at its column', () => {
    const [sub] = only('x_{\\constructor} = x_{\\toString} + 0');
    assert.equal(sub?.reason, 'definition');
    assert.doesNotMatch(sub?.message ?? '', /native code/);
    assert.match(sub?.message ?? '', /x_\{\\constructor\}/);
    const [bold] = only('\\mathbf{\\valueOf} = 1');
    assert.equal(bold?.reason, 'parse-error');
    assert.doesNotMatch(bold?.message ?? '', /internal/);
    assert.match(bold?.message ?? '', /column 9/);
  });

  it('\\operatorname{__proto__} is no name at all (underscores), so a parse error', () => {
    const s = only('\\operatorname{__proto__}(x) = 0');
    assert.deepEqual(
      s.map((x) => [x.status, x.reason]),
      [['unverifiable', 'parse-error']],
    );
  });

  it('a law named constructor is a law Stepwise does not know', () => {
    const r = verifyDocument('<!-- let\nX \\sim \\operatorname{constructor}(1)\n-->\n\n' + block('X = X'));
    assert.match(
      r.analysis.diagnostics.map((d) => d.message).join('\n'),
      /law constructor is not one Stepwise knows/,
    );
  });
});
