/**
 * The registry of LaTeX commands and environments the expression parser reads, in the manner of KaTeX's
 * `defineFunction`: the parser (parser.ts) keeps the token cursor and one function per precedence level;
 * every command (`\frac`, `\sqrt`, `\sum` …) and every environment (`bmatrix`, `cases` …) is read by a
 * handler registered here.
 *
 * HOW TO ADD A COMMAND (say `\int`):
 *   1. Create `handlers/integral.ts` holding the command's own tables and
 *        export const integral: CommandSpec = {
 *          names: ['int'],
 *          parse: (p, t) => { p.next(); …; return fn('…', [...]); },
 *        };
 *      The handler gets the ParserApi `p` (api.ts: the cursor plus parseAdditive, parseArgument,
 *      parseList …) and the command's token `t`, still unread: it consumes the command and its arguments
 *      and returns a mathjs node built with nodes.ts (`fn` takes only names of vocabulary.ts, so add the
 *      function name there and its meaning in verify/, see verify/registry.ts). To refuse
 *      notation, `fail(message, t.offset, 'unsupported')` (errors.ts); nothing is ever returned half-read.
 *      Symbols (`readSymbolAtom`, `readVariable`, `isCallOpen`, `parseCallArgs`) are in atoms.ts.
 *   2. Add one line to the list in handlers/index.ts: `integral,`.
 *   That is all: a registered name stops being "not supported" (commands.ts' unsupportedCommands is only
 *   the fallback for names no handler takes). Set `startsFunction: true` when the command begins an
 *   operator application (`\sin x \int …`): the argument of `\sin x` then stops before it.
 *
 * For an environment, the same with EnvironmentSpec and `environments` in handlers/index.ts.
 *
 * Several handlers may register one name; they are tried in the order of the list, and a handler that
 * returns undefined (without consuming a token) passes to the next, as the indicator `\mathbb{1}` does
 * before the font `\mathbb`. A name no handler takes is refused here: an ellipsis or a command of
 * `unsupportedCommands` as unsupported, anything else as unknown.
 */
import { unsupportedCommands } from '../commands';
import { fail } from '../errors';
import type { MathNode } from '../nodes';
import type { Token } from '../tokens';
import type { CommandHandler, EnvironmentHandler, ParserApi } from './api';
import { readEnvironmentName } from './rows';

export type { CommandHandler, EnvironmentHandler, ParserApi } from './api';

export interface CommandSpec {
  /** Command names without the backslash. */
  names: Iterable<string>;
  parse: CommandHandler;
  /** The command begins an operator application: the argument of `\sin x` stops before it. */
  startsFunction?: boolean;
}

export interface EnvironmentSpec {
  /** Environment names, as in `\begin{name}`. */
  names: Iterable<string>;
  parse: EnvironmentHandler;
}

const ellipses = new Set(['dots', 'cdots', 'ldots', 'vdots', 'ddots', 'dotsb', 'dotsc', 'hdots']);

/** Commands and environments by name, each with its handlers in priority order. */
export class Registry {
  private readonly commands = new Map<string, CommandHandler[]>();
  private readonly functionStarts = new Set<string>();
  private readonly environments = new Map<string, EnvironmentHandler>();

  constructor(commands: readonly CommandSpec[], environments: readonly EnvironmentSpec[]) {
    for (const spec of commands)
      for (const name of spec.names) {
        const list = this.commands.get(name) ?? [];
        list.push(spec.parse);
        this.commands.set(name, list);
        if (spec.startsFunction) this.functionStarts.add(name);
      }
    for (const spec of environments)
      for (const name of spec.names) {
        if (this.environments.has(name)) throw new Error(`environment ${name} registered twice`);
        this.environments.set(name, spec.parse);
      }
    this.commands.set('begin', [...(this.commands.get('begin') ?? []), (p, t) => this.readEnvironment(p, t)]);
  }

  /** `\begin{name} … \end{name}`, read by the environment's handler. */
  private readEnvironment(p: ParserApi, t: Token): MathNode {
    p.next();
    const name = readEnvironmentName(p, t);
    const handler = this.environments.get(name);
    if (handler) return handler(p, t, name);
    return fail(`unknown environment ${name}`, t.offset, 'syntax', `\\begin{${name}}`);
  }

  /** Reads the command at `t` (not yet consumed). */
  readCommand(p: ParserApi, t: Token): MathNode {
    const v = t.value;
    for (const handler of this.commands.get(v) ?? []) {
      const node = handler(p, t);
      if (node !== undefined) return node;
    }
    if (ellipses.has(v))
      return fail(`an ellipsis \\${v} cannot be evaluated`, t.offset, 'unsupported', `\\${v}`);
    if (unsupportedCommands.has(v)) return fail(`\\${v} is not supported`, t.offset, 'unsupported', `\\${v}`);
    return fail(`unknown command \\${v}`, t.offset, 'syntax', `\\${v}`);
  }

  /** Does the command begin an operator application (`\sin`, `\sum`, `\operatorname`)? */
  startsFunction(name: string): boolean {
    return this.functionStarts.has(name);
  }
}
