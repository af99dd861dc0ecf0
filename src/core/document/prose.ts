// Prose rules: what the sentences around a display block say about how to read its math.

/** The lines of the prose paragraph just above `line` (1-based), trimmed, stopping at math, headings and fences. */
export function paragraphBefore(lines: readonly string[], line: number): string[] {
  let i = line - 2;
  while (i >= 0 && (lines[i] ?? '').trim() === '') i--;
  const paragraph: string[] = [];
  for (; i >= 0; i--) {
    const l = (lines[i] ?? '').trim();
    if (l === '' || l.startsWith('$$') || l.endsWith('$$') || l.startsWith('#') || l.startsWith('```')) break;
    paragraph.unshift(l);
  }
  return paragraph;
}

/** The last sentence of the prose paragraph just above `line` (1-based) if it asks to solve something. */
export function solveIntroBefore(lines: readonly string[], line: number): string | undefined {
  const paragraph = paragraphBefore(lines, line);
  const sentence = (
    paragraph
      .join(' ')
      .split(/[.!?](?:\s+|$)/)
      .filter((x) => x.trim() !== '')
      .pop() ?? ''
  ).trim();
  // Only a sentence that runs into the block (no full stop after it) introduces the block's equations.
  if (!sentence || /[.!?]\s*$/.test(paragraph.join(' '))) return undefined;
  return /\bsolv(?:e|ing)\b/i.test(sentence) ? sentence : undefined;
}

/** Whether the prose paragraph just above `line` (1-based) says its random variables are independent. */
export function independenceBefore(lines: readonly string[], line: number): boolean {
  const paragraph = paragraphBefore(lines, line);
  const text = paragraph.join(' ');
  return (
    /\bindependent\b/i.test(text) && !/\b(not|dependent|uncorrelated)\b.{0,20}\bindependent\b/i.test(text)
  );
}

/**
 * Whether the prose just above `line` (1-based), or before the block on its own line, relates random
 * variables under a condition Stepwise cannot declare ("if $X$ is an invertible function of $Y$").
 */
export function relationBefore(lines: readonly string[], line: number): boolean {
  const own = (lines[line - 1] ?? '').split('$$')[0] ?? '';
  const text = [...paragraphBefore(lines, line), own].join(' ');
  return /\bif\b[^.]*\b(?:function of|identical|the same as)\b/i.test(text);
}
