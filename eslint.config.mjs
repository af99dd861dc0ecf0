import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The core's facade: outside src/core/, code names src/core/index.ts (as `…/core` or `…/core/index`) or one
// of its two heavy entries, check.ts (the verifier, mathjs) and sandbox.ts (the experiment worker's runner),
// never a path further in. Three files rather than one so that each bundle carries only what it loads: the
// webview bundles the index and must not meet mathjs or a Node module; the extension host requires the
// sandbox and must not load mathjs. The pattern is a relative path's, so packages named `core` are not hit.
const coreInternal = String.raw`^(\.\.?/)+(src/)?core/(?!(index|check|sandbox)$)`;
const coreMessage = 'Import the core through src/core/index.ts (or src/core/check.ts, src/core/sandbox.ts).';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'media/**', 'node_modules/**', 'test-artifacts/**', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core must stay free of the editor: it is shared by the extension host, the CLI and workers.
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['vscode'] }] },
  },
  {
    files: ['src/**/*.ts', 'webview/**/*.ts'],
    ignores: ['src/core/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: coreInternal, message: coreMessage }] }],
      // The same boundary for what `no-restricted-imports` does not see: `require()` (the lazily loaded
      // verifier), `import()` and `typeof import()`.
      'no-restricted-syntax': [
        'error',
        ...[
          "CallExpression[callee.name='require'] > Literal",
          'ImportExpression > Literal.source',
          'TSImportType > Literal.source',
        ].map((node) => ({
          selector: `${node}[value=/${coreInternal.replaceAll('/', '\\/')}/]`,
          message: coreMessage,
        })),
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'test/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
