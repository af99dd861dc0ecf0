import assert from 'node:assert/strict';
import { toParseError } from '../../../src/core/latex/errors';
import { commandSpecs, environmentSpecs } from '../../../src/core/latex/handlers';
import { type CommandSpec, type EnvironmentSpec, Registry } from '../../../src/core/latex/handlers/registry';
import { binary, fn, num } from '../../../src/core/latex/nodes';
import { Parser } from '../../../src/core/latex/parser';
import { tokenize } from '../../../src/core/latex/tokens';
import { context } from './helpers';

/** Parses `tex` with the standard handlers plus `extra`; the printed tree or `error(code)`. */
function read(tex: string, extra: CommandSpec[] = [], envs: EnvironmentSpec[] = []): string {
  const registry = new Registry([...commandSpecs, ...extra], [...environmentSpecs, ...envs]);
  try {
    return new Parser(tokenize(tex), context(), [], 0, registry).parseWhole().toString();
  } catch (e) {
    return `error(${toParseError(e).code})`;
  }
}

/** `\twice{x}` → 2·x: a command added the documented way, one spec and a registration. */
const twice: CommandSpec = {
  names: ['twice'],
  parse: (p, t) => {
    p.next();
    return binary('multiply', num(2), p.parseArgument(`\\${t.value}`));
  },
};

describe('latex command registry', () => {
  it('reads a registered command, inside expressions and in sub-parsers', () => {
    assert.equal(read('\\twice{x} + 1'), 'error(syntax)');
    assert.equal(read('\\twice{x} + 1', [twice]), '2 * x + 1');
    assert.equal(read('\\frac{\\twice{a}}{b}', [twice]), '2 * a / b');
    assert.equal(read('\\begin{bmatrix} \\twice{1} \\end{bmatrix}', [twice]), '[[2 * 1]]');
  });

  it('overrides the unsupported fallback for a registered name', () => {
    const lim: CommandSpec = { names: ['lim'], parse: (p) => (p.next(), num(0)) };
    assert.equal(read('\\lim'), 'error(unsupported)');
    assert.equal(read('\\lim + 1', [lim]), '0 + 1');
    assert.equal(read('\\ldots'), 'error(unsupported)');
    assert.equal(read('\\nosuchcommand'), 'error(syntax)');
  });

  it('tries handlers of one name in order; a declining handler passes on', () => {
    const declines: CommandSpec = { names: ['twice'], parse: () => undefined };
    const zero: CommandSpec = { names: ['twice'], parse: (p) => (p.next(), num(0)) };
    assert.equal(read('\\twice{x}', [declines, twice]), '2 * x');
    assert.equal(read('\\twice{x}', [twice, zero]), '2 * x');
    // The indicator declines anything but the digit 1, leaving \mathbb to the fonts.
    assert.equal(read('\\mathbb{1}_{x > 0}'), 'piecewise(x > 0, 1, 0)');
    assert.equal(read('\\mathbb{R}'), 'ℝ');
  });

  it('ends the argument of a function before a command that starts one', () => {
    const op: CommandSpec = { ...twice, names: ['op'], startsFunction: true };
    const plain: CommandSpec = { ...twice, names: ['op'] };
    assert.equal(read('\\sin x \\op{y}', [op]), 'sin(x) (2 * y)');
    assert.equal(read('\\sin x \\op{y}', [plain]), 'sin(x (2 * y))');
  });

  it('reads a registered environment and refuses an unknown one', () => {
    const diag: EnvironmentSpec = {
      names: ['mydiag'],
      parse: (p, t, name) => {
        const v = p.parseAdditive();
        p.next();
        p.pos = p.toks.findIndex((u, i) => i >= p.pos && u.value === '}') + 1;
        return name === 'mydiag' && t.value === 'begin' ? fn('diag', [v]) : v;
      },
    };
    assert.equal(read('\\begin{mydiag} x \\end{mydiag}', [], [diag]), 'diag(x)');
    assert.equal(read('\\begin{mydiag} x \\end{mydiag}'), 'error(syntax)');
    assert.equal(read('\\begin{align} x \\end{align}'), 'error(unsupported)');
    assert.throws(() => new Registry([], [diag, diag]), /registered twice/);
  });
});
