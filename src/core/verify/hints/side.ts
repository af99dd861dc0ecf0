// The written side of a step as a hint edits it (light: the extension host imports it to place a fix).

/** The side as the student wrote it, without alignment marks and a trailing line break. */
export function coreOf(tex: string): string {
  return tex
    .replace(/^[\s&]+/, '')
    .replace(/(?:\s|&|\\\\)+$/, '')
    .trim();
}
