// Checks every message from the webview before the host acts on it.
import type { WebviewMessage } from '../../protocol/preview';
import { conforms, isProblem, line0 } from '../../protocol/shapes';

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLine = (v: unknown): v is number => conforms(line0, v);

export function isWebviewMessage(v: unknown): v is WebviewMessage {
  if (!isRec(v)) return false;
  switch (v.type) {
    case 'ready':
      return true;
    case 'reveal':
    case 'scrolled':
    case 'verify':
    case 'run':
      return isLine(v.line);
    case 'problems':
      return (
        typeof v.uri === 'string' &&
        typeof v.version === 'number' &&
        Array.isArray(v.problems) &&
        v.problems.every(isProblem)
      );
    case 'openLink':
      return typeof v.href === 'string' && v.href.length < 4096;
    default:
      return false;
  }
}
