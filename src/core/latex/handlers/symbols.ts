// Commands that start a symbol: Greek letters, accents and fonts (`\\alpha`, `\\hat{x}`, `\\mathbf{x}`, `{\\bf x}`).
import { parseSymbolOrCall } from '../atoms';
import { accents, fonts, greek, oldFonts } from '../names';
import type { CommandSpec } from './registry';

export const symbols: CommandSpec = {
  names: [...Object.keys(greek), ...Object.keys(accents), ...Object.keys(fonts), ...Object.keys(oldFonts)],
  parse: (p) => parseSymbolOrCall(p),
};
