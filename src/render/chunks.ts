// Splits a Markdown document at blank lines where parsing the parts separately gives the same tokens as
// parsing the whole, so an edit re-parses only its own part. A boundary is a line at column 0 after a blank
// line that cannot continue what came before: not a list item, not inside a fence, a `$$` block or a
// multi-line HTML block. Documents with link reference definitions (which act at a distance) stay whole.

export interface Chunk {
  text: string;
  /** 0-based line of the chunk's first line in the document. */
  line: number;
}

const listMarker = /^(?:[-*+]|\d{1,9}[.)])(?:\s|$)/;
const linkDefinition = /^ {0,3}\[[^\]]+\]:/m;
const blank = /^\s*$/;

/** The document's chunks, in order; concatenated they give back the document. */
export function splitChunks(text: string): Chunk[] {
  if (linkDefinition.test(text)) return [{ text, line: 0 }];
  const lines = text.split('\n');
  const chunks: Chunk[] = [];
  let start = 0;
  let closer: string | RegExp | null = null; // what ends the fence, math or HTML block we are in
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (
      closer === null &&
      i > start &&
      blank.test(lines[i - 1] as string) &&
      line !== '' &&
      line[0] !== ' ' &&
      line[0] !== '\t' &&
      !listMarker.test(line)
    ) {
      // The newline before the boundary stays with the chunk, so its trailing blank line is still a line.
      chunks.push({ text: lines.slice(start, i).join('\n') + '\n', line: start });
      start = i;
    }
    const t = line.trimStart().replace(/^(?:>\s?)+/, '');
    if (closer !== null) {
      if (typeof closer === 'string' ? t.includes(closer) : closer.test(line)) closer = null;
      continue;
    }
    const fence = /^(`{3,}|~{3,})/.exec(t);
    if (fence) closer = fence[1] as string;
    else if (t.startsWith('$$')) closer = t.indexOf('$$', 2) === -1 ? '$$' : null;
    else if (t.startsWith('\\[')) closer = t.includes('\\]') ? null : '\\]';
    else {
      const html = /^<(script|pre|style|textarea)\b/i.exec(t);
      if (html && !new RegExp(`</${html[1]}>`, 'i').test(t)) closer = new RegExp(`</${html[1]}>`, 'i');
      else if (t.startsWith('<!--') && !t.includes('-->')) closer = '-->';
    }
  }
  chunks.push({ text: lines.slice(start).join('\n'), line: start });
  return chunks;
}
