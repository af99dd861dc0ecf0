import assert from 'node:assert/strict';
import path from 'node:path';
import * as esbuild from 'esbuild';

// The extension host's bundle loads everything statically imported before `activate()` runs. The preview
// registers inside activate(), so its module must not pull the renderer (KaTeX, markdown-it, src/render)
// in statically: only the export command's dynamic import may reach it.
const root = path.resolve(__dirname, '../../..');

async function importGraph(entry: string): Promise<esbuild.Metafile> {
  const out = await esbuild.build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    mainFields: ['module', 'main'],
    logLevel: 'silent',
    loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file' },
    outdir: path.join(root, 'out/unused'),
  });
  return out.metafile;
}

/** Inputs reachable from `from` through static imports and requires, not through `import()`. */
function eagerlyLoaded(meta: esbuild.Metafile, from: string): Set<string> {
  const seen = new Set<string>();
  const todo = [from];
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imp of meta.inputs[file]?.imports ?? []) {
      if (imp.kind === 'dynamic-import' || imp.external) continue;
      todo.push(imp.path);
    }
  }
  return seen;
}

describe('extension bundle', () => {
  it('loads the preview controller with activate() and the renderer only through the export', async function () {
    this.timeout(20_000); // one esbuild pass over the extension (well under a second here)
    const meta = await importGraph('src/extension/extension.ts');
    const eager = eagerlyLoaded(meta, 'src/extension/extension.ts');
    assert.ok(eager.has('src/extension/preview/index.ts'), 'the preview is registered by activate()');
    assert.ok(eager.has('src/extension/preview/manager.ts'));
    const all = Object.keys(meta.inputs);
    const heavy = (f: string) => f.startsWith('src/render/') || /node_modules\/(katex|markdown-it)\//.test(f);
    // The renderer is in the bundle (the export needs it)…
    assert.ok(all.includes('src/render/document.ts'));
    assert.ok(all.some((f) => /node_modules\/katex\//.test(f)));
    // …but nothing loaded at startup reaches it.
    assert.deepEqual([...eager].filter(heavy), []);
    // Verification runs in a worker: the host's thread never loads mathjs (formatting results included).
    assert.deepEqual(
      [...eager].filter((f) => /node_modules\/mathjs\//.test(f)),
      [],
    );
  });
});
