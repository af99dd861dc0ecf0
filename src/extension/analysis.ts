// The document's structure (derivations, experiments, headings) for lenses and commands. The core facade
// is loaded on first use, not at activation, so `activate()` stays fast; results are cached per version.
import type * as vscode from 'vscode';
import type { Diagnostic, VerifyOptions } from '../core/types';

export interface DerivationBlock {
  /** 1-based lines of the opening and closing delimiters. */
  line: number;
  endLine: number;
  stepCount: number;
}

export interface ExperimentBlock {
  line: number;
  endLine: number;
  title?: string;
  /** The facade's own block object, handed back to the experiment runner as is. */
  raw: unknown;
}

export interface HeadingBlock {
  line: number;
  level: number;
  text: string;
  /** The lines of the derivations in this heading's section (up to the next heading of its level or above). */
  derivations: number[];
}

export interface Outline {
  derivations: DerivationBlock[];
  experiments: ExperimentBlock[];
  headings: HeadingBlock[];
  diagnostics: Diagnostic[];
}

/** The part of the core facade the host uses; required lazily. */
interface Facade {
  analyzeDocument(
    text: string,
    options: VerifyOptions,
  ): {
    derivations: { line: number; endLine: number; stepCount: number }[];
    experiments: { line: number; endLine: number; title?: string }[];
    headings: { line: number; level: number; text: string }[];
    diagnostics: Diagnostic[];
  };
}

let facade: Facade | undefined;
function core(): Facade {
  if (facade) return facade;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    facade = require('../core/document') as Facade;
  } catch (e) {
    // Only a tree without the core facade gets here (esbuild leaves a failed `require` in a `try`).
    throw new Error(`the Stepwise core is not built in: ${e instanceof Error ? e.message : String(e)}`);
  }
  return facade;
}

/** Builds the outline from the facade's analysis; sections are computed here from heading levels. */
export function outlineOf(text: string, options: VerifyOptions): Outline {
  const a = core().analyzeDocument(text, options);
  const derivations = a.derivations
    .filter((d) => d.stepCount > 0)
    .map((d) => ({ line: d.line, endLine: d.endLine, stepCount: d.stepCount }));
  const headings = [...a.headings].sort((x, y) => x.line - y.line);
  const withSections: HeadingBlock[] = headings.map((h, i) => {
    const next = headings.slice(i + 1).find((o) => o.level <= h.level);
    const end = next ? next.line : Infinity;
    return {
      line: h.line,
      level: h.level,
      text: h.text,
      derivations: derivations.filter((d) => d.line > h.line && d.line < end).map((d) => d.line),
    };
  });
  return {
    derivations,
    experiments: a.experiments.map((e) => ({ line: e.line, endLine: e.endLine, raw: e, ...(e.title ? { title: e.title } : {}) })),
    headings: withSections,
    diagnostics: a.diagnostics,
  };
}

/** Outlines by document, recomputed only when the version changes. */
export class OutlineCache {
  private readonly cache = new Map<string, { version: number; outline: Outline }>();

  get(doc: vscode.TextDocument, options: VerifyOptions): Outline {
    const key = doc.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === doc.version) return hit.outline;
    const outline = outlineOf(doc.getText(), options);
    this.cache.set(key, { version: doc.version, outline });
    return outline;
  }

  forget(doc: vscode.TextDocument): void {
    this.cache.delete(doc.uri.toString());
  }

  clear(): void {
    this.cache.clear();
  }
}

/** The derivation whose block holds a 1-based line, or whose opening line it is. */
export function derivationAt(o: Outline, line: number): DerivationBlock | undefined {
  return o.derivations.find((d) => d.line <= line && line <= d.endLine);
}

export function experimentAt(o: Outline, line: number): ExperimentBlock | undefined {
  return o.experiments.find((e) => e.line <= line && line <= e.endLine);
}

/** The innermost heading at or above a 1-based line. */
export function headingAt(o: Outline, line: number): HeadingBlock | undefined {
  let found: HeadingBlock | undefined;
  for (const h of o.headings) if (h.line <= line) found = h;
  return found;
}
