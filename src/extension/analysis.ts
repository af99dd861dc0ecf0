// The document's structure (derivations, experiments, headings, problems) for lenses, commands and the
// Problems panel. It is read in the core worker (see verifyService.ts), so the extension host's main
// thread never loads the parser or mathjs; outlines are cached per document version.
import type * as vscode from 'vscode';
import type { Diagnostic, VerifyOptions } from '../core';
import type { OutlineData } from '../protocol/verifyWorker';

export interface DerivationBlock {
  /** 1-based lines of the opening and closing delimiters. */
  line: number;
  endLine: number;
  stepCount: number;
  /** Steps whose both sides were read: 0 when nothing in the block can be checked. */
  readable: number;
}

export type ExperimentBlock = OutlineData['experiments'][number];

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

export const emptyOutline: Outline = { derivations: [], experiments: [], headings: [], diagnostics: [] };

/** Adds sections to the worker's data: a heading owns the derivations up to the next heading of its level or above. */
export function toOutline(data: OutlineData): Outline {
  const derivations = data.derivations.filter((d) => d.stepCount > 0);
  const headings = [...data.headings].sort((x, y) => x.line - y.line);
  return {
    derivations,
    experiments: data.experiments,
    headings: headings.map((h, i) => {
      const next = headings.slice(i + 1).find((o) => o.level <= h.level);
      const end = next ? next.line : Infinity;
      return {
        ...h,
        derivations: derivations.filter((d) => d.line > h.line && d.line < end).map((d) => d.line),
      };
    }),
    diagnostics: data.diagnostics,
  };
}

type Reader = (text: string, options: VerifyOptions) => Promise<OutlineData>;

/** Outlines by document, read once per version. */
export class OutlineCache {
  /** Whether the worker has answered once (until then it may still be loading the parser and mathjs). */
  warm = false;
  private readonly cache = new Map<
    string,
    { version: number; options: VerifyOptions; outline: Promise<Outline> }
  >();

  constructor(
    private readonly read: Reader,
    private readonly log: (line: string) => void,
    /** Called with each freshly read outline (the extension warms the verification worker from it). */
    private readonly onOutline?: (o: Outline) => void,
  ) {}

  get(doc: vscode.TextDocument, options: VerifyOptions): Promise<Outline> {
    const key = doc.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === doc.version && hit.options === options) return hit.outline;
    const outline = this.read(doc.getText(), options).then(
      (data) => {
        this.warm = true;
        const o = toOutline(data);
        this.onOutline?.(o);
        return o;
      },
      (e: unknown) => {
        this.log(`could not read ${doc.uri.toString(true)}: ${e instanceof Error ? e.message : String(e)}`);
        if (this.cache.get(key)?.outline === outline) this.cache.delete(key);
        return emptyOutline;
      },
    );
    this.cache.set(key, { version: doc.version, options, outline });
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
