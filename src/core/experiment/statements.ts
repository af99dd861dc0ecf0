// Splits a block into statements the way mathjs's parser separates them (newlines and `;` outside
// brackets and strings; `#` comments to the end of the line), keeping where each starts so every value
// and error can be put on its line. mathjs's own BlockNode drops positions, hence this scanner.

export interface Statement {
  /** The statement's source, without its terminating `;` or newline. */
  text: string;
  /** Offset of `text` in the block. */
  offset: number;
  /** 0-based line and 1-based column in the block where the statement's first character stands. */
  line: number;
  column: number;
  /** Ended by `;`: its value is not shown. */
  hidden: boolean;
}

const VALUE_END = /[A-Za-z0-9_)\]}'.]/;

/** The statements of a block, in order, skipping blank and comment-only ones. */
export function splitStatements(code: string): Statement[] {
  const out: Statement[] = [];
  let depth = 0;
  let start = 0;
  let quote: string | null = null;
  let inComment = false;
  let prev = ''; // last significant character, to tell a transpose `'` from a string
  const emit = (end: number, hidden: boolean): void => {
    const raw = code.slice(start, end);
    const body = stripComment(raw);
    if (body.trim() !== '') {
      const lead = raw.length - raw.trimStart().length;
      const offset = start + lead;
      const { line, column } = positionOf(code, offset);
      out.push({ text: raw.slice(lead).replace(/\s+$/, ''), offset, line, column, hidden });
    }
    start = end + 1;
  };
  for (let i = 0; i < code.length; i++) {
    const c = code[i] as string;
    if (inComment) {
      if (c === '\n') {
        inComment = false;
        if (depth === 0) emit(i, false);
      }
      continue;
    }
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) {
        quote = null;
        prev = c;
      } else if (c === '\n') quote = null; // an unterminated string: let the parser report it
      continue;
    }
    if (c === '#') {
      inComment = true;
      continue;
    }
    if (c === '"' || (c === "'" && !VALUE_END.test(prev))) {
      quote = c;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
    if (depth === 0 && (c === '\n' || c === ';')) {
      emit(i, c === ';');
      prev = '';
      continue;
    }
    if (!/\s/.test(c)) prev = c;
  }
  emit(code.length, false);
  return out;
}

/** The statement text without a trailing `# comment` (outside strings). */
function stripComment(s: string): string {
  let quote: string | null = null;
  let prev = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '#') return s.slice(0, i);
    if (c === '"' || (c === "'" && !VALUE_END.test(prev))) quote = c;
    if (!/\s/.test(c)) prev = c;
  }
  return s;
}

/** 0-based line and 1-based column of an offset. */
export function positionOf(code: string, offset: number): { line: number; column: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < code.length; i++) {
    if (code[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
