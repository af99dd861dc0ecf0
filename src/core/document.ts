// The document facade the extension host and the CLI call: scan the Markdown, collect declarations and
// macros in document order (each holds from where it stands to the end of the file), parse every display
// block into claims, and verify steps on request. Nothing here throws: a failure of one block or one
// declaration becomes a diagnostic or an unverifiable step, never a lost report.
import { extractMacros, parseBlock, parseDeclarations } from './latex/index';
import type { Claim, Declaration, MacroDef, ParseError, UnreadStep } from './latex/types';
import { scanMarkdown } from './markdown/scanner';
import { texPos, type MdBlock, type TexSource } from './markdown/types';
import { SymbolTable } from './symbols/table';
import {
  defaultVerifyOptions,
  type Cancellation,
  type DerivationResult,
  type Diagnostic,
  type StepResult,
  type VerifyOptions,
} from './types';
import { hashString } from './numeric/random';
import { definitionMessage, functionDefinition, usedFunction } from './verify/defines';
import { searchHint } from './verify/hints/index';
import { verifyStep, type StepInput, type StepVerdict } from './verify/step';

export interface DerivationBlock {
  /** 1-based lines of the opening and closing delimiters. */
  line: number;
  endLine: number;
  tex: TexSource;
  claims: Claim[];
  stepCount: number;
  /** line of the heading it sits under, if any */
  section?: number;
  /** The declarations and macros in force at this block. */
  symbols: SymbolTable;
  /** Per claim (aligned with `claims`), when a claim of this block defines a function (`\sigma(x) = …`):
   *  the table each claim is checked under, and the message of each defining claim's first step. */
  scopes?: { symbols: SymbolTable; defines?: string }[];
  /** Names that display math has defined as functions by the end of this block (not since declared). */
  displayFunctions?: ReadonlySet<string>;
  /** The sentence before the block when it asks to solve (`… we then need to solve`): its equations hold
   *  at the solutions only, so a failing sample is no refutation. */
  solveIntro?: string;
}

export interface DocumentAnalysis {
  derivations: DerivationBlock[];
  experiments: Extract<MdBlock, { kind: 'experiment' }>[];
  headings: { line: number; level: number; text: string }[];
  diagnostics: Diagnostic[];
}

/** `\R` → `\mathbb{R}` settings as parser macros (parameters counted from the highest `#k`). */
function settingMacros(macros: Record<string, string> | undefined): Map<string, MacroDef> {
  const out = new Map<string, MacroDef>();
  for (const [name, body] of Object.entries(macros ?? {})) {
    const params = Math.max(0, ...[...body.matchAll(/#([1-9])/g)].map((m) => Number(m[1])));
    out.set(name.replace(/^\\/, ''), { params, body });
  }
  return out;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A parser message without its own `at column N` or `at line L, column N` (relative to the TeX, and
 *  `localize` rewrites the first into the second for multi-line blocks): we give the file position once. */
function bare(msg: string): string {
  return msg.replace(/ at (?:line \d+, )?column \d+/g, '');
}

/** The last sentence of the prose paragraph just above `line` (1-based) if it asks to solve something. */
function solveIntroBefore(lines: readonly string[], line: number): string | undefined {
  let i = line - 2;
  while (i >= 0 && (lines[i] ?? '').trim() === '') i--;
  const paragraph: string[] = [];
  for (; i >= 0; i--) {
    const l = (lines[i] ?? '').trim();
    if (l === '' || l.startsWith('$$') || l.endsWith('$$') || l.startsWith('#') || l.startsWith('```')) break;
    paragraph.unshift(l);
  }
  const sentence = (
    paragraph
      .join(' ')
      .split(/[.!?](?:\s+|$)/)
      .filter((x) => x.trim() !== '')
      .pop() ?? ''
  ).trim();
  // Only a sentence that runs into the block (no full stop after it) introduces the block's equations.
  if (!sentence || /[.!?]\s*$/.test(paragraph.join(' '))) return undefined;
  return /\bsolv(?:e|ing)\b/i.test(sentence) ? sentence : undefined;
}

/** Scan, collect declarations and macros in order, and parse every display block (no sampling). */
export function analyzeDocument(text: string, options: Partial<VerifyOptions> = {}): DocumentAnalysis {
  const analysis: DocumentAnalysis = { derivations: [], experiments: [], headings: [], diagnostics: [] };
  let scan: ReturnType<typeof scanMarkdown>;
  try {
    scan = scanMarkdown(text);
  } catch (e) {
    analysis.diagnostics.push({
      line: 1,
      column: 1,
      severity: 'error',
      message: `could not scan the file: ${message(e)}`,
    });
    return analysis;
  }
  analysis.diagnostics.push(...(scan.diagnostics ?? []));
  let table = SymbolTable.empty.withMacros(settingMacros(options.macros));
  let split: string[] | undefined;
  const lines = (): string[] => (split ??= text.split(/\r?\n/));
  let section: number | undefined;
  // Functions defined in display math so far: a later `name(params) = …` redefines them, while a name the
  // student declared keeps such a step a claim.
  const displayDefined = new Set<string>();

  const declare = (src: TexSource, strict: boolean): void => {
    let result: { declarations: Declaration[]; errors: ParseError[] };
    try {
      table = table.withMacros(extractMacros(src.text));
      result = parseDeclarations(src.text, table, { strict });
    } catch (e) {
      const at = texPos(src, 0);
      analysis.diagnostics.push({
        ...at,
        severity: 'warning',
        message: `could not read declarations: ${message(e)}`,
      });
      return;
    }
    for (const d of result.declarations) {
      table = table.declare(d, texPos(src, d.offset), strict ? 'prose' : 'let');
      for (const n of d.kind === 'function' || d.kind === 'definition' ? [d.name] : d.names)
        displayDefined.delete(n);
    }
    for (const err of result.errors) {
      const at = texPos(src, err.offset);
      analysis.diagnostics.push({
        ...at,
        severity: 'warning',
        message: `declaration not understood: ${bare(err.message)}`,
      });
    }
  };

  for (const block of scan.blocks) {
    switch (block.kind) {
      case 'heading':
        analysis.headings.push({ line: block.line, level: block.level, text: block.text });
        section = block.line;
        break;
      case 'declarations':
        declare(block.body, false);
        break;
      case 'inline':
        declare(block.tex, true);
        break;
      case 'experiment':
        analysis.experiments.push(block);
        break;
      case 'display': {
        const parse = (): Claim[] => {
          try {
            table = table.withMacros(extractMacros(block.tex.text));
            return parseBlock(block.tex.text, table);
          } catch (e) {
            return [
              {
                ok: false,
                error: { message: `internal parser error: ${message(e)}`, offset: 0, code: 'syntax' },
                relations: 1,
              },
            ];
          }
        };
        let claims = parse();
        const blockTable = table;
        if (claims.length === 0) break;
        const solveIntro = solveIntroBefore(lines(), block.line);
        // A claim defining a function changes the meaning of its name for the claims after it: they are
        // read again under the new table (the parser consults what each name is). Under "we need to solve",
        // `g(x) = 0` is an equation for x, not the zero function.
        let scopes: DerivationBlock['scopes'];
        for (let i = 0; solveIntro === undefined && i < claims.length; i++) {
          const decl = functionDefinition(claims[i] as Claim, table, displayDefined);
          if (!decl) {
            scopes?.push({ symbols: table });
            continue;
          }
          scopes ??= claims.slice(0, i).map(() => ({ symbols: blockTable }));
          table = table.declare(decl, texPos(block.tex, decl.offset));
          displayDefined.add(decl.name);
          scopes.push({ symbols: table, defines: definitionMessage(decl) });
          const again = parse();
          if (again.length === claims.length) claims = [...claims.slice(0, i + 1), ...again.slice(i + 1)];
        }
        const stepCount = claims.reduce((n, c) => n + (c.ok ? c.steps.length : Math.max(1, c.relations)), 0);
        analysis.derivations.push({
          line: block.line,
          endLine: block.endLine,
          tex: block.tex,
          claims,
          stepCount,
          ...(section !== undefined ? { section } : {}),
          ...(solveIntro !== undefined ? { solveIntro } : {}),
          symbols: blockTable,
          ...(scopes ? { scopes } : {}),
          ...(displayDefined.size ? { displayFunctions: new Set(displayDefined) } : {}),
        });
        break;
      }
    }
  }
  return analysis;
}

function failedStepMessage(error: ParseError, tex: TexSource): string {
  if (error.code === 'probability') {
    const what =
      /^(.*?) (?:at (?:line \d+, )?column \d+ )?is probability notation/.exec(error.message)?.[1] ??
      'expectation or probability';
    return (
      `uses probability notation (${what}) that Stepwise cannot sample; declare the quantity as a symbol ` +
      `or a function (e.g. <!-- let m = … -->) to check the algebra around it`
    );
  }
  const at = texPos(tex, error.offset);
  const kind = error.code === 'unsupported' ? 'unsupported notation' : 'parse error';
  return `${kind} at line ${at.line}, column ${at.column}: ${bare(error.message)}`;
}

/** The reason first, then which side it is in ("parse error at line 3, column 7: … (right side)"), so the
 *  diagnostic reads "step 2 unverifiable: <reason>" like every other one; both sides when both failed. */
function unreadSidesMessage(step: UnreadStep, tex: TexSource, fallback: ParseError): string {
  const { lhsError: l, rhsError: r } = step;
  if (l && r) {
    const [lm, rm] = [failedStepMessage(l, tex), failedStepMessage(r, tex)];
    return lm === rm ? `${lm} (both sides)` : `left side: ${lm}; right side: ${rm}`;
  }
  if (l) return `${failedStepMessage(l, tex)} (left side)`;
  if (r) return `${failedStepMessage(r, tex)} (right side)`;
  return failedStepMessage(fallback, tex);
}

/** A step reported unverifiable before any sample was drawn. */
function unchecked(
  step: Pick<StepResult, 'index' | 'line' | 'column' | 'relation' | 'lhs' | 'rhs'>,
  message: string,
): StepResult {
  return {
    ...step,
    status: 'unverifiable',
    message,
    samples: 0,
    counterexample: null,
    values: null,
    assumptions: [],
  };
}

/** Sample and judge each step of one block. */
export function verifyDerivation(
  block: DerivationBlock,
  options: VerifyOptions,
  cancel?: Cancellation,
): DerivationResult {
  const opts: VerifyOptions = { ...defaultVerifyOptions, ...options };
  const baseSeed = opts.seed !== undefined ? opts.seed >>> 0 : hashString(block.tex.text);
  const steps: StepResult[] = [];
  for (const [k, claim] of block.claims.entries()) {
    const scope = block.scopes?.[k];
    const symbols = scope?.symbols ?? block.symbols;
    if (!claim.ok) {
      if (claim.steps?.length === claim.relations) {
        // Each step sits at its own relation and names the side it could not read; its error position is that
        // side's error, or its relation when the previous step already points there: one unreadable side
        // shared by two steps of a chain then reads as two facts at two places, not one message repeated.
        let pointed: number | undefined;
        for (const s of claim.steps) {
          const fresh = [s.lhsError, s.rhsError].find((e) => e && e.offset !== pointed);
          pointed = fresh?.offset;
          const relation = s.relationTex.replace(/&/g, '').trim();
          const common = {
            index: steps.length + 1,
            ...texPos(block.tex, s.relationOffset),
            relation,
            lhs: s.lhsTex.trim(),
            rhs: s.rhsTex.trim(),
          };
          const errorAt = texPos(block.tex, fresh?.offset ?? s.relationOffset);
          steps.push({ ...unchecked(common, unreadSidesMessage(s, block.tex, claim.error)), errorAt });
        }
        continue;
      }
      const at = texPos(block.tex, claim.error.offset);
      const msg = failedStepMessage(claim.error, block.tex);
      for (let k = 0; k < Math.max(1, claim.relations); k++) {
        steps.push(unchecked({ index: steps.length + 1, ...at, relation: '', lhs: '', rhs: '' }, msg));
      }
      continue;
    }
    const conditions = claim.conditions ?? [];
    const badCondition = conditions.find((c) => c.error);
    const conditionText = conditions.map((c) => c.text).join(' and ');
    for (const step of claim.steps) {
      const index = steps.length + 1;
      const at = texPos(block.tex, step.relationOffset);
      const relation = step.relationTex.replace(/&/g, '').trim() || step.relation;
      const common = { index, ...at, relation, lhs: step.lhs.tex.trim(), rhs: step.rhs.tex.trim() };
      if (cancel?.isCancellationRequested) {
        steps.push(unchecked(common, 'cancelled'));
        continue;
      }
      if (scope?.defines !== undefined && step === claim.steps[0]) {
        // A definition holds by fiat: there is nothing to sample, and it is never refuted.
        steps.push(unchecked(common, scope.defines));
        continue;
      }
      if (badCondition?.error) {
        // Checking the step without its condition could refute a true claim: say what we could not read.
        const where = texPos(block.tex, badCondition.offset);
        steps.push(
          unchecked(
            common,
            `the condition "${badCondition.tex}" (line ${where.line}, column ${where.column}) cannot be checked: ` +
              bare(badCondition.error.message),
          ),
        );
        continue;
      }
      // Each step seeds from its own text too, so editing one step never changes another's samples.
      const seed = hashString(
        `${index}\u0000${step.lhs.tex}\u0000${step.relation}\u0000${step.rhs.tex}`,
        baseSeed,
      );
      const input: StepInput = {
        relation: step.relation,
        lhs: step.lhs.node,
        rhs: step.rhs.node,
        first: step === claim.steps[0],
        ...(conditions.length
          ? {
              conditions: conditions.flatMap((c) =>
                c.steps.map((s) => ({ relation: s.relation, lhs: s.lhs.node, rhs: s.rhs.node })),
              ),
              conditionText,
            }
          : {}),
      };
      let verdict = verifyStep(input, symbols, opts, seed);
      const shown = block.displayFunctions;
      if (shown) verdict = displayFunctionVerdict(verdict, input, symbols, shown, opts, seed);
      if (verdict.status === 'refuted' && block.solveIntro !== undefined && step.relation === '=') {
        // `… we then need to solve $$ Av = v $$`: an equation for unknowns, true at its solutions only.
        steps.push({
          ...common,
          ...verdict,
          status: 'unverifiable',
          message:
            `an equation to solve, not an identity (the text before says "${block.solveIntro}"); ` +
            `it fails at other values (${verdict.message}), so it is not checked`,
          counterexample: null,
          values: null,
        });
        continue;
      }
      const hint =
        verdict.status === 'refuted' && opts.hints !== false
          ? searchHint(input, common, symbols, opts, seed).hint
          : undefined;
      steps.push({ ...common, ...verdict, ...(hint ? { hint } : {}) });
    }
  }
  return { line: block.line, endLine: block.endLine, steps };
}

/**
 * Two readings of a function defined in display math (`a(w, x) = …`) that a `<!-- let -->` declaration
 * would not get. Texts reuse short names: a later step using `a` as a plain symbol (`xax`) means a number,
 * so it is checked with that name undeclared again. And `f(x, y) \approx` a Taylor expansion holds only
 * near the point of expansion: a failing sample far from it is no refutation of the text.
 */
function displayFunctionVerdict(
  verdict: StepVerdict,
  input: StepInput,
  symbols: SymbolTable,
  names: ReadonlySet<string>,
  opts: VerifyOptions,
  seed: number,
): StepVerdict {
  let table = symbols;
  for (let tries = 0; tries < names.size && verdict.status === 'unverifiable'; tries++) {
    const bare = /^(.+?) is a declared function: apply it/.exec(verdict.message)?.[1];
    if (bare === undefined || !names.has(bare) || table.lookup(bare)?.kind !== 'function') break;
    table = table.without(bare);
    verdict = verifyStep(input, table, opts, seed);
  }
  const used = usedFunction([input.lhs, input.rhs], names, table);
  if (verdict.status !== 'refuted' || input.relation !== '\\approx' || used === undefined) return verdict;
  return {
    ...verdict,
    status: 'unverifiable',
    message:
      `${verdict.message}; ${used} is defined in the text and an approximation of it may hold only near a ` +
      `point (a Taylor expansion), so this is not a refutation`,
    counterexample: null,
    values: null,
  };
}

/** All blocks (or those whose opening line is in `lines`). */
export function verifyDocument(
  text: string,
  options: Partial<VerifyOptions> = {},
  lines?: number[],
  cancel?: Cancellation,
): { analysis: DocumentAnalysis; derivations: DerivationResult[] } {
  const opts: VerifyOptions = { ...defaultVerifyOptions, ...options };
  const analysis = analyzeDocument(text, opts);
  const wanted = lines ? new Set(lines) : undefined;
  const derivations: DerivationResult[] = [];
  for (const block of analysis.derivations) {
    if (wanted && !wanted.has(block.line)) continue;
    derivations.push(verifyDerivation(block, opts, cancel));
  }
  return { analysis, derivations };
}
