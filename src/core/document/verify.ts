// Verification of the analysed blocks: sample and judge each step, in document order.
import { inputLimits, limitReached } from '../limits';
import { texPos } from '../markdown/types';
import { hashString } from '../numeric/random';
import {
  defaultVerifyOptions,
  type Cancellation,
  type DerivationResult,
  type StepResult,
  type VerifyOptions,
} from '../types';
import { searchHint } from '../verify/hints/index';
import { because, verifyStep, type StepInput } from '../verify/step';
import { analyzeDocument, type DerivationBlock, type DocumentAnalysis } from './analysis';
import { unchecked, unreadError, unreadSides } from './messages';
import { displayFunctionVerdict } from './reverify';
import { setsToZero } from './setToZero';
import { informationGuard, judgedBy } from '../verify/randomVerdicts';
import { asFunctionProperty } from '../prose/properties';
import { asymptoticVerdict, conventionsFor, proseVerdict } from '../prose/verdict';

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
          steps.push({ ...unchecked(common, unreadSides(s, block.tex, claim.error)), errorAt });
        }
        continue;
      }
      const at = texPos(block.tex, claim.error.offset);
      const why = { why: 'unread', error: unreadError(claim.error, block.tex) } as const;
      for (let k = 0; k < Math.max(1, claim.relations); k++) {
        steps.push(unchecked({ index: steps.length + 1, ...at, relation: '', lhs: '', rhs: '' }, why));
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
      const common = {
        index,
        ...at,
        relation,
        meaning: step.relation,
        lhs: step.lhs.tex.trim(),
        rhs: step.rhs.tex.trim(),
      };
      if (cancel?.isCancellationRequested) {
        steps.push(unchecked(common, { why: 'cancelled' }));
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
        const { detail } = unreadError(badCondition.error, block.tex);
        steps.push(unchecked(common, { why: 'condition', tex: badCondition.tex, at: where, detail }));
        continue;
      }
      // Each step seeds from its own text too, so editing one step never changes another's samples.
      const seed = hashString(
        `${index}\u0000${step.lhs.tex}\u0000${step.relation}\u0000${step.rhs.tex}`,
        baseSeed,
      );
      const input: StepInput = asFunctionProperty(
        {
          relation: step.relation,
          lhs: step.lhs.node,
          rhs: step.rhs.node,
          first: step === claim.steps[0],
          ...(block.prose?.cues.has('small-variables') ? { smallVariables: true } : {}),
          ...(block.valueNames ? { valueNames: block.valueNames } : {}),
          ...(conditions.length
            ? {
                conditions: conditions.flatMap((c) =>
                  c.steps.map((s) => ({ relation: s.relation, lhs: s.lhs.node, rhs: s.rhs.node })),
                ),
                conditionText,
              }
            : {}),
        },
        symbols,
      );
      const conventions = conventionsFor([input.lhs, input.rhs], symbols, block.prose);
      let verdict = verifyStep(input, conventions.table, opts, seed);
      const shown = block.displayFunctions;
      if (shown) verdict = displayFunctionVerdict(verdict, input, conventions.table, shown, opts, seed);
      verdict = asymptoticVerdict(verdict, step.relation, conventions.counts, conventions.table, (t) =>
        verifyStep(input, t, opts, seed),
      );
      verdict = informationGuard(judgedBy(verdict), [input.lhs, input.rhs], block.relatesVariables === true);
      verdict = proseVerdict(verdict, block.prose, { ...input, blockFirst: index === 1 }, conventions.notes);
      if (verdict.status === 'refuted' && block.solveIntro !== undefined && step.relation === '=') {
        // `… we then need to solve $$ Av = v $$`: an equation for unknowns, true at its solutions only.
        steps.push({
          ...common,
          ...verdict,
          status: 'unverifiable',
          ...because({ why: 'solve', intro: block.solveIntro, refutation: verdict.message }),
          counterexample: null,
          values: null,
        });
        continue;
      }
      // Failing with its variable on one side only (`0 = \frac{d}{d\theta} P(X \mid \theta)`, θ undeclared)
      // it is the same equation.
      const oneSided = verdict.status === 'unverifiable' && verdict.reason === 'one-sided-symbol';
      if ((verdict.status === 'refuted' || oneSided) && setsToZero(claim, step)) {
        steps.push({
          ...common,
          ...verdict,
          status: 'unverifiable',
          ...because({ why: 'set-to-zero', ...(oneSided ? {} : { refutation: verdict.message }) }),
          counterexample: null,
          values: null,
        });
        continue;
      }
      const hint =
        verdict.status === 'refuted' && opts.hints !== false
          ? searchHint(input, common, conventions.table, opts, seed).hint
          : undefined;
      steps.push({ ...common, ...verdict, ...(hint ? { hint } : {}) });
    }
  }
  return { line: block.line, endLine: block.endLine, steps };
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
  let steps = 0;
  for (const block of analysis.derivations) {
    if (wanted && !wanted.has(block.line)) continue;
    if (steps + block.stepCount > inputLimits.steps) {
      analysis.diagnostics.push(limitReached('steps', block.line));
      break;
    }
    steps += block.stepCount;
    derivations.push(verifyDerivation(block, opts, cancel));
  }
  return { analysis, derivations };
}
