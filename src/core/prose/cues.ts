// What the sentence before a display block says the block is. A small, explicit vocabulary: each cue is
// read from words a reader would see, and only from the clause that runs into the block, so "If we
// differentiate, we get" introduces a conclusion (checked as usual) while "Let … be sequences satisfying"
// introduces a hypothesis (reported as such, never refuted).
import type { Intro } from './intro';

/** What the prose says a block is. Conclusions ("we get", "therefore") carry no cue: they are claims. */
export type Cue =
  /** "let … be … satisfying", "suppose", "assume", "such that", "subject to", "we want", "if": assumed, not claimed */
  | 'hypothesis'
  /** "we define", "is defined as", "let … denote": the block defines what it names */
  | 'definition'
  /** "approximately", "the approximation": `=` may hold only approximately */
  | 'approximation'
  /** "the Taylor approximation", "to first order", "for small arguments": the variables are what is small */
  | 'small-variables';

/** Inline math replaced by a neutral word, so words inside formulas are no cue. */
function words(sentence: string): string {
  return sentence.replace(/\$[^$]*\$/g, ' M ').replace(/\s+/g, ' ');
}

/** A clause that concludes: the block after it is what follows from what came before, a claim. */
const conclusion =
  /\b(?:then|thus|hence|therefore|means|because|since|so that|so we|(?:expressed|written|rewritten) as|we (?:can |may |will |could |then |now )?(?:get|have|see|saw|obtain|arrive|conclude|find|say|write|show|compute|know|derive|need only)|(?:this|it|which) (?:gives|yields|is|becomes|reads)|gives|yields|becomes|equals|(?:is|are) (?:then|given by|equal to)|(?:to|and) (?:see|show|compute|get|obtain|find|write))\b/gi;

/** Words that put what follows under an assumption. `let` is not "let's" or "let us" (an invitation). */
const hypothesis =
  /\b(?:let(?!'s|’s| us\b)|suppose|supposing|assum(?:e|ing)(?= that\b| M\b| (?:(?:conditional|mutual|pairwise) )?independence\b)|satisfying|to satisfy|that satisf(?:y|ies)|such that|subject to|we want|we require|require that|provided(?: that)?|whenever|(?<!\b(?:as|even|only) )if)\b/gi;

/** `if` and `when` open a subordinate clause that a comma closes: "If X, we see" concludes. */
const conditional = /^(?:if|whenever)$/i;

const definition =
  /\b(?:we (?:define|denote)|define|defined (?:as|by)|let M denote|denoted by|is called|we call)\b/gi;

const approximation = /\b(?:approximately|approximation|approximating|roughly)\b/i;

/** The sentence says the expansion is about the variables being small (issue 11). */
const smallVariables =
  /\b(?:taylor|(?:to )?(?:first|second)[- ]order|linear(?:ization|ized|ised|isation)|small[- ](?:arguments?|angles?|values?))\b/i;

function lastMatch(re: RegExp, text: string): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  for (const m of text.matchAll(re)) last = m as RegExpExecArray;
  return last;
}

/** The cues of the sentence introducing a block; none unless the sentence runs into the block. */
export function readCues(intro: Intro | undefined): Set<Cue> {
  const cues = new Set<Cue>();
  if (!intro?.runsIn) return cues;
  const text = words(intro.sentence);
  const concl = lastMatch(conclusion, text);
  const after = (m: RegExpExecArray | undefined): boolean =>
    m !== undefined && (concl === undefined || m.index > concl.index);
  const hyp = lastMatch(hypothesis, text);
  if (after(hyp) && hyp) {
    const rest = text.slice(hyp.index + hyp[0].length);
    if (!conditional.test(hyp[0]) || !rest.includes(',')) cues.add('hypothesis');
  }
  if (after(lastMatch(definition, text))) cues.add('definition');
  if (approximation.test(text)) cues.add('approximation');
  if (smallVariables.test(text)) cues.add('small-variables');
  return cues;
}
