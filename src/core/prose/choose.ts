// Plain TeX's binomial `{n \choose k}`, still common in published notes (d2l's sgd chapter): read as
// `\binom{n}{k}`. Only a brace group holding exactly one `\choose` at its own level is rewritten.
import type { TexEdit } from './texEdit';

/** Edits turning each `{A \choose B}` into `\binom{A}{B}`. */
export function chooseEdits(tex: string): TexEdit[] {
  const edits: TexEdit[] = [];
  const opens: { at: number; chooses: number[] }[] = [];
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    if (c === '\\') {
      const m = /^\\(?:choose(?![A-Za-z])|[A-Za-z]+|.)/.exec(tex.slice(i));
      if (m?.[0] === '\\choose') opens[opens.length - 1]?.chooses.push(i);
      i += (m?.[0].length ?? 1) - 1;
    } else if (c === '{') opens.push({ at: i, chooses: [] });
    else if (c === '}') {
      const group = opens.pop();
      if (group?.chooses.length !== 1) continue;
      const at = group.chooses[0] as number;
      // `{A \choose B}` → `\binom{A}{B}`: the opening brace gains the command, `\choose` splits the groups.
      edits.push({ offset: group.at, length: 1, text: '\\binom{' });
      edits.push({ offset: at, length: '\\choose'.length, text: '}{' });
    }
  }
  return edits;
}
