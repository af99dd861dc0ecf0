// `!!! note "Title"` admonitions (Python-Markdown / MkDocs style): the body is the following lines indented
// by four spaces, parsed as ordinary Markdown, so indented `$$` math inside them renders like anywhere else.
import type { MarkdownIt, StateBlock } from 'markdown-it';

const head = /^!!!\s+([A-Za-z][\w-]*)(?:\s+"([^"]*)")?\s*$/;

function admonition(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if ((state.sCount[startLine] ?? 0) - state.blkIndent >= 4) return false;
  const start = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0);
  const match = head.exec(state.src.slice(start, state.eMarks[startLine]));
  if (!match) return false;
  if (silent) return true;
  const kind = (match[1] ?? 'note').toLowerCase();
  const title = match[2] ?? kind.charAt(0).toUpperCase() + kind.slice(1);
  const indent = state.sCount[startLine] ?? 0;
  let line = startLine + 1;
  let last = startLine;
  for (; line < endLine; line++) {
    const empty = (state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0) >= (state.eMarks[line] ?? 0);
    if (empty) continue;
    if ((state.sCount[line] ?? 0) < indent + 4) break;
    last = line;
  }
  const open = state.push('admonition_open', 'div', 1);
  open.block = true;
  open.map = [startLine, last + 1];
  open.attrSet('class', `admonition ${kind}`);
  const titleOpen = state.push('admonition_title_open', 'p', 1);
  titleOpen.attrSet('class', 'admonition-title');
  const text = state.push('inline', '', 0);
  text.content = title;
  text.map = [startLine, startLine + 1];
  text.children = [];
  state.push('admonition_title_close', 'p', -1);
  const oldIndent = state.blkIndent;
  const oldParent = state.parentType;
  const oldMax = state.lineMax;
  state.blkIndent = indent + 4;
  // `parentType` is typed as a closed union in markdown-it; 'container' is what its own plugins use.
  (state as unknown as { parentType: string }).parentType = 'container';
  state.lineMax = last + 1;
  state.md.block.tokenize(state, startLine + 1, last + 1);
  state.lineMax = oldMax;
  state.parentType = oldParent;
  state.blkIndent = oldIndent;
  state.push('admonition_close', 'div', -1).block = true;
  state.line = last + 1;
  return true;
}

export function admonitionPlugin(md: MarkdownIt): void {
  md.block.ruler.before('fence', 'admonition', admonition, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
}
