// Analysis of a document: scan the Markdown, collect declarations and macros in document order (each holds
// from where it stands to the end of the file), and parse every display block into claims. No sampling
// here, and nothing throws: a failure of one block or declaration becomes a diagnostic or an unread claim.
import { extractMacros, parseBlock, parseDeclarations } from '../latex/index';
import type { Claim, Declaration, MacroDef, ParseError } from '../latex/types';
import { scanMarkdown } from '../markdown/scanner';
import { texPos, type MdBlock, type TexSource } from '../markdown/types';
import { SymbolTable, type RandomLaw, type SymbolEntry } from '../symbols/table';
import type { Diagnostic, VerifyOptions } from '../types';
import { functionDefinition } from '../verify/defines';
import type { Why } from '../verify/reasons';
import { message } from './messages';
import { independenceBefore, relationBefore, solveIntroBefore } from './prose';
import {
  assignmentOf,
  assignmentWhy,
  continuesExample,
  inlineAssignmentOf,
  type Assignment,
} from '../prose/assignments';
import { restatedDefinition, restatedWhy } from '../prose/restated';
import { randomDefinitionOf, sentenceEnded } from '../prose/randomDefinition';
import { likelihoodDefinition, likelihoodWhy } from '../probability/likelihood';
import { letTraits, proseTraits } from './traits';
import { unreadDefinitions } from '../prose/unreadable';
import { domainInWords } from '../prose/words';
import { finiteLawInWords } from '../prose/finiteLaw';
import { valueNamesInWords, type ValueNames } from '../prose/valueNames';
import { densityBefore, densityDefinition } from './densityIntro';
import { documentProse, readBlock, readInline, type DocumentProse, type ProseReading } from '../prose/read';
import { fileTooLarge, inputLimits, limitReached } from '../limits';

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
   *  the table each claim is checked under, and the function each defining claim's first step defines. */
  scopes?: { symbols: SymbolTable; defines?: Why }[];
  /** Names that display math has defined as functions by the end of this block (not since declared). */
  displayFunctions?: ReadonlySet<string>;
  /** The sentence before the block when it asks to solve (`… we then need to solve`): its equations hold
   *  at the solutions only, so a failing sample is no refutation. */
  solveIntro?: string;
  /** What the prose says about the block (its introducing sentence's cues, conventions, sequences). */
  prose?: ProseReading;
  /** The prose puts a condition on the block's random variables ("if X is a function of Y"). */
  relatesVariables?: boolean;
  /** Names the prose of the section gives the values of random variables and their probabilities. */
  valueNames?: readonly ValueNames[];
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

/** Scan, collect declarations and macros in order, and parse every display block (no sampling). */
export function analyzeDocument(text: string, options: Partial<VerifyOptions> = {}): DocumentAnalysis {
  const analysis: DocumentAnalysis = { derivations: [], experiments: [], headings: [], diagnostics: [] };
  const tooLarge = fileTooLarge(text);
  if (tooLarge) {
    analysis.diagnostics.push(tooLarge);
    return analysis;
  }
  let displayBlocks = 0;
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
  let prose: DocumentProse | undefined;
  let section: number | undefined;
  // Functions defined in display math so far: a later `name(params) = …` redefines them, while a name the
  // student declared keeps such a step a claim.
  const displayDefined = new Set<string>();
  // Symbols set to a number in display math (a worked example), with what they meant before.
  const assigned = new Map<string, SymbolEntry | undefined>();
  // Symbols defined by restating them in a derivative (`∂y/∂x = ∂/∂x(…)`): a later restatement replaces it.
  const restatedNames = new Set<string>();
  // Laws a worked example states in words ("$X$ … takes the value $a-2$ with probability $p$, …"), with
  // what their symbols meant before: like the example's values, they end with its section.
  const exampleLaws = new Map<string, { entry: SymbolEntry | undefined; law: RandomLaw | undefined }>();
  // "X takes the values $x_i$ with probabilities $p_i$": for the rest of the section, by variable.
  const valueNames = new Map<string, ValueNames>();
  // Symbols display math set out to define with math that could not be read.
  const unreadable = new Set<string>();

  /** `domainsOnly`: a hypothesis in display math constrains its symbols (`x > 0`) and defines nothing. */
  const declare = (src: TexSource, strict: boolean, domainsOnly = false): void => {
    let result: { declarations: Declaration[]; errors: ParseError[] };
    try {
      table = table.withMacros(extractMacros(src.text, table.macros));
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
    if (domainsOnly)
      result = { declarations: result.declarations.filter((d) => d.kind === 'domain'), errors: [] };
    for (const d of result.declarations) {
      for (const n of d.kind === 'function' || d.kind === 'definition' ? [d.name] : d.names)
        unreadable.delete(n);
      table = table.declare(d, texPos(src, d.offset), strict ? 'prose' : 'let');
      for (const n of d.kind === 'function' || d.kind === 'definition' ? [d.name] : d.names) {
        displayDefined.delete(n);
        restatedNames.delete(n);
      }
    }
    for (const err of result.errors) {
      const at = texPos(src, err.offset);
      analysis.diagnostics.push({
        ...at,
        severity: 'warning',
        message: `declaration not understood: ${err.message}`,
      });
    }
  };

  /** The value an inline formula sets in a worked example (`$r_1 = 0.3$`), or the random variable it
   *  defines (`$Y=aX+b$`, `random`), if any. */
  const inlineAssignment = (
    text: string,
    before: string,
  ): { set: Assignment; random?: boolean } | undefined => {
    try {
      const [claim, ...more] = parseBlock(text, { kindOf: table.kindOf, macros: table.macros });
      if (!claim || more.length) return undefined;
      const set = inlineAssignmentOf(claim, before);
      if (set) return { set };
      const defined = randomDefinitionOf(claim, before, table);
      return defined ? { set: defined, random: true } : undefined;
    } catch {
      return undefined;
    }
  };
  // Random variables the prose defines for the displays of its sentence (prose/randomDefinition.ts): the
  // line of the sentence, the entry it replaced, and its own entry.
  const sentenceDefined = new Map<
    string,
    { line: number; before: SymbolEntry | undefined; own: SymbolEntry | undefined }
  >();

  /** The prose of the paragraph before an inline formula at `at` (its line and the one above). */
  const proseBefore = (all: readonly string[], at: { line: number; column: number }): string =>
    `${all[at.line - 2] ?? ''} ${(all[at.line - 1] ?? '').slice(0, Math.max(0, at.column - 2))}`;

  for (const block of scan.blocks) {
    switch (block.kind) {
      case 'heading':
        analysis.headings.push({ line: block.line, level: block.level, text: block.text });
        // A worked example's values end with its section, unless the next one says it continues it.
        if (!continuesExample(lines(), block.line)) {
          for (const [name, entry] of assigned) table = table.restore(name, entry);
          assigned.clear();
          for (const [name, { entry, law }] of exampleLaws)
            table = table.restore(name, entry).restoreLaw(name, law);
          exampleLaws.clear();
          valueNames.clear();
        }
        section = block.line;
        break;
      case 'declarations': {
        const { traits, rest } = letTraits(block.body.text);
        for (const [name, trait] of traits)
          table = table.withTraits(name, { traits: [trait], source: 'let' });
        declare({ ...block.body, text: rest }, false);
        break;
      }
      case 'inline': {
        const at = texPos(block.tex, 0);
        for (const [name, trait] of proseTraits(lines()[at.line - 1] ?? '', block.tex.text, at.column - 1))
          table = table.withTraits(name, { traits: [trait], source: 'prose' });
        // Declarations are read from the math as the prose means it (`[x, y]^\top` a column).
        const tex = readInline(block.tex);
        declare(tex, true);
        const found = inlineAssignment(tex.text, proseBefore(lines(), at));
        if (found?.random) {
          const before = table.lookup(found.set.name);
          table = table.declare(found.set, texPos(tex, found.set.offset));
          sentenceDefined.set(found.set.name, { line: at.line, before, own: table.lookup(found.set.name) });
        } else if (found) {
          const set = found.set;
          if (!assigned.has(set.name)) assigned.set(set.name, table.lookup(set.name));
          table = table.declare(set, texPos(tex, set.offset));
        }
        const worded = domainInWords(lines(), block.tex);
        if (worded) declare(worded, true);
        const named = valueNamesInWords(lines(), block.tex);
        if (named) valueNames.set(named.variable, named);
        const law = finiteLawInWords(lines(), block.tex);
        if (law) {
          const name = block.tex.text.trim();
          if (!exampleLaws.has(name))
            exampleLaws.set(name, { entry: table.lookup(name), law: table.lawOf(name) });
          declare(law, true);
        }
        break;
      }
      case 'experiment':
        analysis.experiments.push(block);
        break;
      case 'display': {
        if (++displayBlocks > inputLimits.blocks) {
          if (displayBlocks === inputLimits.blocks + 1)
            analysis.diagnostics.push(limitReached('blocks', block.line));
          break;
        }
        for (const [name, d] of sentenceDefined)
          if (sentenceEnded(lines(), d.line, block.line)) {
            // Unless declared again since, the name means what it meant before the sentence.
            if (table.lookup(name) === d.own) table = table.restore(name, d.before);
            sentenceDefined.delete(name);
          }
        // The TeX as the prose says to read it (`\log_{2}`, `V^{(k+1)}`); file positions are kept.
        const read = readBlock((prose ??= documentProse(lines())), block.line, block.tex);
        const tex = read.tex;
        // A macro defined in the block holds from where it stands (as in KaTeX): the block is read with the
        // macros in force before it, and the table carries those in force after it.
        const macrosBefore = table.macros;
        const parse = (): Claim[] => {
          try {
            table = table.withMacros(extractMacros(tex.text, macrosBefore));
            return parseBlock(tex.text, { kindOf: table.kindOf, macros: macrosBefore });
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
        // "If X and Y are independent" just above: the block's random variables with no law are independent.
        const blockTable = independenceBefore(lines(), block.line)
          ? table.declare({ kind: 'independent', names: ['*'], offset: 0 })
          : table;
        if (claims.length === 0) break;
        const solveIntro = solveIntroBefore(lines(), block.line);
        // A claim defining a function changes the meaning of its name for the claims after it: they are
        // read again under the new table (the parser consults what each name is). Under "we need to solve",
        // `g(x) = 0` is an equation for x, not the zero function.
        let scopes: DerivationBlock['scopes'];
        // "the random variable with density": `p(x) = …` defines p and gives X that density (densityIntro.ts).
        const density = densityBefore(lines(), block.line);
        for (let i = 0; solveIntro === undefined && i < claims.length; i++) {
          const given = density && i === 0 ? densityDefinition(claims[i] as Claim, table) : undefined;
          const decl =
            given?.decl ??
            functionDefinition(claims[i] as Claim, table, displayDefined) ??
            likelihoodDefinition(claims[i] as Claim, table, displayDefined);
          const assignment = decl ? undefined : assignmentOf(claims[i] as Claim);
          const restated =
            decl || assignment ? undefined : restatedDefinition(claims[i] as Claim, table, restatedNames);
          if (!decl && !assignment && !restated) {
            scopes?.push({ symbols: table });
            continue;
          }
          scopes ??= claims.slice(0, i).map(() => ({ symbols: blockTable }));
          if (restated) {
            // Like a function defined in display math, it holds for the rest of the document.
            unreadable.delete(restated.name);
            table = table.declare(restated, texPos(tex, restated.offset));
            restatedNames.add(restated.name);
            scopes.push({ symbols: table, defines: restatedWhy(restated) });
          } else if (assignment) {
            if (!assigned.has(assignment.name)) assigned.set(assignment.name, table.lookup(assignment.name));
            unreadable.delete(assignment.name);
            table = table.declare(assignment, texPos(tex, assignment.offset));
            scopes.push({ symbols: table, defines: assignmentWhy(assignment) });
          } else if (decl) {
            table = table.declare(decl, texPos(tex, decl.offset));
            // Like a finite law stated in words, the density holds for the rest of the section.
            const law = given?.law;
            if (law?.kind === 'random') {
              for (const n of law.names)
                if (!exampleLaws.has(n)) exampleLaws.set(n, { entry: table.lookup(n), law: table.lawOf(n) });
              table = table.declare(law, texPos(tex, law.offset));
            }
            displayDefined.add(decl.name);
            scopes.push({
              symbols: table,
              defines: likelihoodWhy(decl) ?? { why: 'defines', name: decl.name, params: decl.params },
            });
          }
          const again = parse();
          if (again.length === claims.length) claims = [...claims.slice(0, i + 1), ...again.slice(i + 1)];
        }
        if (read.reading.cues.has('hypothesis')) declare(tex, true, true);
        for (const n of unreadDefinitions(claims, table)) unreadable.add(n);
        const stepCount = claims.reduce((n, c) => n + (c.ok ? c.steps.length : Math.max(1, c.relations)), 0);
        analysis.derivations.push({
          line: block.line,
          endLine: block.endLine,
          tex,
          claims,
          stepCount,
          ...(section !== undefined ? { section } : {}),
          ...(solveIntro !== undefined ? { solveIntro } : {}),
          ...(relationBefore(lines(), block.line) ? { relatesVariables: true } : {}),
          ...(valueNames.size ? { valueNames: [...valueNames.values()] } : {}),
          symbols: blockTable,
          ...(scopes ? { scopes } : {}),
          ...(displayDefined.size ? { displayFunctions: new Set(displayDefined) } : {}),
          prose: unreadable.size ? { ...read.reading, unreadable: new Set(unreadable) } : read.reading,
        });
        break;
      }
    }
  }
  return analysis;
}
