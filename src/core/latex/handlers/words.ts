// Words in a command: `\\operatorname{tr}`, `\\mathrm{Var}`, `\\text{ReLU}`, `\\mathrm{x}`, `\\mathbf{AB}`.
import { isCallOpen, parseCallArgs, parseSymbolOrCall, symbolNode } from '../atoms';
import { conditionWords, probabilityNames, textCommands, wordCommands } from '../commands';
import { fail } from '../errors';
import { applyFont } from '../names';
import { binary, fn, paren, sym, type MathNode } from '../nodes';
import type { Token } from '../tokens';
import { operatorNames, parseFunctionApplication } from './functions';
import type { CommandSpec, ParserApi } from './registry';

/** Fonts that make a letter a vector or matrix name (𝐱). */
export const boldFonts = new Set(['mathbf', 'boldsymbol', 'bm', 'pmb']);

/** `\\operatorname` begins an operator application; the other word commands do not. */
export const operatorName: CommandSpec = {
  names: ['operatorname'],
  startsFunction: true,
  parse: (p, t) => parseWordCommand(p, t),
};
export const words: CommandSpec = {
  names: [...wordCommands].filter((w) => w !== 'operatorname'),
  parse: (p, t) => parseWordCommand(p, t),
};

/** `\operatorname{tr}`, `\mathrm{Var}`, `\text{ReLU}`, `\mathrm{x}`. */
function parseWordCommand(p: ParserApi, t: Token): MathNode {
  const w = p.wordAt(p.pos + 1);
  if (!w) {
    if (textCommands.has(t.value) || t.value === 'operatorname')
      fail(`\\${t.value} needs a {…} argument`, t.offset);
    return parseSymbolOrCall(p);
  }
  const isText = textCommands.has(t.value);
  if (
    /^arg\s*(\\[,;! ])?\s*(min|max)$/.test(w.word) ||
    ['argmin', 'argmax', 'arg min', 'arg max'].includes(w.word)
  )
    fail(`${w.word} (an optimum over a set) is not supported`, t.offset, 'unsupported');
  if (probabilityNames.has(w.word) && (w.word.length > 1 || t.value !== 'mathbf'))
    fail(
      `${w.word} is probability notation, which sampling cannot check`,
      t.offset,
      'probability',
      `\\${t.value}{${w.word}}`,
    );
  const known = operatorNames[w.word];
  if (known) {
    p.pos = w.end;
    return parseFunctionApplication(p, known, t, w.word);
  }
  if (boldFonts.has(t.value) && w.letters && w.word.length > 1 && !w.word.includes(' ')) {
    // `\mathbf{AB}` is the product of bold A and bold B, not one symbol.
    p.pos = w.end;
    const letters = [...w.word].map((c) => symbolNode(p, applyFont(t.value, c)));
    return paren(letters.reduce((a, b) => binary('multiply', a, b, true)));
  }
  if (
    !isText &&
    (w.word.length <= 1 ||
      t.value === 'mathbf' ||
      t.value === 'mathsf' ||
      t.value === 'mathtt' ||
      t.value === 'mathit')
  )
    return parseSymbolOrCall(p);
  if (w.word === 'd') fail(`a differential d outside \\frac{d}{dx}`, t.offset, 'unsupported');
  // `\text{price}` names a quantity; `\text{if}` inside an expression is prose we cannot read.
  if (isText && !(w.letters && !w.word.includes(' ') && !conditionWords.has(w.word.toLowerCase())))
    fail(`text '${w.word}' inside an expression`, t.offset, 'unsupported');
  if (!w.letters) fail(`\\${t.value}{${w.word}} is not a name`, t.offset);
  p.pos = w.end;
  // An operator we do not know, such as \operatorname{dropout}: an unknown function (its step ends
  // unverifiable unless the student declares it), or a multi-letter symbol when not applied.
  if (isCallOpen(p)) return fn('call', [sym(w.word), ...parseCallArgs(p)]);
  return symbolNode(p, w.word);
}
