// One build script for every bundle: the extension host, the CLI, the workers, the webview app and the
// integration-test bundle. Types are checked separately (`npm run typecheck`); esbuild only bundles.
// Usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, cpSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// Prefer ES modules so esbuild can drop the unused parts of mathjs (its CJS build cannot be shaken).
const node = {
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  mainFields: ['module', 'main'],
};
const browser = { platform: 'browser', format: 'iife', target: 'es2022' };

/** Each bundle; entries whose source does not exist yet are skipped so partial trees still build. */
const bundles = [
  { in: 'src/extension/extension.ts', out: 'dist/extension.js', ...node },
  { in: 'src/cli.ts', out: 'dist/cli.js', ...node, banner: { js: '#!/usr/bin/env node' } },
  { in: 'src/core/experiment/worker.ts', out: 'dist/experimentWorker.js', ...node },
  { in: 'src/core/verify/worker.ts', out: 'dist/verifyWorker.js', ...node },
  { in: 'webview/main.ts', out: 'media/preview.js', ...browser },
  { in: 'webview/preview.css', out: 'media/preview.css', ...browser },
  {
    in: 'test/integration/index.ts',
    out: 'out/test/integration/index.js',
    ...node,
    external: ['vscode', 'mocha'],
  },
];

function copyKatexAssets() {
  const dist = path.join(root, 'node_modules/katex/dist');
  mkdirSync(path.join(root, 'media/katex'), { recursive: true });
  cpSync(path.join(dist, 'katex.min.css'), path.join(root, 'media/katex/katex.min.css'));
  cpSync(path.join(dist, 'fonts'), path.join(root, 'media/katex/fonts'), { recursive: true });
}

const contexts = [];
for (const b of bundles) {
  if (!existsSync(path.join(root, b.in))) continue;
  const { in: entry, out, ...rest } = b;
  const options = {
    entryPoints: [path.join(root, entry)],
    outfile: path.join(root, out),
    bundle: true,
    minify: production,
    sourcemap: production ? false : 'linked',
    logLevel: 'warning',
    legalComments: 'none',
    loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file' },
    ...rest,
  };
  if (watch) contexts.push(await esbuild.context(options));
  else await esbuild.build(options);
}
copyKatexAssets();
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching…');
} else {
  console.log(`built ${production ? 'production' : 'development'} bundles`);
}
