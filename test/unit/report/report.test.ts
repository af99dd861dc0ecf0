import assert from 'node:assert/strict';
import { formatReport, formatSummary } from '../../../src/core/report/format';
import { formatValue } from '../../../src/core/report/values';
import { buildReport, reportExitCode, tallyReport, validateReport } from '../../../src/core/report/json';
import type { FileReport, Report, StepResult } from '../../../src/core/types';
import { checkFile } from '../../../src/core/check';

function step(over: Partial<StepResult>): StepResult {
  return {
    index: 1,
    line: 5,
    column: 3,
    relation: '=',
    lhs: 'a',
    rhs: 'b',
    status: 'verified',
    message: '',
    samples: 24,
    counterexample: null,
    assumptions: [],
    ...over,
  };
}

function sample(): Report {
  const file: FileReport = {
    path: 'hw.md',
    derivations: [
      {
        line: 4,
        endLine: 7,
        steps: [
          step({ index: 1, line: 5, lhs: '\\frac{a^2}{3}', rhs: '\\frac{1}{3n}' }),
          step({
            index: 2,
            line: 6,
            relation: '=',
            lhs: '(AB)^\\top',
            rhs: 'A^\\top B^\\top',
            status: 'refuted',
            message: 'the sides differ',
            reason: 'counterexample',
            meaning: '=',
            counterexample: {
              A: [
                [1, 2],
                [3, 4],
              ],
              x: 0.5,
              v: [1, -1],
            },
            values: { lhs: 1, rhs: 2 },
          }),
        ],
      },
      {
        line: 9,
        endLine: 9,
        steps: [
          step({
            index: 1,
            line: 9,
            status: 'unverifiable',
            message: 'uses probability notation',
            reason: 'probability-notation',
            subject: '\\mathbb{E}',
            samples: 0,
            assumptions: [{ symbol: 'x', domain: 'ℝ', isDefault: true, role: 'value' }],
          }),
        ],
      },
    ],
    experiments: [
      {
        line: 12,
        endLine: 20,
        title: 'dropout',
        status: 'failed',
        message: '1 of 2 checks failed',
        checks: [
          { line: 14, label: 'mean', passed: true },
          { line: 15, label: 'var', passed: false, detail: '0.1 vs 0.3' },
        ],
        outputs: [],
      },
    ],
    diagnostics: [{ line: 2, column: 1, severity: 'warning', message: 'unclosed $$' }],
  };
  return buildReport([file]);
}

describe('report JSON', () => {
  it('accepts a report of the documented shape', () => {
    assert.deepEqual(validateReport(sample()), []);
    assert.deepEqual(validateReport(JSON.parse(JSON.stringify(sample()))), []);
    assert.deepEqual(validateReport({ version: 1, files: [] }), []);
  });

  it('names each missing key and wrong type with its path', () => {
    const r = JSON.parse(JSON.stringify(sample()));
    delete r.files[0].derivations[0].steps[0].relation;
    r.files[0].derivations[0].steps[1].status = 'maybe';
    r.files[0].experiments[0].checks[0].passed = 'yes';
    r.files[0].diagnostics[0].line = 0;
    r.version = 2;
    assert.deepEqual(validateReport(r).sort(), [
      'report.files[0].derivations[0].steps[0].relation: missing',
      'report.files[0].derivations[0].steps[1].status: expected one of verified, refuted, unverifiable',
      'report.files[0].diagnostics[0].line: expected an integer ≥ 1',
      'report.files[0].experiments[0].checks[0].passed: expected a boolean',
      'report.version: expected 1',
    ]);
  });

  it('requires a reason code on every step that is not verified, and assumptions as records', () => {
    const r = JSON.parse(JSON.stringify(sample()));
    delete r.files[0].derivations[1].steps[0].reason;
    r.files[0].derivations[0].steps[1].reason = 'Not A Code';
    r.files[0].derivations[0].steps[0].assumptions = ['x ∈ ℝ (default)'];
    delete r.files[0].derivations[0].steps[1].assumptions;
    assert.deepEqual(validateReport(r).sort(), [
      'report.files[0].derivations[0].steps[0].assumptions[0]: expected an object',
      'report.files[0].derivations[0].steps[1].assumptions: missing',
      'report.files[0].derivations[0].steps[1].reason: expected a kebab-case code',
      'report.files[0].derivations[1].steps[0].reason: missing',
    ]);
  });

  it('rejects counterexamples that are not numbers, vectors or matrices', () => {
    const r = JSON.parse(JSON.stringify(sample()));
    r.files[0].derivations[0].steps[1].counterexample = { x: 'half' };
    assert.deepEqual(validateReport(r), [
      'report.files[0].derivations[0].steps[1].counterexample.x: expected a number, a vector or a matrix',
    ]);
    assert.ok(validateReport(null).length > 0);
    assert.ok(validateReport({ version: 1 }).includes('report.files: missing'));
  });

  it('tallies statuses and sets the exit code from refuted steps and failed experiments', () => {
    const r = sample();
    const t = tallyReport(r);
    assert.deepEqual(
      [t.verified, t.refuted, t.unverifiable, t.experimentsFailed, t.warnings, t.errors],
      [1, 1, 1, 1, 1, 0],
    );
    assert.equal(reportExitCode(r), 1);
    const f = r.files[0]!;
    f.derivations[0]!.steps[1]!.status = 'verified';
    assert.equal(reportExitCode(r), 1, 'the failed experiment still fails the run');
    f.experiments[0]!.status = 'skipped';
    assert.equal(reportExitCode(r), 0);
    f.experiments[0]!.status = 'error';
    assert.equal(reportExitCode(r), 1);
  });
});

describe('report text', () => {
  it('prints one line per step, experiment and diagnostic, sorted by line, then the summary', () => {
    const lines = formatReport(sample(), { color: false }).split('\n');
    assert.match(lines[0]!, /^hw\.md:2:1 {2}warning {2}unclosed \$\$$/);
    assert.match(lines[1]!, /^hw\.md:5:3 {2}✓ verified +\\frac\{a\^2\}\{3\} = \\frac\{1\}\{3n\}$/);
    assert.match(lines[2]!, /^hw\.md:6:3 {2}✗ refuted +\(AB\)\^\\top = A\^\\top B\^\\top — counterexample: /);
    assert.ok(
      lines[2]!.endsWith('counterexample: A = [[1, 2], [3, 4]], x = 0.5, v = [1, -1]; left 1, right 2'),
    );
    assert.match(lines[3]!, /^hw\.md:9:3 {2}\? unverifiable +a = b — uses probability notation$/);
    assert.match(lines[4]!, /^hw\.md:12 {2}✗ experiment failed "dropout" \(1\/2 checks\)/);
    assert.match(lines[5]!, /^hw\.md:15 +✗ check var: 0\.1 vs 0\.3$/);
    assert.equal(
      lines[6],
      'Summary: 1 file · 3 steps: 1 verified, 1 refuted, 1 unverifiable · 1 experiment: 0 passed, 1 failed · 0 errors, 1 warning',
    );
    assert.equal(lines.length, 7);
  });

  it('falls back to the message for a refuted step without a counterexample, and shows parse failures', () => {
    const r = buildReport([
      {
        path: 'a.md',
        derivations: [
          {
            line: 1,
            endLine: 3,
            steps: [
              step({ line: 2, status: 'refuted', message: 'left is 2×3, right is 3×2' }),
              step({
                index: 2,
                line: 3,
                lhs: '',
                rhs: '',
                relation: '',
                status: 'unverifiable',
                message: 'parse error',
              }),
            ],
          },
        ],
        experiments: [],
        diagnostics: [],
      },
    ]);
    const lines = formatReport(r, { color: false }).split('\n');
    assert.match(lines[0]!, /✗ refuted +a = b — left is 2×3, right is 3×2$/);
    assert.match(lines[1]!, /\? unverifiable {2}— parse error$/);
  });

  it('prints a passed experiment with its check count and no message', () => {
    const r = sample();
    r.files[0]!.experiments[0] = {
      ...r.files[0]!.experiments[0]!,
      status: 'passed',
      message: 'all 2 checks passed',
    };
    r.files[0]!.experiments[0].checks[1]!.passed = true;
    const line = formatReport(r, { color: false }).split('\n')[4];
    assert.equal(line, 'hw.md:12  ✓ experiment passed "dropout" (2/2 checks)');
  });

  it('colours only when asked', () => {
    // eslint-disable-next-line no-control-regex
    const esc = /\u001b\[/;
    assert.doesNotMatch(formatReport(sample(), { color: false }), esc);
    assert.match(formatReport(sample(), { color: true }), esc);
  });

  it('shortens long sides and formats values readably', () => {
    const long = 'x + '.repeat(40) + 'x';
    const r = buildReport([
      {
        path: 'a.md',
        derivations: [{ line: 1, endLine: 1, steps: [step({ lhs: long })] }],
        experiments: [],
        diagnostics: [],
      },
    ]);
    const line = formatReport(r, { color: false, maxTex: 20 }).split('\n')[0]!;
    assert.ok(line.includes('x + x + x + x + x +… = b'), line);
    assert.equal(formatValue(1 / 3), '0.333333');
    assert.equal(formatValue([[1, 0.25]]), '[[1, 0.25]]');
    assert.equal(
      formatSummary(buildReport([]), { color: false }),
      'Summary: 0 files · 0 steps: 0 verified, 0 refuted, 0 unverifiable',
    );
  });
});

describe('report text: defaults that decide a verdict', () => {
  it('says on the line when undeclared capitals were taken as real numbers (AB = BA verified for scalars)', async () => {
    const text =
      '$$\nAB = BA\n$$\n\n<!-- let\nC, D \\in \\mathbb{R}^{2 \\times 2}\n-->\n\n$$\nCD = DC\n$$\n\n$$\nx + y = y + x\n$$\n';
    const file = await checkFile('ab.md', text, { experiments: false });
    const lines = formatReport(buildReport([file]), { color: false }).split('\n');
    assert.match(lines[0] ?? '', /✓ verified\s+AB = BA \(taking A, B ∈ ℝ by default/);
    assert.doesNotMatch(lines[1] ?? '', /by default/, 'declared matrices need no such note');
    assert.doesNotMatch(lines[2] ?? '', /by default/, 'lower-case scalars are the ordinary reading');
  });
});
