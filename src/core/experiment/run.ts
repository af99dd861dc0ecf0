// Runs one experiment block in the current thread: statement by statement, so every value, check and
// error carries its line. The worker calls this; so do tests. Untrusted code belongs in
// `runExperimentIsolated`, which adds the hard time and memory limits this thread cannot enforce.
import type { ExperimentBlock } from '../../protocol/experimentWorker';
import type { Cancellation, ExperimentResult } from '../types';
import type { MathNode } from 'mathjs';
import { type RunContext, StopError, pushOutput, timeLimitMessage, truncationNotes } from './context';
import { formatValue } from './format';
import { createLanguage } from './language';
import { MAX_MESSAGE, MAX_SOURCE, capText } from './limits';
import { Rng, hashString } from '../numeric/random';
import { splitStatements, positionOf } from './statements';
import { ExperimentError, isTensor, setMemoryLimit } from './tensor';

export type { ExperimentBlock };

export interface RunOptions {
  /** Fixed seed; by default the block seeds from its own text. */
  seed?: number;
  /** Memory budget: one value may take half of it, the block's variables together all of it. */
  memoryMb?: number;
  /** Loops inside the library stop after this long (the worker's timer is the hard limit). */
  timeoutMs?: number;
  cancel?: Cancellation;
}

const MB = 1024 * 1024;

/** Runs a block in this thread and reports passed / failed / error with lines in the file. */
export function runExperiment(input: ExperimentBlock, opts: RunOptions = {}): ExperimentResult {
  const started = performance.now();
  // Windows line ends: mathjs reads `\r` as an unexpected character inside brackets.
  const block = { ...input, code: input.code.replace(/\r\n?/g, '\n') };
  const memoryMb = opts.memoryMb ?? 256;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const ctx: RunContext = {
    rng: new Rng(opts.seed ?? hashString(block.code)),
    line: block.codeLine,
    outputs: [],
    checks: [],
    deadline: started + timeoutMs,
    timeoutMs,
  };
  if (opts.cancel) ctx.cancel = opts.cancel;
  const base: ExperimentResult = {
    line: block.line,
    endLine: block.endLine,
    status: 'passed',
    message: '',
    checks: ctx.checks,
    outputs: ctx.outputs,
  };
  if (block.title !== undefined) base.title = block.title;
  const fail = (message: string, blockLine: number, column?: number): ExperimentResult => {
    const fileLine = block.codeLine + blockLine - 1;
    const r: ExperimentResult = {
      ...base,
      status: 'error',
      message: capText(`line ${fileLine}: ${message}`, MAX_MESSAGE),
      errorLine: fileLine,
      errorBlockLine: blockLine,
    };
    if (column !== undefined) r.errorColumn = column;
    const notes = truncationNotes(ctx);
    if (notes.length > 0) r.notes = notes;
    r.durationMs = performance.now() - started;
    return r;
  };

  const lang = createLanguage(ctx);
  const scope = new Map<string, unknown>();
  setMemoryLimit(memoryMb, () => bytesHeld(scope));
  // The first run in a process also builds the mathjs instance, and starting the memory budget may
  // collect an earlier run's garbage: neither is the block's time.
  ctx.deadline = performance.now() + timeoutMs;
  try {
    for (const st of splitStatements(block.code)) {
      const blockLine = st.line + 1;
      ctx.line = block.codeLine + st.line;
      ctx.source = st.text;
      let node;
      try {
        node = lang.parse(st.text);
      } catch (e) {
        const char = (e as { char?: number }).char;
        const pos =
          typeof char === 'number' ? positionOf(block.code, st.offset + Math.max(0, char - 1)) : undefined;
        const msg = errorText(e).replace(/ \(char \d+\)$/, '');
        return fail(`syntax error: ${msg}`, pos ? pos.line + 1 : blockLine, pos?.column);
      }
      let value: unknown;
      try {
        if (opts.cancel?.isCancellationRequested) throw new StopError('cancelled');
        if (performance.now() > ctx.deadline) throw new StopError(timeLimitMessage(timeoutMs));
        value = lang.evaluate(node, scope);
        const held = bytesHeld(scope);
        if (held > memoryMb * MB) {
          throw new ExperimentError(
            `ran out of memory (limit ${memoryMb} MB): the block's variables take ${Math.ceil(held / MB)} MB`,
          );
        }
      } catch (e) {
        if (e instanceof StopError) return fail(e.message, blockLine);
        return fail(errorText(e), blockLine, st.column);
      }
      const shown =
        !st.hidden &&
        value !== undefined &&
        typeof value !== 'function' &&
        node.type !== 'FunctionAssignmentNode';
      if (shown) {
        pushOutput(ctx, {
          kind: 'value',
          line: ctx.line,
          label: labelOf(node, st.text),
          text: formatValue(value),
        });
      }
    }
  } finally {
    // The language's functions outlive the run (they are rebound by the next one): let go of its values.
    scope.clear();
  }

  const n = ctx.checkCount ?? ctx.checks.length;
  const failedCount = ctx.failedCount ?? ctx.checks.filter((c) => !c.passed).length;
  const result: ExperimentResult = { ...base, durationMs: performance.now() - started };
  const notes = truncationNotes(ctx);
  if (notes.length > 0) result.notes = notes;
  const first = ctx.checks.find((c) => !c.passed);
  if (first) {
    const which = failedCount === 1 ? '' : `${failedCount} of ${n} checks failed; first: `;
    result.status = 'failed';
    result.message = capText(
      `${which}check "${first.label}" failed on line ${first.line}${first.detail ? `: ${first.detail}` : ''}`,
      MAX_MESSAGE,
    );
  } else {
    result.message = n === 0 ? 'ran (no checks)' : `${n === 1 ? 'the check' : `all ${n} checks`} passed`;
  }
  return result;
}

/** What a shown value is called: the assigned target (`p`, `A[2]`) or the expression as written. */
function labelOf(node: MathNode, text: string): string {
  const a = node as MathNode & { object?: MathNode; index?: MathNode };
  if (node.type === 'AssignmentNode' && a.object) {
    return capText(`${a.object.toString()}${a.index ? a.index.toString() : ''}`, MAX_SOURCE);
  }
  return capText(text, MAX_SOURCE);
}

/** A user-facing message for anything a statement threw. */
function errorText(e: unknown): string {
  if (e instanceof RangeError && /allocation|array length|buffer/i.test(e.message)) {
    return `ran out of memory (${e.message})`;
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return 'too much recursion (a function calls itself without end?)';
  }
  if (e instanceof Error) return e.message;
  return String(e);
}

/** Bytes the block's variables hold, at any depth: tensors (each buffer once), plain arrays and objects,
 * strings. Values reachable twice count once. */
export function bytesHeld(scope: Map<string, unknown>): number {
  let total = 0;
  const seen = new Set<unknown>();
  const stack: unknown[] = [...scope.values()];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') total += 2 * v.length;
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    if (isTensor(v)) {
      const buf = v.data.buffer;
      if (!seen.has(buf)) {
        seen.add(buf);
        total += buf.byteLength;
      }
    } else if (Array.isArray(v)) {
      total += 8 * v.length;
      for (const x of v) stack.push(x);
    } else if (Object.getPrototypeOf(v) === Object.prototype) {
      for (const [k, x] of Object.entries(v)) {
        total += 16 + 2 * k.length;
        stack.push(x);
      }
    }
  }
  return total;
}
