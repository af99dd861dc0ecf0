// Functions nobody defined (`f(x)`, `g(u, v)`, `σ(Ay + b)`) as random smooth functions: a new one at each
// sample (the sample number is in the env), the same one everywhere within a sample, so a step holds only
// if it holds for every function. A name known for activations (σ, φ) is applied entrywise to a vector;
// any other name applied to vectors is a function of all their entries (f: ℝⁿ → ℝ).
import { randomSmooth, type FunctionTrait, type SmoothFunction } from '../calculus/smooth';
import { hashString, Rng } from '../numeric/random';
import type { Env, Evaluator } from './env';
import { EvalUnsupported, Eye, Mat, ShapeError, type Value } from './value';

/** Names applied entrywise to a vector, as activations are. */
const entrywise = new Set(['σ', 'ϕ', 'φ']);

/** The unknown functions one step uses: which, with which traits, and each one's draw at a sample. */
export class UnknownFunctions {
  /** Names taken as unknown functions, with the traits the text gives them. */
  readonly names = new Map<string, readonly FunctionTrait[]>();
  /** Names met since the last `clear` of this set: the step asks which side uses which function. */
  readonly seen = new Set<string>();
  /** How the text's notation was read, by the name the report gives: `f_i` one function per index, `f`
   *  with `f^{(i)}` its derivatives by order. */
  readonly readings = new Map<string, string>();
  /** Families met (`f` of `f_i(x)`), with the name the report gives each. */
  private readonly families = new Map<string, string>();
  private readonly drawn = new Map<string, { sample: number; fn: SmoothFunction }>();
  /** The arity each name had at a sample: one name must be one function within a step. */
  private readonly arity = new Map<string, { sample: number; arity: number }>();

  constructor(private readonly traitsOf: (name: string) => readonly FunctionTrait[] = () => []) {}

  /** The function `name` of `arity` arguments at the env's current sample. */
  at(name: string, arity: number, env: Env): SmoothFunction {
    const key = `${name}/${arity}`;
    const sample = env.sample ?? 0;
    const known = this.arity.get(name);
    if (known && known.sample === sample && known.arity !== arity)
      throw new EvalUnsupported(
        `${name} is applied to ${known.arity} and to ${arity} numbers: cannot tell which function it is`,
      );
    this.arity.set(name, { sample, arity });
    const hit = this.drawn.get(key);
    if (hit && hit.sample === sample) return hit.fn;
    const rng = new Rng(hashString(key, 0x9e3779b9 + sample));
    const fn = randomSmooth(rng, arity, this.names.get(name) ?? []);
    this.drawn.set(key, { sample, fn });
    return fn;
  }

  /** The formulas of the functions drawn at the env's sample, for a refutation's message. */
  describe(env: Env): string[] {
    const out: string[] = [];
    const members = new Map<string, number>();
    for (const [key, d] of this.drawn) {
      if (d.sample !== (env.sample ?? 0)) continue;
      const name = key.slice(0, key.lastIndexOf('/'));
      // A family member `f[2]` is shown as f_2; past a few members of one family the message says so.
      const member = /^(.*)\[(.+)\]$/.exec(name);
      if (member) {
        const family = member[1] as string;
        const seen = (members.get(family) ?? 0) + 1;
        members.set(family, seen);
        if (seen === maxShownMembers + 1) out.push(`… (more members of ${family})`);
        if (seen > maxShownMembers) continue;
        const index = member[2] as string;
        out.push(d.fn.describe(`${family}_${index.length === 1 ? index : `{${index}}`}`));
        continue;
      }
      out.push(d.fn.describe(name));
    }
    return out;
  }

  /** `name(args…)`: entrywise for activation names, else a function of every entry of its arguments;
   *  `listed` (`σ(x_1, …, x_n)`) is a list of arguments, never one vector taken entrywise. */
  call(name: string, args: Evaluator[], listed = false): Evaluator {
    this.register(name);
    if (entrywise.has(name) && args.length === 1 && !listed) {
      const only = args[0] as Evaluator;
      return (env) => mapEntries(only(env), name, (x) => this.at(name, 1, env).value([x]));
    }
    return (env) => {
      const xs = flatten(
        args.map((a) => a(env)),
        name,
      );
      return this.at(name, xs.length, env).value(xs);
    };
  }

  /** `name^{(k)}(x)` of a one-argument unknown function, exactly; entrywise over a vector for activations.
   *  The order may be read at each sample (`f^{(i)}(x_0)` inside a sum over i). */
  derivative(name: string, k: number | Evaluator, arg: Evaluator): Evaluator {
    this.register(name);
    if (typeof k !== 'number') this.readings.set(name, `${name}^{(i)} read as its i-th derivative`);
    const fixed = typeof k === 'number' ? derivativeOrder(k, name) : undefined;
    const orderAt =
      typeof k === 'number' ? () => fixed as number : (env: Env) => derivativeOrder(k(env), name);
    return (env) => {
      const v = arg(env);
      if (typeof v !== 'number' && !entrywise.has(name))
        throw new EvalUnsupported(
          `${name}' of a vector is not defined: ${name} is a function of several variables`,
        );
      const indices = new Array<number>(orderAt(env)).fill(0);
      return mapEntries(v, name, (x) => this.at(name, 1, env).derivative([x], indices));
    };
  }

  /** `f_i(x)`, `l^{(i)}(w, b)`: member `indices` of the family `name`, an unknown function of its own for
   *  each index value; `k` > 0 is its k-th derivative, `f_i'(x)`. `written` (`f_i`) names the family in the
   *  report. */
  member(name: string, written: string, indices: Evaluator[], args: Evaluator[], k = 0): Evaluator {
    // One family, one name in the report, however its index is written (`f_i`, `f_{n+1-i}`).
    const shown = this.families.get(name) ?? written;
    this.families.set(name, shown);
    this.register(shown);
    this.readings.set(shown, 'one unknown function per index, drawn independently');
    const order = new Array<number>(derivativeOrder(k, written)).fill(0);
    return (env) => {
      const at = indices.map((d) => {
        const v = d(env);
        if (typeof v !== 'number' || !Number.isInteger(v))
          throw new EvalUnsupported(`the index of ${shown} is not a whole number`);
        return v;
      });
      const xs = flatten(
        args.map((a) => a(env)),
        shown,
      );
      if (k > 0 && xs.length !== 1)
        throw new EvalUnsupported(`${shown}' of several numbers is not defined: write a partial derivative`);
      return this.at(`${name}[${at.join(',')}]`, xs.length, env).derivative(xs, order);
    };
  }

  private register(name: string): void {
    this.names.set(name, this.traitsOf(name));
    this.seen.add(name);
  }
}

/** Members of one family written out in a refutation's message. */
const maxShownMembers = 3;

/** Orders beyond this are refused (an infinite series sums at most 256 terms; a ridge's k-th derivative grows
 *  like its weight, at most 2, to the k). */
const maxOrder = 300;

function derivativeOrder(v: Value, name: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    throw new EvalUnsupported(`the order of a derivative of ${name} is not a whole number ≥ 0`);
  if (v > maxOrder) throw new EvalUnsupported(`derivative number ${v} of ${name} is beyond ${maxOrder}`);
  return v;
}

function mapEntries(v: Value, name: string, f: (x: number) => number): Value {
  if (typeof v === 'number') return f(v);
  if (v instanceof Eye) throw new ShapeError(`the size of I given to ${name} is unknown`);
  return v.map(f);
}

function flatten(values: Value[], name: string): number[] {
  const xs: number[] = [];
  for (const v of values) {
    if (typeof v === 'number') xs.push(v);
    else if (v instanceof Mat) xs.push(...v.data);
    else throw new ShapeError(`the size of I given to ${name} is unknown`);
  }
  return xs;
}
