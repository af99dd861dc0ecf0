// Keeps results attached to their blocks while the student types: a block the edit touches loses its
// result (its text changed, so the old verdict no longer holds); blocks below move with the edit.
// Pure (no `vscode` import) so it is unit-tested in Node.
import type { DerivationResult, ExperimentResult } from '../core/types';

/** One text change in 1-based lines: lines `startLine..endLine` were replaced by text of `newLines` line breaks. */
export interface LineEdit {
  startLine: number;
  endLine: number;
  newLines: number;
}

interface Spanned {
  line: number;
  endLine: number;
}

function touches(block: Spanned, e: LineEdit): boolean {
  return block.endLine >= e.startLine && block.line <= e.endLine;
}

function moveDerivation(d: DerivationResult, delta: number): DerivationResult {
  return {
    ...d,
    line: d.line + delta,
    endLine: d.endLine + delta,
    steps: d.steps.map((s) => ({ ...s, line: s.line + delta })),
  };
}

function moveExperiment(r: ExperimentResult, delta: number): ExperimentResult {
  return {
    ...r,
    line: r.line + delta,
    endLine: r.endLine + delta,
    ...(r.errorLine !== undefined ? { errorLine: r.errorLine + delta } : {}),
    checks: r.checks.map((c) => ({ ...c, line: c.line + delta })),
    outputs: r.outputs.map((o) => ({ ...o, line: o.line + delta })),
  };
}

function shiftMap<T extends Spanned>(
  map: ReadonlyMap<number, T>,
  e: LineEdit,
  move: (t: T, d: number) => T,
): Map<number, T> {
  const delta = e.newLines - (e.endLine - e.startLine);
  const out = new Map<number, T>();
  for (const block of map.values()) {
    if (touches(block, e)) continue;
    const moved = block.line > e.endLine && delta !== 0 ? move(block, delta) : block;
    out.set(moved.line, moved);
  }
  return out;
}

/** Applies edits (in the order VS Code reports them for one change event: bottom-up) to stored results. */
export function shiftResults(
  derivations: ReadonlyMap<number, DerivationResult>,
  experiments: ReadonlyMap<number, ExperimentResult>,
  edits: readonly LineEdit[],
): { derivations: Map<number, DerivationResult>; experiments: Map<number, ExperimentResult> } {
  // Apply from the bottom so each edit's lines are still in the coordinates it was reported in.
  const ordered = [...edits].sort((a, b) => b.startLine - a.startLine);
  let d = new Map(derivations);
  let x = new Map(experiments);
  for (const e of ordered) {
    d = shiftMap(d, e, moveDerivation);
    x = shiftMap(x, e, moveExperiment);
  }
  return { derivations: d, experiments: x };
}
