// How results read in the editor: lens titles, diagnostic messages, inline decorations and hover tables.
// Pure functions of core results (no `vscode` import), so they are unit-tested in Node.
import {
  assumptionText,
  type DerivationResult,
  type ExperimentResult,
  formatAssignment,
  formatValue,
  isDefinition,
  negatedGlyph,
  type StepResult,
} from '../core';
import { arrayLines, sidesBlock } from './hoverValues';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The lens above a derivation that has not been verified (or whose text changed). */
export function verifyLensTitle(stepCount: number): string {
  return `Verify · ${plural(stepCount, 'step')}`;
}

/** The lens after a run: the worst news first, then the rest, e.g. `✗ step 2 refuted · ✓ 1 verified`. */
export function resultLensTitle(result: DerivationResult): string {
  const refuted = result.steps.filter((s) => s.status === 'refuted');
  const verified = result.steps.filter((s) => s.status === 'verified').length;
  const definitions = result.steps.filter(isDefinition).length;
  const unverifiable = result.steps.filter((s) => s.status === 'unverifiable').length - definitions;
  const parts: string[] = [];
  if (refuted.length > 0) {
    const idx = refuted.map((s) => s.index);
    const last = idx.pop();
    const list = idx.length === 0 ? `step ${last}` : `steps ${idx.join(', ')} and ${last}`;
    parts.push(`✗ ${list} refuted`);
  }
  if (verified > 0) parts.push(`✓ ${verified} verified`);
  if (unverifiable > 0) parts.push(`? ${unverifiable} unverifiable`);
  if (definitions > 0) parts.push(`≔ ${plural(definitions, 'definition')}`);
  if (parts.length === 0) return 'No steps to verify';
  return parts.join(' · ');
}

/** What failed, as a relation between the two values: `≠` for `=`, `>` for `\\le`, `≉` for `\\simeq`; from
 *  the relation the verifier read, never from the TeX. */
export function negatedRelation(step: Pick<StepResult, 'meaning'>): string {
  return step.meaning ? negatedGlyph[step.meaning] : '≠';
}

/** The one-line diagnostic of a step, e.g. `step 2: left 0.375 ≠ right 0.5 at x = 1, p = 0.25`. */
export function stepMessage(step: StepResult): string {
  if (step.status === 'refuted') {
    const at = formatAssignment(step.counterexample, 'short');
    if (step.values) {
      const cmp = `left ${formatValue(step.values.lhs, 'short')} ${negatedRelation(step)} right ${formatValue(step.values.rhs, 'short')}`;
      return `step ${step.index}: ${cmp}${at ? ` at ${at}` : ''}`;
    }
    const msg = step.message || 'refuted';
    return `step ${step.index}: ${msg}${at && !msg.includes(' at ') ? ` at ${at}` : ''}`;
  }
  if (step.status === 'unverifiable') return `step ${step.index} unverifiable: ${step.message}`;
  return `step ${step.index} verified (${plural(step.samples, 'sample')})`;
}

/** Characters of a counterexample the inline verdict shows before eliding the rest (the hover has it all). */
const inlineBudget = 28;

/** The faded text after a step's line: `✓`, `✗ at x = 1`, `?`, `≔` (definitions only); several steps on a line are joined. */
export function inlineText(steps: StepResult[]): string {
  const refuted = steps.find((s) => s.status === 'refuted');
  if (refuted) {
    const parts = Object.entries(refuted.counterexample ?? {}).map(
      ([k, v]) => `${k} = ${formatValue(v, 'short')}`,
    );
    const [first, ...rest] = parts;
    if (first === undefined) {
      // Nothing to sample (numbers only): the two values say what is wrong.
      const v = refuted.values;
      return v
        ? `✗ ${formatValue(v.lhs, 'short')} ${negatedRelation(refuted)} ${formatValue(v.rhs, 'short')}`
        : '✗';
    }
    // A line of matrices would run past the editor's edge: elide what does not fit.
    let text = `✗ at ${first}`;
    for (const part of rest) {
      if (text.length + 2 + part.length > inlineBudget) return `${text}, …`;
      text += `, ${part}`;
    }
    return text;
  }
  if (steps.some((s) => s.status === 'unverifiable' && !isDefinition(s))) return '?';
  if (steps.length > 0 && steps.every(isDefinition)) return '≔';
  return '✓';
}

/** Columns after which an inline verdict would leave a typical editor's view (or run under the minimap). */
const viewColumns = 100;

/**
 * An inline verdict cut to fit after a line of `lineLength` characters: at most 32 characters, fewer on a
 * long line, never less than its icon. The hover keeps the full text.
 */
export function fitInline(text: string, lineLength: number): string {
  const room = Math.min(32, viewColumns - lineLength);
  if (text.length <= room) return text;
  const icon = text.slice(0, 1);
  if (room < 4) return icon;
  return `${text.slice(0, room - 1).trimEnd()}…`;
}

/**
 * `Stepwise ✓ 21 ✗ 1 ? 3 · ▶ 4/4` for a file: its steps by verdict (definitions apart, ` ≔ 2`, only when
 * there are some: they are not steps that could not be checked), then its experiments that passed out of
 * those it has (`total`, from the file's outline; the experiments run when it is not known).
 */
export function statusText(
  results: Iterable<DerivationResult>,
  experiments: Iterable<ExperimentResult> = [],
  total?: number,
): string {
  let ok = 0;
  let bad = 0;
  let unknown = 0;
  let defs = 0;
  for (const r of results) {
    for (const s of r.steps) {
      if (s.status === 'verified') ok += 1;
      else if (s.status === 'refuted') bad += 1;
      else if (isDefinition(s)) defs += 1;
      else unknown += 1;
    }
  }
  const ran = [...experiments];
  const passed = ran.filter((x) => x.status === 'passed').length;
  const of = Math.max(total ?? ran.length, ran.length);
  const steps =
    ok + bad + unknown + defs > 0 ? ` ✓ ${ok} ✗ ${bad} ? ${unknown}${defs > 0 ? ` ≔ ${defs}` : ''}` : '';
  const runs = ran.length > 0 ? ` ▶ ${passed}/${of}` : '';
  if (!steps && !runs) return 'Stepwise';
  return `Stepwise${steps}${steps && runs ? ' ·' : ''}${runs}`;
}

function escapeCell(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[`*_[\]<>]/g, (c) => `\\${c}`);
}

/** Text as a Markdown code span, shown verbatim: escapes inside a code span would show literally, so the
 *  text is not escaped; the fence is one backtick longer than any run of backticks in it. */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\n/g, ' ')}${pad}${fence}`;
}

/** The hover of a step as Markdown: status, samples, assumed domains and the counterexample table. */
export function stepHoverMarkdown(step: StepResult): string {
  const def = isDefinition(step);
  const icon = step.status === 'verified' ? '✓' : step.status === 'refuted' ? '✗' : def ? '≔' : '?';
  const lines = [
    `**${icon} Step ${step.index} ${def ? 'a definition' : step.status}** — ${codeSpan(`${step.lhs} ${step.relation} ${step.rhs}`)}`,
    '',
  ];
  if (step.status === 'refuted' && step.values) {
    const scalars = typeof step.values.lhs === 'number' && typeof step.values.rhs === 'number';
    lines.push(
      scalars
        ? `left ${escapeCell(formatValue(step.values.lhs, 'short'))} ${negatedRelation(step)} right ${escapeCell(formatValue(step.values.rhs, 'short'))} at the point below`
        : `left ${negatedRelation(step)} right at the point below`,
      '',
    );
  } else if (step.status !== 'verified' && step.message) {
    lines.push(escapeCell(step.message), '');
  }
  lines.push(`Samples evaluated: ${step.samples}`, '');
  const assumed = step.assumptions.filter((a) => a.isDefault);
  if (assumed.length > 0) {
    lines.push(`Domains assumed: ${assumed.map((a) => escapeCell(assumptionText(a))).join('; ')}`, '');
  }
  if (step.counterexample && Object.keys(step.counterexample).length > 0) {
    // Numbers in the table; vectors and matrices aligned in a code block below it (hoverValues.ts).
    const arrays: string[][] = [];
    lines.push('| symbol | value |', '| --- | --- |');
    for (const [k, v] of Object.entries(step.counterexample)) {
      const drawn = arrayLines(k, v);
      if (drawn) arrays.push(drawn);
      lines.push(`| ${escapeCell(k)} | ${drawn ? 'below' : escapeCell(formatValue(v))} |`);
    }
    const sides = step.values && sidesBlock(step.values.lhs, step.values.rhs, negatedRelation(step));
    if (step.values && !sides) {
      lines.push(`| *left* | ${escapeCell(formatValue(step.values.lhs))} |`);
      lines.push(`| *right* | ${escapeCell(formatValue(step.values.rhs))} |`);
    }
    lines.push('');
    if (sides) arrays.push(sides);
    if (arrays.length > 0)
      lines.push('```text', ...arrays.flatMap((a, i) => (i > 0 ? ['', ...a] : a)), '```', '');
  }
  if (step.status === 'refuted' && step.hint) {
    const side = step.hint.side === 'rhs' ? 'right' : 'left';
    const fixed = step.hint.side === 'rhs' ? step.hint.rhs : step.hint.lhs;
    const other = step.hint.side === 'rhs' ? step.hint.lhs : step.hint.rhs;
    // A hint that gives back the other side says which rule the step misapplied (its message).
    lines.push(
      fixed.replace(/\s+/g, '') === other.replace(/\s+/g, '')
        ? `**Hint:** ${step.hint.message} (Quick Fix applies it)`
        : `**Hint:** it holds with ${codeSpan(fixed)} on the ${side} (Quick Fix applies it)`,
      '',
    );
  }
  return lines.join('\n');
}

/** The lens above an experiment after a run. */
export function experimentLensTitle(r: ExperimentResult): string {
  const time = r.durationMs !== undefined ? ` · ${Math.round(r.durationMs)} ms` : '';
  const passed = r.checks.filter((c) => c.passed).length;
  switch (r.status) {
    case 'passed':
      return `✓ passed${r.checks.length ? ` · ${plural(passed, 'check')}` : ''}${time} · ▶ Run again`;
    case 'failed': {
      const first = r.checks.find((c) => !c.passed);
      return `✗ failed${first ? `: ${first.label}` : ''}${time} · ▶ Run again`;
    }
    case 'error':
      return `⚠ error: ${r.message}`.slice(0, 90) + ' · ▶ Run again';
    default:
      return `– skipped: ${r.message}`.slice(0, 90);
  }
}
