// The run's memory budget, enforced before each allocation. Two kinds of memory hold a run's values:
// typed arrays (every tensor), whose backing stores live outside the V8 heap, so the worker's
// `resourceLimits` never see them; and the V8 heap (objects, plain arrays, strings), which those limits
// cap but where one allocation larger than the room left aborts the whole process instead of throwing.
// So both are checked here first: typed-array bytes against the limit, measured for this isolate
// (`process.memoryUsage().arrayBuffers`, after a forced collection when the optimistic sum says it may
// be over, so garbage is never counted), and large heap conversions against the room the heap has left.
// A run's arrays therefore stay within the limit (within 2× of it when V8 keeps dead arrays past a
// collection, see below), and its heap within the limit the worker's `resourceLimits` set.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ExperimentError } from './errors';

const MB = 1024 * 1024;

let limitBytes = 256 * MB;
/** Array-buffer bytes of this isolate when the run began (the test runner's own buffers, say). */
let baseline = 0;
/** The latest measurement, relative to the baseline, and what was reserved since: an upper bound of
 * what the run holds, so most reservations need no measurement. */
let measured = 0;
let pending = 0;
/** Bytes the block's own variables hold (set by the runner), consulted when the engine keeps garbage. */
let heldByBlock: () => number = () => Infinity;

/** Starts a run's budget; `held` measures what the block's variables hold. */
export function startBudget(memoryMb: number, held: () => number = () => Infinity): void {
  heldByBlock = held;
  limitBytes = memoryMb * MB;
  baseline = arrayBufferBytes();
  // In a worker this is ~0; a thread that ran blocks before may still hold their garbage.
  for (let i = 0; i < 2 && baseline > 16 * MB; i++) {
    collectGarbage();
    baseline = arrayBufferBytes();
  }
  measured = 0;
  pending = 0;
}

function arrayBufferBytes(): number {
  return process.memoryUsage().arrayBuffers;
}

type Gc = (options?: { type: 'major' | 'minor' }) => void;
let gc: Gc | null | undefined;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** A collection, so dead arrays are freed before they are counted: `minor` (a scavenge, about a
 * millisecond) frees what died young, the usual case of a statement's temporaries; a full one frees the
 * rest. `gc` is taken from a fresh context while `--expose-gc` is briefly on, then the flag goes off. */
export function collectGarbage(type: 'major' | 'minor' = 'major'): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const f = runInNewContext('gc') as unknown;
      gc = typeof f === 'function' ? (f as Gc) : null;
    } catch {
      gc = null;
    } finally {
      setFlagsFromString('--no-expose-gc');
    }
  }
  gc?.({ type });
}

function formatMb(bytes: number): string {
  const mb = bytes / MB;
  return mb >= 1024 ? `${(mb / 1024).toFixed(1)} GB` : `${Math.ceil(mb)} MB`;
}

/** "ran out of memory (limit 256 MB): …": the one wording of every memory error. */
export function outOfMemory(detail: string): ExperimentError {
  return new ExperimentError(`ran out of memory (limit ${formatMb(limitBytes)}): ${detail}`);
}

/** Reserves `bytes` of typed-array memory for `what`, or throws the memory-limit error. */
export function reserveArray(bytes: number, what: string): void {
  if (measured + pending + bytes <= limitBytes) {
    pending += bytes;
    return;
  }
  measured = arrayBufferBytes() - baseline;
  pending = 0;
  // A scavenge first; then full collections (one does not always release array buffers whose last
  // holder it freed; a second does). V8 frees the buffers on background threads after a collection, so
  // on a busy machine the count drops a little later: a short wait lets it catch up.
  for (const type of ['minor', 'major', 'major', 'wait', 'wait', 'wait', 'wait', 'major'] as const) {
    if (measured + bytes <= limitBytes) break;
    if (type === 'wait') Atomics.wait(sleeper, 0, 0, 10);
    else collectGarbage(type);
    measured = arrayBufferBytes() - baseline;
  }
  // V8 sometimes keeps a few dead arrays past every collection (values of recent statements). What the
  // block itself holds decides then, and the engine's leftovers may take the run's arrays to twice the
  // limit, not further.
  if (
    measured + bytes > limitBytes &&
    (measured + bytes > 2 * limitBytes || heldByBlock() + bytes > limitBytes)
  ) {
    throw outOfMemory(
      `${what} would need ${formatMb(bytes)} more, and the block already holds ${formatMb(Math.max(0, measured))} of arrays`,
    );
  }
  pending = bytes;
}

/** Checks that building `bytes` of V8-heap data (plain arrays, strings) for `what` leaves the heap room;
 * the heap limit would otherwise end the process, not the run. */
export function reserveHeap(bytes: number, what: string): void {
  const fits = (): boolean => {
    const h = getHeapStatistics();
    // A quarter of the room stays free for mathjs's own copies and the result messages.
    return h.used_heap_size + bytes <= h.heap_size_limit * 0.75;
  };
  if (bytes < MB || fits()) return;
  collectGarbage();
  if (!fits()) throw outOfMemory(`${what} would need about ${formatMb(bytes)} of working memory`);
}
