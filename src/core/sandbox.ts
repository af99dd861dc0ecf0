// A heavy entry of the core's facade (see index.ts): runs an experiment block in a worker thread within
// time and memory limits. Node only; it spawns the worker and loads no mathjs on the caller's thread, so
// the extension host can require it without carrying the verifier.
export { runExperimentIsolated, type IsolatedOptions } from './experiment/isolated';
