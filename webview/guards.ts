// Checks every message from the host before it is used: the webview trusts nothing it did not check. The
// result shapes are the ones the JSON report is validated against (src/protocol/shapes.ts).
import type { HostMessage, PreviewDocument } from '../src/protocol/preview';
import {
  arr,
  conforms,
  derivationShape,
  experimentShape,
  num,
  obj,
  str,
  strings,
} from '../src/protocol/shapes';

const results = obj({
  derivations: arr(derivationShape),
  experiments: arr(experimentShape),
  running: arr(num),
});
const previewDocument = obj(
  { uri: str, version: num, text: str, baseUri: str, config: obj({ macros: strings }), results },
  { line: num },
);

export function isPreviewDocument(v: unknown): v is PreviewDocument {
  return conforms(previewDocument, v);
}

export function isHostMessage(v: unknown): v is HostMessage {
  if (typeof v !== 'object' || v === null) return false;
  switch ((v as { type?: unknown }).type) {
    case 'render':
      return isPreviewDocument(v);
    case 'results':
      return conforms(obj({ uri: str, version: num, results }), v);
    case 'scrollTo':
      return conforms(obj({ line: num }), v);
    default:
      return false;
  }
}
