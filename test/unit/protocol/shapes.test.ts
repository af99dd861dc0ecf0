import assert from 'node:assert/strict';
import { verifyDocument } from '../../../src/core/document';
import { isWebviewMessage } from '../../../src/extension/preview/messages';
import { validateReport } from '../../../src/protocol/shapes';
import { isHostMessage } from '../../../webview/guards';

// One description of the result shapes: whatever the JSON report's validator rejects, the webview rejects
// too, and real results pass both.
const text = '$$\n1 + 1 = 2 = 3\n$$\n\n$$\nx \\ll y \\quad f(x) = 2\n$$';
const { derivations } = verifyDocument(text);
const report = (d: unknown): unknown => ({
  version: 1,
  files: [{ path: 'a.md', derivations: [d], experiments: [], diagnostics: [] }],
});
const message = (d: unknown): unknown => ({
  type: 'results',
  uri: 'file:///a.md',
  version: 1,
  results: { derivations: [d], experiments: [], running: [] },
});

describe('protocol: result shapes', () => {
  it('accepts real results in the report and in a host message', () => {
    assert.ok(derivations.length >= 2);
    for (const d of derivations) {
      assert.deepEqual(validateReport(report(d)), []);
      assert.ok(isHostMessage(message(d)));
    }
  });

  const broken: [string, (d: Record<string, unknown>) => void][] = [
    ['an unknown status', (d) => ((d.steps as Record<string, unknown>[])[0]!.status = 'ok')],
    ['a missing relation', (d) => delete (d.steps as Record<string, unknown>[])[0]!.relation],
    ['a line of 0', (d) => (d.line = 0)],
    ['a string for steps', (d) => (d.steps = 'none')],
    [
      'a counterexample of strings',
      (d) => ((d.steps as Record<string, unknown>[])[1]!.counterexample = { x: 'a' }),
    ],
    [
      'values that are not numbers',
      (d) => ((d.steps as Record<string, unknown>[])[1]!.values = { lhs: 'a', rhs: 1 }),
    ],
    [
      'an errorAt without a column',
      (d) => ((d.steps as Record<string, unknown>[])[0]!.errorAt = { line: 2 }),
    ],
  ];
  for (const [name, breakIt] of broken) {
    it(`rejects ${name} in both readers`, () => {
      const d = JSON.parse(JSON.stringify(derivations[0])) as Record<string, unknown>;
      breakIt(d);
      assert.notDeepEqual(validateReport(report(d)), []);
      assert.equal(isHostMessage(message(d)), false);
    });
  }

  it('checks the problems the webview reports with the same line shape', () => {
    const ok = { type: 'problems', uri: 'u', version: 1, problems: [{ line: 0, column: 3, message: 'm' }] };
    assert.ok(isWebviewMessage(ok));
    for (const p of [
      { line: -1, column: 0, message: 'm' },
      { line: 0, column: 1e9, message: 'm' },
      { line: 0, column: 0 },
    ])
      assert.equal(isWebviewMessage({ ...ok, problems: [p] }), false);
  });
});
