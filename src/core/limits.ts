// Input limits. Homework and lecture chapters are tens of kilobytes with at most a few hundred formulas
// (the largest d2l chapter: 44 KB, 316 display blocks); these limits sit far above that and far below the
// sizes that once took minutes and gigabytes (a 10 MB file of 650,000 blocks: 53 s, 3 GB). Past a limit
// Stepwise says so at the place it stopped, and checks what comes before.
import type { Diagnostic } from './types';

export const inputLimits = {
  /** Characters of one file (about 2 MB of text). */
  fileChars: 2_000_000,
  /** Lines of one file (the scanner keeps a record per line: ~300 bytes each). */
  fileLines: 100_000,
  /** Display-math blocks verified in one file. */
  blocks: 5_000,
  /** Steps verified in one file. */
  steps: 20_000,
  /** Experiments run in one file (each may take up to its time limit). */
  experiments: 200,
} as const;

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The diagnostic for a file too large to check at all, or undefined when it fits. */
export function fileTooLarge(text: string): Diagnostic | undefined {
  const at = { line: 1, column: 1, severity: 'error' as const };
  const n = (x: number): string => x.toLocaleString('en-US');
  if (text.length > inputLimits.fileChars) {
    return {
      ...at,
      message: `the file has ${n(text.length)} characters; Stepwise checks files of up to ${n(inputLimits.fileChars)} — split it into smaller files`,
    };
  }
  const lines = countLines(text);
  if (lines > inputLimits.fileLines) {
    return {
      ...at,
      message: `the file has ${n(lines)} lines; Stepwise checks files of up to ${n(inputLimits.fileLines)} lines — split it into smaller files`,
    };
  }
  return undefined;
}

/** The diagnostic placed at the first block or step left unchecked past a limit. */
export function limitReached(what: 'blocks' | 'steps', line: number): Diagnostic {
  const n = inputLimits[what];
  return {
    line,
    column: 1,
    severity: 'warning',
    message:
      what === 'blocks'
        ? `only the first ${n} display-math blocks of a file are checked; this one and those after it are not`
        : `only the first ${n} steps of a file are checked; the derivations from here on are not`,
  };
}
