import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../../../src/cli';
import { tallyReport, validateReport } from '../../../src/core/report/json';
import type { Report } from '../../../src/core/types';

const corpus = path.join(__dirname, '../../../../shared/corpus');
const files = [
  ...readdirSync(path.join(corpus, 'd2l'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => path.join(corpus, 'd2l', f)),
  path.join(corpus, 'ocr/homework6-ocr.md'),
];

describe('stepwise check --json on the d2l corpus and the OCR homework', function () {
  this.timeout(60_000);

  it('reports every file without crashing, in the documented shape, exit 0 or 1', async () => {
    let stdout = '';
    let stderr = '';
    // A small sample count keeps this a correctness test, not a benchmark (bench/verify.bench.ts is that).
    const code = await runCli(['check', '--json', '--samples', '4', ...files], {
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
      readFile: (p) => Promise.resolve(readFileSync(p, 'utf8')),
      color: false,
    });
    assert.ok(code === 0 || code === 1, `exit ${code}: ${stderr}`);
    assert.equal(stderr, '');
    const report = JSON.parse(stdout) as Report;
    assert.deepEqual(validateReport(report), []);
    assert.deepEqual(
      report.files.map((f) => f.path),
      files,
    );
    for (const f of report.files) {
      const internal = f.diagnostics.find((d) => d.message.startsWith('internal error'));
      assert.equal(internal, undefined, `${f.path}: ${internal?.message}`);
      for (const d of f.derivations) {
        assert.ok(d.endLine >= d.line);
        d.steps.forEach((s, i) => {
          assert.equal(s.index, i + 1);
          assert.ok(
            s.line >= d.line && s.line <= d.endLine,
            `${f.path}: step line ${s.line} outside ${d.line}–${d.endLine}`,
          );
        });
      }
    }
    const t = tallyReport(report);
    // Floors, not targets: much of the book is definitions and probability that are rightly unverifiable,
    // but hundreds of relations must be found and a good part of the algebra must go through.
    assert.ok(t.verified + t.refuted + t.unverifiable > 300, JSON.stringify(t));
    assert.ok(t.verified >= 30, JSON.stringify(t));
    assert.ok(
      (report.files[report.files.length - 1]?.derivations.length ?? 0) > 0,
      'the OCR file has display blocks',
    );
  });
});
