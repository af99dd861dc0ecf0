// Checks every message from the host before it is used: the webview trusts nothing it did not check.
import type { HostMessage, PreviewConfig, PreviewDocument, PreviewResults } from '../src/protocol/preview';

type Rec = Record<string, unknown>;

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

function isConfig(v: unknown): v is PreviewConfig {
  return isRec(v) && isRec(v.macros) && Object.values(v.macros).every(isStr);
}

/** Results are checked for the fields the renderer reads; their inner values are escaped when shown. */
function isResults(v: unknown): v is PreviewResults {
  if (
    !isRec(v) ||
    !Array.isArray(v.derivations) ||
    !Array.isArray(v.experiments) ||
    !Array.isArray(v.running)
  ) {
    return false;
  }
  const stepOk = (s: unknown): boolean =>
    isRec(s) &&
    isNum(s.index) &&
    isNum(s.line) &&
    isNum(s.column) &&
    isStr(s.relation) &&
    isStr(s.lhs) &&
    isStr(s.rhs) &&
    isStr(s.message) &&
    (s.status === 'verified' || s.status === 'refuted' || s.status === 'unverifiable') &&
    (s.counterexample === null || s.counterexample === undefined || isRec(s.counterexample));
  const derivOk = (d: unknown): boolean =>
    isRec(d) && isNum(d.line) && Array.isArray(d.steps) && d.steps.every(stepOk);
  const expOk = (e: unknown): boolean =>
    isRec(e) &&
    isNum(e.line) &&
    isStr(e.status) &&
    isStr(e.message) &&
    Array.isArray(e.checks) &&
    Array.isArray(e.outputs) &&
    e.outputs.every((o) => isRec(o) && isStr(o.kind)) &&
    e.checks.every((c) => isRec(c) && isStr(c.label));
  return v.derivations.every(derivOk) && v.experiments.every(expOk) && v.running.every(isNum);
}

export function isPreviewDocument(v: unknown): v is PreviewDocument {
  return (
    isRec(v) &&
    isStr(v.uri) &&
    isNum(v.version) &&
    isStr(v.text) &&
    isStr(v.baseUri) &&
    isConfig(v.config) &&
    isResults(v.results) &&
    (v.line === undefined || isNum(v.line))
  );
}

export function isHostMessage(v: unknown): v is HostMessage {
  if (!isRec(v)) return false;
  switch (v.type) {
    case 'render':
      return isPreviewDocument(v);
    case 'results':
      return isStr(v.uri) && isNum(v.version) && isResults(v.results);
    case 'scrollTo':
      return isNum(v.line);
    default:
      return false;
  }
}
