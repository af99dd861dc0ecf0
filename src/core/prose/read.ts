// Reading a display block with the prose around it: the sentence that introduces it (its cues), the
// conventions the text fixes in words (the base of `\log`), superscripts that index sequences, and
// equations of written intervals. The
// block's TeX is rewritten to say what was read (`\log_{2}`, `V^{(k+1)}`), every file position kept.
import type { TexSource } from '../markdown/types';
import type { Assumption } from '../types';
import { logBaseFixedAt, logEdits, logNote } from './conventions';
import { readCues, type Cue } from './cues';
import { chooseEdits } from './choose';
import { introBefore } from './intro';
import { intervalEdits, transposedListEdits, tupleVectorEdits } from './intervals';
import { sequenceEdits } from './sequences';
import { applyEdits } from './texEdit';

/** What the prose says about one block, for judging its steps. */
export interface ProseReading {
  /** The sentence introducing the block, when it runs into it. */
  intro?: string;
  cues: ReadonlySet<Cue>;
  /** Letters that count the terms of sequences in this block (`k` of `V^{k+1}`). */
  counters: ReadonlySet<string>;
  /** Conventions that hold for every step of the block (the base of `\log`), as assumption notes. */
  notes: Assumption[];
  /** Symbols defined above by math that could not be read (`A = \begin{bmatrix} … \cdots`). */
  unreadable?: ReadonlySet<string>;
}

/** What holds for the whole document: the lines, and the base of `\log` if the text fixes it. */
export interface DocumentProse {
  lines: readonly string[];
  logBase?: { base: number; line: number };
}

/** Reads what the prose of a whole document fixes once. */
export function documentProse(lines: readonly string[]): DocumentProse {
  const logBase = logBaseFixedAt(lines);
  return { lines, ...(logBase ? { logBase } : {}) };
}

/** The block's TeX as the prose says to read it, and what the prose says about the block. */
export function readBlock(
  doc: DocumentProse,
  line: number,
  tex: TexSource,
): { tex: TexSource; reading: ProseReading } {
  const intro = introBefore(doc.lines, line);
  const cues = readCues(intro);
  const sequences = sequenceEdits(tex.text, intro?.sentence);
  const notes: Assumption[] = [];
  const edits = [
    ...sequences.edits,
    ...intervalEdits(tex.text),
    ...transposedListEdits(tex.text),
    ...tupleVectorEdits(tex.text),
    ...chooseEdits(tex.text),
  ];
  if (doc.logBase && doc.logBase.line < line) {
    const log = logEdits(tex.text, doc.logBase.base);
    if (log.length) notes.push(logNote(doc.logBase.base));
    edits.push(...log);
  }
  return {
    tex: applyEdits(tex, edits),
    reading: {
      ...(intro?.runsIn ? { intro: intro.sentence } : {}),
      cues,
      counters: sequences.counters,
      notes,
    },
  };
}

/** Inline math as the prose says to read it: its transposed lists as columns. */
export function readInline(tex: TexSource): TexSource {
  return applyEdits(tex, transposedListEdits(tex.text));
}
