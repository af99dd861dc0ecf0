// Equation numbers across the document. KaTeX numbers `equation`/`align` rows only with CSS counters and has
// no `\label`/`\eqref`, so the numbering is done here on the TeX, before KaTeX sees it: numbered rows get an
// explicit `\tag{n}` (environments become their starred forms so KaTeX adds no second number), `\label` is
// removed and remembered, and `\eqref`/`\ref` become links to the numbered block.

export interface FormulaIn {
  tex: string;
  display: boolean;
}

export interface NumberingProblem {
  /** Index of the formula in the input. */
  index: number;
  /** Offset in that formula's input TeX. */
  offset: number;
  message: string;
}

export interface Numbering {
  /** The TeX to give KaTeX, one per input formula. */
  texs: string[];
  /** Label → the number shown for it. */
  labels: Map<string, string>;
  /** Per formula, the labels it defines (for anchors). */
  anchors: string[][];
  problems: NumberingProblem[];
}

const numberedEnv = /\\begin\{(equation|align|gather|alignat|multline|flalign)\}/;
const labelRe = /\\label\s*\{([^{}]*)\}/g;
const tagRe = /\\tag\*?\s*\{([^{}]*)\}/;
const noNumberRe = /\\(?:nonumber|notag)\b/g;

/** Splits the body of an environment at its top-level `\\` (not those of nested matrices or braces). */
function splitRows(body: string): string[] {
  const rows: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') {
      if (body.startsWith('\\begin{', i)) depth++;
      else if (body.startsWith('\\end{', i)) depth--;
      else if (body[i + 1] === '\\' && depth === 0) {
        rows.push(body.slice(from, i));
        from = i + 2;
        i++;
        continue;
      }
      i++; // skip the escaped character, e.g. `\{`
    } else if (c === '{') depth++;
    else if (c === '}') depth--;
  }
  rows.push(body.slice(from));
  return rows;
}

/** A safe anchor id for a label. */
export function anchorId(label: string): string {
  return 'sw-eq-' + label.replace(/[^A-Za-z0-9_-]/g, (ch) => '_' + ch.charCodeAt(0).toString(16));
}

/** Numbers display formulas in order and rewrites `\label`, `\tag`, `\eqref`, `\ref`. */
export function numberEquations(formulas: FormulaIn[]): Numbering {
  const labels = new Map<string, string>();
  const anchors: string[][] = [];
  const problems: NumberingProblem[] = [];
  let counter = 0;
  const texs = formulas.map((f, index) => {
    const mine: string[] = [];
    anchors.push(mine);
    if (!f.display || (!f.tex.includes('\\label') && !numberedEnv.test(f.tex))) return f.tex;
    const remember = (row: string, number: string | undefined): string =>
      row.replace(labelRe, (whole, name: string) => {
        if (number === undefined) {
          problems.push({
            index,
            offset: f.tex.indexOf(whole),
            message: `\\label{${name}} on an unnumbered line`,
          });
        } else if (labels.has(name)) {
          problems.push({ index, offset: f.tex.indexOf(whole), message: `duplicate \\label{${name}}` });
        } else {
          labels.set(name, number);
          mine.push(name);
        }
        return '';
      });
    const env = numberedEnv.exec(f.tex);
    if (env) {
      const name = env[1] ?? 'equation';
      const open = `\\begin{${name}}`;
      const close = `\\end{${name}}`;
      const a = f.tex.indexOf(open);
      const b = f.tex.lastIndexOf(close);
      if (b > a) {
        const body = f.tex.slice(a + open.length, b);
        // `equation` and `multline` give one number to the whole body; the others one per row.
        const rows = name === 'equation' || name === 'multline' ? [body] : splitRows(body);
        const numbered = rows.map((row) => {
          const tag = tagRe.exec(row);
          if (noNumberRe.test(row)) {
            noNumberRe.lastIndex = 0;
            return remember(row.replace(noNumberRe, ''), undefined);
          }
          if (tag) return remember(row, tag[1]);
          const n = String(++counter);
          return remember(row, n) + `\\tag{${n}}`;
        });
        const starred = name === 'equation' ? 'equation*' : name === 'alignat' ? 'alignat*' : `${name}*`;
        return `${f.tex.slice(0, a)}\\begin{${starred}}${numbered.join('\\\\')}\\end{${starred}}${f.tex.slice(b + close.length)}`;
      }
    }
    const tag = tagRe.exec(f.tex);
    if (tag) return remember(f.tex, tag[1]);
    const n = String(++counter);
    return remember(f.tex, n) + `\\tag{${n}}`;
  });
  // References may point forward, so they are resolved once every label is known.
  const refRe = /\\(eqref|ref)\s*\{([^{}]*)\}/g;
  for (let i = 0; i < texs.length; i++) {
    const tex = texs[i] ?? '';
    if (!tex.includes('ref')) continue;
    texs[i] = tex.replace(refRe, (whole, kind: string, name: string) => {
      const n = labels.get(name);
      if (n === undefined) {
        problems.push({
          index: i,
          offset: (formulas[i]?.tex ?? '').indexOf(whole),
          message: `unknown label '${name}'`,
        });
        return '\\textup{(??)}';
      }
      const shown = kind === 'eqref' ? `(${n})` : n;
      return `\\href{#${anchorId(name)}}{\\textup{${shown}}}`;
    });
  }
  return { texs, labels, anchors, problems };
}
