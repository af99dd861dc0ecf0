// KaTeX with a cache and document-wide macros. Macros defined by `\newcommand`/`\def` in one formula hold for
// the rest of the document (one shared `macros` object, `globalGroup`), so a formula's output depends on the
// definitions before it: the cache key includes a fingerprint of those definitions, and formulas that define
// macros are always rendered (they are few) so the shared object is rebuilt on every pass.
import katex from 'katex';
import { hashString } from '../core';
import { markClass } from './steps';

export type MathOutput =
  { ok: true; html: string } | { ok: false; message: string; offset: number | undefined };

const definesMacros =
  /\\(?:newcommand|renewcommand|providecommand|def|gdef|edef|xdef|let|global)(?![A-Za-z])/;

interface MacroContext {
  consumeArg(): { tokens: { text: string }[] };
  expandNextToken(): { text: string };
  macros: { set(name: string, value: unknown): void };
}

/** `\newcommand` that may redefine: KaTeX predefines `\R`, `\N`, … and students define them again. */
function lenientNewcommand(context: MacroContext): string {
  let arg = context.consumeArg().tokens;
  const name = arg.length === 1 ? arg[0]?.text : undefined;
  if (name === undefined) throw new katex.ParseError("\\newcommand's first argument must be a macro name");
  let numArgs = 0;
  arg = context.consumeArg().tokens;
  if (arg.length === 1 && arg[0]?.text === '[') {
    let text = '';
    for (let t = context.expandNextToken(); t.text !== ']' && t.text !== 'EOF'; t = context.expandNextToken())
      text += t.text;
    if (!/^\s*[0-9]+\s*$/.test(text)) throw new katex.ParseError('Invalid number of arguments: ' + text);
    numArgs = parseInt(text, 10);
    arg = context.consumeArg().tokens;
  }
  context.macros.set(name, { tokens: arg, numArgs });
  return '';
}

/**
 * Trust is decided on what KaTeX is about to build, after every macro has expanded: `\htmlClass` only with
 * a mark nonce issued for this formula, `\href` only to an equation anchor; `\htmlId`, `\htmlStyle`,
 * `\htmlData`, `\url` and `\includegraphics` never. So no definition in the document can make a mark.
 */
function trustFor(
  nonces: ReadonlySet<string>,
): (ctx: { command: string; url?: string; class?: string }) => boolean {
  return (ctx) => {
    if (ctx.command === '\\htmlClass') {
      const n = markClass.exec(ctx.class ?? '')?.[1];
      return n !== undefined && nonces.has(n);
    }
    return ctx.command === '\\href' && typeof ctx.url === 'string' && /^#sw-eq-[\w-]*$/.test(ctx.url);
  };
}

/** Normalises a `stepwise.macros` setting: names get their backslash, values must be strings. */
export function normalizeMacros(input: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(input)) {
    if (typeof value !== 'string' || !/^\\?[A-Za-z]+$/.test(name)) continue;
    out[name.startsWith('\\') ? name : '\\' + name] = value;
  }
  return out;
}

export class MathRenderer {
  private cache = new Map<string, MathOutput>();
  private used = new Set<string>();
  private macros: Record<string, unknown> = {};
  private fingerprint = 0;
  /** KaTeX calls during the current pass (the rest came from the cache); for tests and the benchmark. */
  rendered = 0;

  /** Starts a document pass: macros back to the settings, nothing defined by the document yet. */
  begin(settings: Record<string, string>): void {
    this.macros = { ...settings, '\\newcommand': lenientNewcommand };
    this.fingerprint = hashString(JSON.stringify(settings));
    this.used.clear();
    this.rendered = 0;
  }

  /** Renders one formula, from the cache when the same TeX met the same macros before. `nonces` are the
   *  mark nonces our wrapping put in `tex` (see steps.ts): the only `\htmlClass` KaTeX may trust. */
  render(tex: string, display: boolean, nonces: ReadonlySet<string> = new Set()): MathOutput {
    const defines = definesMacros.test(tex);
    const key = `${display ? 'D' : 'I'}${this.fingerprint}\u0000${[...nonces].join(' ')}\u0000${tex}`;
    let out = defines ? undefined : this.cache.get(key);
    if (!out) {
      out = this.katex(tex, display, nonces);
      this.rendered++;
      this.cache.set(key, out);
    }
    this.used.add(key);
    if (defines) this.fingerprint = hashString(tex, this.fingerprint);
    return out;
  }

  /** Ends a pass: forgets what this document no longer uses, so the cache stays the size of the document. */
  end(): void {
    for (const key of this.cache.keys()) if (!this.used.has(key)) this.cache.delete(key);
  }

  private katex(tex: string, display: boolean, nonces: ReadonlySet<string>): MathOutput {
    try {
      const html = katex.renderToString(tex, {
        displayMode: display,
        throwOnError: true,
        macros: this.macros as katex.KatexOptions['macros'],
        globalGroup: true,
        trust: trustFor(nonces),
        strict: 'ignore',
        output: 'htmlAndMathml',
      });
      return { ok: true, html };
    } catch (e) {
      const err = e as { rawMessage?: string; message?: string; position?: number };
      return { ok: false, message: err.rawMessage ?? err.message ?? String(e), offset: err.position };
    }
  }
}
