// The steps of a Markdown document given line by line, and the one step of a document that must have one.
import assert from 'node:assert/strict';
import { verifyDocument } from '../../../src/core/document';
import type { StepResult } from '../../../src/core/types';

export const steps = (...lines: string[]): StepResult[] =>
  verifyDocument(lines.join('\n')).derivations.flatMap((d) => d.steps);

export const only = (...lines: string[]): StepResult => {
  const s = steps(...lines);
  assert.equal(s.length, 1, JSON.stringify(s));
  return s[0] as StepResult;
};

/** The statuses of every step of a document, in order. */
export const statuses = (text: string): string[] => steps(text).map((s) => s.status);

/** One display-math block holding `tex`. */
export const block = (tex: string): string => `$$\n${tex}\n$$\n`;
