// Caps on what one run may report, so a block cannot grow its result (held in the worker, copied to the
// host, written to JSON, drawn by the preview) without bound. Past a cap the output is cut and says so.

/** Outputs a run keeps; later ones are counted in the result's notes. */
export const MAX_OUTPUTS = 500;
/** Check results a run lists; later ones still count towards passed/failed. */
export const MAX_CHECKS = 1000;
/** Characters of one value's text, a label or a check's detail. */
export const MAX_TEXT = 2000;
/** Characters of the statement text an output carries as its label. */
export const MAX_SOURCE = 200;
/** Characters of all outputs of a run together (their JSON). */
export const MAX_RESULT_CHARS = 4_000_000;
/** Rows and columns of a table. */
export const MAX_TABLE_ROWS = 1000;
export const MAX_TABLE_COLUMNS = 50;
/** Points per plotted series (longer ones are thinned evenly) and series per plot. */
export const MAX_PLOT_POINTS = 2000;
export const MAX_PLOT_SERIES = 20;
/** Bins of a histogram: more is refused (merging them would change what the block asked for). */
export const MAX_BINS = 1000;
/** Characters of a result's message. */
export const MAX_MESSAGE = 1000;

/** The text cut to `max` characters, with a note that it was. */
export function capText(text: string, max = MAX_TEXT): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (truncated, ${text.length.toLocaleString('en-US')} characters)`;
}

/** "1,000,000": counts in notes. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}
