// Keeps results attached to their blocks while the student types: a block the edit touches loses its
// result (its text changed, so the old verdict no longer holds); blocks below move with the edit.
// Pure (no `vscode` import) so it is unit-tested in Node.
import type { DerivationResult, ExperimentResult } from '../core';

/** One text change in 1-based lines: lines `startLine..endLine` were replaced by text of `newLines` line breaks. */
export interface LineEdit {
  startLine: number;
  endLine: number;
  newLines: number;
}

/** A block's lines, 1-based. */
export interface Spanned {
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
    // errorAt too: diagnostics prefer it, so a parse error would otherwise stay behind on the old line.
    steps: d.steps.map((s) => ({
      ...s,
      line: s.line + delta,
      ...(s.errorAt ? { errorAt: { ...s.errorAt, line: s.errorAt.line + delta } } : {}),
    })),
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

/** Where a block the edit touched now lies: it keeps its first line and grows or shrinks with the edit. */
function reshaped(b: Spanned, e: LineEdit): Spanned {
  const delta = e.newLines - (e.endLine - e.startLine);
  const line = Math.min(b.line, e.startLine);
  return { line, endLine: Math.max(line, b.endLine + delta) };
}

/** Spans of blocks changed since their result: touched ones are reshaped, those below move. */
function shiftSpans(spans: readonly Spanned[], e: LineEdit): Spanned[] {
  const delta = e.newLines - (e.endLine - e.startLine);
  return spans.map((b) =>
    touches(b, e)
      ? reshaped(b, e)
      : b.line > e.endLine
        ? { line: b.line + delta, endLine: b.endLine + delta }
        : b,
  );
}

/**
 * Applies edits (in the order VS Code reports them for one change event: bottom-up) to stored results.
 * A derivation the edit touches loses its result and joins `pending`: its text now differs from what was
 * verified, and the editor says so at once instead of showing nothing or the old verdict.
 */
export function shiftResults(
  derivations: ReadonlyMap<number, DerivationResult>,
  experiments: ReadonlyMap<number, ExperimentResult>,
  edits: readonly LineEdit[],
  pending: readonly Spanned[] = [],
): {
  derivations: Map<number, DerivationResult>;
  experiments: Map<number, ExperimentResult>;
  pending: Spanned[];
} {
  // Apply from the bottom so each edit's lines are still in the coordinates it was reported in.
  const ordered = [...edits].sort((a, b) => b.startLine - a.startLine);
  let d = new Map(derivations);
  let x = new Map(experiments);
  let p = [...pending];
  for (const e of ordered) {
    const changed = [...d.values()].filter((b) => touches(b, e)).map((b) => reshaped(b, e));
    p = [...shiftSpans(p, e), ...changed];
    d = shiftMap(d, e, moveDerivation);
    x = shiftMap(x, e, moveExperiment);
  }
  return { derivations: d, experiments: x, pending: p };
}
