// HTML for verification results and experiment outputs. Plain strings, no DOM: the same markup serves the
// webview (which adds behaviour) and the exported file (which must work with no script at all).
import {
  type DerivationResult,
  type ExperimentOutput,
  type ExperimentResult,
  formatNumber,
  formatValue,
  isDefinition,
  type SampleValue,
  shapeWords,
  type StepResult,
} from '../core';
import { sidesTex } from './valueTex';

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

export interface BadgeInfo {
  text: string;
  status: 'ok' | 'bad' | 'unk' | 'def' | 'running' | 'none';
  title: string;
}

/** The block badge: `✓ n` for the n steps that hold when nothing else is wrong, `✗ k` when k are refuted,
 *  `? k` when k could not be checked, `≔ k` (neutral) when the block holds only k definitions. */
export function derivationBadge(result: DerivationResult | undefined, running: boolean): BadgeInfo {
  if (running) return { text: '…', status: 'running', title: 'Verifying…' };
  if (!result) return { text: '', status: 'none', title: 'Not verified yet' };
  const n = result.steps.length;
  const bad = result.steps.filter((s) => s.status === 'refuted').length;
  const defs = result.steps.filter(isDefinition).length;
  const unk = result.steps.filter((s) => s.status === 'unverifiable').length - defs;
  const ok = n - bad - unk - defs;
  const also = defs > 0 ? `, ${defs} definition${defs === 1 ? '' : 's'}` : '';
  if (bad > 0) return { text: `✗ ${bad}`, status: 'bad', title: `${bad} of ${n} steps refuted` };
  if (unk > 0 || n === 0)
    return {
      text: `? ${unk}`,
      status: 'unk',
      title: n === 0 ? 'No step could be read' : `${unk} of ${n} steps could not be checked${also}`,
    };
  if (ok === 0)
    return {
      text: `≔ ${defs}`,
      status: 'def',
      title: `${defs} definition${defs === 1 ? '' : 's'}, nothing to check`,
    };
  return { text: `✓ ${ok}`, status: 'ok', title: `${ok} step${ok === 1 ? '' : 's'} verified${also}` };
}

export function badgeHtml(b: BadgeInfo): string {
  if (b.status === 'none') return '';
  return `<vscode-badge class="sw-badge sw-badge-${b.status}" title="${escapeHtml(b.title)}">${escapeHtml(b.text)}</vscode-badge>`;
}

/** The counterexample of a refuted step: symbol = value, then both sides. Symbol names are TeX, rendered by `math`. */
export function counterexampleHtml(step: StepResult, math: (tex: string) => string): string {
  const rows: string[] = [];
  for (const [name, value] of Object.entries(step.counterexample ?? {})) {
    rows.push(
      `<tr><td class="sw-sym">${math(name)}</td><td><code>${escapeHtml(formatValue(value))}</code></td></tr>`,
    );
  }
  if (step.values) {
    const { lhs, rhs } = step.values;
    // Small vectors and matrices are typeset, the entries where the sides differ coloured.
    const typeset = sidesTex(lhs, rhs);
    const side = (name: string, v: SampleValue, tex: string | undefined): string =>
      `<tr class="sw-side"><td>${name}</td><td>${tex !== undefined ? `<span class="sw-value-tex">${math(tex)}</span>` : `<code>${escapeHtml(formatValue(v))}</code>`}</td></tr>`;
    rows.push(side('left', lhs, typeset?.lhs));
    rows.push(side('right', rhs, typeset?.rhs));
    if (!typeset && (typeof lhs !== 'number' || typeof rhs !== 'number')) {
      const a = shapeWords(lhs);
      const b = shapeWords(rhs);
      if (a !== b)
        rows.push(
          `<tr class="sw-shape"><td colspan="2">The left side is ${a}, the right side ${b}.</td></tr>`,
        );
    }
  }
  const table = rows.length > 0 ? `<table class="sw-cex-table"><tbody>${rows.join('')}</tbody></table>` : '';
  // The verifier's sentence restates the point and both values: once the table shows them, it is noise.
  const message = step.values && step.message ? '' : `<p class="sw-cex-msg">${escapeHtml(step.message)}</p>`;
  return (
    `<details class="sw-cex" data-step="${step.index}"><summary>✗ Step ${step.index}: ${math(step.lhs)} ` +
    `${math(step.relation.replace(/^&/, ''))} ${math(step.rhs)} fails</summary>` +
    `${table}${message}</details>`
  );
}

/** A reason code in words, for the collapsed line of unverifiable steps. */
function reasonWords(reason: string | undefined): string {
  return reason ? reason.replace(/-/g, ' ') : 'not checked';
}

/** One collapsed line: a summary, then one item per reason with its count, its steps and one message. */
function collapsedHtml(cls: string, summary: string, steps: StepResult[]): string {
  const groups = new Map<string, StepResult[]>();
  for (const s of steps) {
    const key = s.reason ?? '';
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const items = [...groups.entries()].map(([reason, group]) => {
    const which = group.map((s) => s.index).join(', ');
    const first = group[0]?.message ?? '';
    return (
      `<li class="sw-note-${cls}" data-reason="${escapeHtml(reason || 'none')}" data-count="${group.length}">` +
      `<span class="sw-reason">${escapeHtml(reasonWords(reason || undefined))}</span> ` +
      `<span class="sw-count">× ${group.length}</span> (step${group.length === 1 ? '' : 's'} ${which}): ` +
      `${escapeHtml(first)}</li>`
    );
  });
  const reasons =
    cls === 'definition'
      ? ''
      : ` (${[...groups.keys()].map((r) => escapeHtml(reasonWords(r || undefined))).join(', ')})`;
  return (
    `<details class="sw-${cls}"><summary>${summary}${reasons}</summary>` +
    `<ul class="sw-step-notes">${items.join('')}</ul></details>`
  );
}

/**
 * Steps without a mark on their relation are listed in words so no result is lost. Unverifiable steps are
 * the calm part: one short line per block ("? 3 steps not checked"), expandable, grouped by reason, each
 * group with its count, its steps and one message. Definitions are not a failure to check: their own
 * neutral line ("≔ 2 definitions").
 */
export function stepNotesHtml(
  result: DerivationResult,
  placed: number[],
  math: (tex: string) => string,
): string {
  void math;
  const notes = result.steps
    .filter((s) => s.status === 'verified' && !placed.includes(s.index))
    .map((s) => `<li class="sw-note-verified">✓ Step ${s.index}: ${escapeHtml(s.message || s.status)}</li>`);
  const unknown = result.steps.filter((s) => s.status === 'unverifiable' && !isDefinition(s));
  const defs = result.steps.filter(isDefinition);
  const n = unknown.length;
  const d = defs.length;
  return (
    (notes.length > 0 ? `<ul class="sw-step-notes">${notes.join('')}</ul>` : '') +
    (n > 0 ? collapsedHtml('unverifiable', `? ${n} step${n === 1 ? '' : 's'} not checked`, unknown) : '') +
    (d > 0 ? collapsedHtml('definition', `≔ ${d} definition${d === 1 ? '' : 's'}`, defs) : '')
  );
}

function svgPlot(xs: number[], series: { label: string; y: number[] }[], bars: boolean): string {
  const w = 480;
  const h = 200;
  const pad = 28;
  const all = series.flatMap((s) => s.y).filter(Number.isFinite);
  const finiteX = xs.filter(Number.isFinite);
  if (all.length === 0 || finiteX.length === 0) return '<p class="sw-empty">no data</p>';
  let y0 = Math.min(...all, bars ? 0 : Infinity);
  let y1 = Math.max(...all);
  if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1];
  const x0 = Math.min(...finiteX);
  let x1 = Math.max(...finiteX);
  if (x1 === x0) x1 = x0 + 1;
  const sx = (x: number): number => pad + ((x - x0) / (x1 - x0)) * (w - 2 * pad);
  const sy = (y: number): number => h - pad - ((y - y0) / (y1 - y0)) * (h - 2 * pad);
  const parts: string[] = [];
  parts.push(`<line class="sw-axis" x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}"/>`);
  parts.push(`<line class="sw-axis" x1="${pad}" y1="${pad}" x2="${pad}" y2="${h - pad}"/>`);
  parts.push(`<text class="sw-tick" x="2" y="${pad + 4}">${escapeHtml(formatNumber(y1))}</text>`);
  parts.push(`<text class="sw-tick" x="2" y="${h - pad}">${escapeHtml(formatNumber(y0))}</text>`);
  parts.push(`<text class="sw-tick" x="${pad}" y="${h - 8}">${escapeHtml(formatNumber(x0))}</text>`);
  parts.push(`<text class="sw-tick" x="${w - pad - 30}" y="${h - 8}">${escapeHtml(formatNumber(x1))}</text>`);
  series.forEach((s, k) => {
    if (bars) {
      // Histogram: x holds the bin edges, y the counts (one fewer).
      s.y.forEach((c, i) => {
        const a = xs[i];
        const b = xs[i + 1];
        if (a === undefined || b === undefined || !Number.isFinite(c)) return;
        const top = sy(c);
        parts.push(
          `<rect class="sw-bar" x="${sx(a).toFixed(1)}" y="${top.toFixed(1)}" width="${Math.max(0.5, sx(b) - sx(a) - 1).toFixed(1)}" height="${(h - pad - top).toFixed(1)}"/>`,
        );
      });
    } else {
      const pts = s.y
        .map((y, i) =>
          Number.isFinite(y) && xs[i] !== undefined
            ? `${sx(xs[i] as number).toFixed(1)},${sy(y).toFixed(1)}`
            : '',
        )
        .filter((p) => p !== '')
        .join(' ');
      parts.push(`<polyline class="sw-series sw-series-${k % 6}" points="${pts}"/>`);
    }
  });
  return `<svg class="sw-svg" viewBox="0 0 ${w} ${h}" role="img">${parts.join('')}</svg>`;
}

/** The statement that made a value, as its label: the name an assignment sets, or the expression itself. */
export function statementLabel(statement: string): string {
  const text = statement.trim().replace(/;+$/, '').trim();
  const assigned = /^([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)/.exec(text);
  return assigned ? (assigned[1] as string) : text;
}

function outputHtml(o: ExperimentOutput, statementAt: (line: number) => string | undefined): string {
  switch (o.kind) {
    case 'value': {
      const statement = statementAt(o.line);
      const label = statement ? statementLabel(statement) : '';
      return label
        ? `<div class="sw-out sw-out-value"><span class="sw-label" title="${escapeHtml(statement ?? '')}">${escapeHtml(label)}</span> = <code>${escapeHtml(o.text)}</code></div>`
        : `<div class="sw-out sw-out-value"><code>${escapeHtml(o.text)}</code></div>`;
    }
    case 'show':
      return `<div class="sw-out sw-out-show"><span class="sw-label">${escapeHtml(o.label)}</span> <code>${escapeHtml(o.text)}</code></div>`;
    case 'table': {
      const head = o.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
      const body = o.rows
        .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
        .join('');
      return `<div class="sw-out sw-out-table"><table class="sw-table"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
    }
    case 'plot': {
      // The SVG is the printable picture; the webview replaces it with an interactive uPlot chart.
      const data = escapeHtml(JSON.stringify({ title: o.title ?? '', x: o.x, series: o.series }));
      const legend = o.series
        .map((s, k) => `<span class="sw-legend sw-series-${k % 6}">${escapeHtml(s.label)}</span>`)
        .join(' ');
      const title = o.title ? `<div class="sw-plot-title">${escapeHtml(o.title)}</div>` : '';
      return `<div class="sw-out sw-plot" data-plot="${data}">${title}${svgPlot(o.x, o.series, false)}<div class="sw-legends">${legend}</div></div>`;
    }
    case 'hist':
      return `<div class="sw-out sw-hist">${svgPlot(o.edges, [{ label: 'count', y: o.counts }], true)}</div>`;
  }
}

export function experimentBadge(result: ExperimentResult | undefined, running: boolean): BadgeInfo {
  if (running) return { text: '…', status: 'running', title: 'Running…' };
  if (!result) return { text: '', status: 'none', title: 'Not run yet' };
  const passed = result.checks.filter((c) => c.passed).length;
  switch (result.status) {
    case 'passed':
      return { text: `✓ ${passed}`, status: 'ok', title: `${passed} check${passed === 1 ? '' : 's'} passed` };
    case 'failed':
      return {
        text: `✗ ${result.checks.length - passed}`,
        status: 'bad',
        title: result.message || 'checks failed',
      };
    case 'error':
      return { text: '✗ error', status: 'bad', title: result.message };
    case 'skipped':
      return { text: '?', status: 'unk', title: result.message || 'skipped' };
  }
}

/** Everything an experiment produced, under its code. `code` (its first line at file line `codeLine`,
 *  1-based) labels each value with the statement that made it. */
export function experimentOutputsHtml(
  result: ExperimentResult,
  code?: { text: string; codeLine: number },
): string {
  const lines = code?.text.split('\n') ?? [];
  const statementAt = (line: number): string | undefined =>
    code ? lines[line - code.codeLine]?.trim() || undefined : undefined;
  const parts: string[] = [];
  if (result.status === 'error' || result.status === 'skipped') {
    parts.push(`<div class="sw-out sw-out-${result.status}">${escapeHtml(result.message)}</div>`);
  }
  for (const o of result.outputs) parts.push(outputHtml(o, statementAt));
  if (result.checks.length > 0) {
    const items = result.checks.map(
      (c) =>
        `<li class="${c.passed ? 'sw-check-ok' : 'sw-check-bad'}">${c.passed ? '✓' : '✗'} ${escapeHtml(c.label)}` +
        `${!c.passed && c.detail ? ` <span class="sw-detail">${escapeHtml(c.detail)}</span>` : ''}</li>`,
    );
    parts.push(`<ul class="sw-checks">${items.join('')}</ul>`);
  }
  if (result.durationMs !== undefined)
    parts.push(`<div class="sw-duration">${Math.round(result.durationMs)} ms</div>`);
  return `<div class="sw-outputs">${parts.join('')}</div>`;
}
