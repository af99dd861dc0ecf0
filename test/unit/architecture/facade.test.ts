import assert from 'node:assert/strict';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { ESLint } from 'eslint';

// Adapters reach the core only through its facade (src/core/index.ts and the heavy entries check.ts and
// sandbox.ts), and ESLint is what holds that line: these tests lint snippets under made-up file names with
// the project's own configuration and check that the rule fires where it should and nowhere else.
const root = path.resolve(__dirname, '../../..');

/** The rules that fired on each line of `code`, linted as if it were the file `file`. */
async function firing(file: string, code: string[]): Promise<(string | null)[][]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code.join('\n') + '\n', { filePath: path.join(root, file) });
  assert.ok(result);
  assert.deepEqual(
    result.messages.filter((m) => m.fatal),
    [],
  );
  return code.map((_, i) =>
    result.messages
      .filter((m) => m.line === i + 1 && /^no-restricted-/.test(m.ruleId ?? ''))
      .map((m) => m.ruleId),
  );
}

// Loading ESLint and the TypeScript parser takes a few seconds on a busy machine, hence the timeouts.
describe('the core facade', () => {
  it('fails an import, export, require or type import of a core internal from outside the core', async function () {
    this.timeout(60_000);
    const code = [
      "import { formatValue } from '../core/report/values';",
      "import type { StepResult } from '../core/types';",
      "export { scanMarkdown } from '../core/markdown/scanner';",
      "const runner = require('../core/experiment/isolated');",
      "type Worker = typeof import('../core/verify/worker');",
      "const later = import('../core/document');",
    ];
    const fired = await firing('src/extension/fake.ts', code);
    assert.deepEqual(fired, [
      ['no-restricted-imports'],
      ['no-restricted-imports'],
      ['no-restricted-imports'],
      ['no-restricted-syntax'],
      ['no-restricted-syntax'],
      ['no-restricted-syntax'],
    ]);
    // The webview names the core through src/.
    const webview = await firing('webview/fake.ts', [
      "import type { TexSource } from '../src/core/markdown/types';",
    ]);
    assert.deepEqual(webview, [['no-restricted-imports']]);
  });

  it('allows the facade and its heavy entries, and leaves the core and other packages alone', async function () {
    this.timeout(60_000);
    const outside = await firing('src/render/fake.ts', [
      "import { formatValue } from '../core';",
      "import type { StepResult } from '../core/index';",
      "const checker = require('../core/check');",
      "const sandbox = require('../core/sandbox');",
      "type Check = typeof import('../core/check');",
      "import type { RenderProblem } from '../protocol/preview';",
      "import core from 'some-package/core/internal';",
    ]);
    assert.deepEqual(outside, [[], [], [], [], [], [], []]);
    const inside = await firing('src/core/verify/fake.ts', [
      "import { formatValue } from '../report/values';",
    ]);
    assert.deepEqual(inside, [[]]);
  });

  it('keeps src/core/index.ts light enough for the webview: no mathjs, no Node module', async function () {
    this.timeout(60_000);
    const out = await esbuild.build({
      entryPoints: [path.join(root, 'src/core/index.ts')],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'browser',
      format: 'esm',
      logLevel: 'silent',
    });
    const inputs = Object.keys(out.metafile.inputs);
    assert.deepEqual(
      inputs.filter((f) => /node_modules\/mathjs\//.test(f) || f.startsWith('node:')),
      [],
    );
    assert.ok(inputs.includes('src/core/markdown/scanner.ts'));
  });
});
