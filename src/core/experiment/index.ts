// The experiment runner's public surface.
export { runExperiment, type ExperimentBlock, type RunOptions } from './run';
export {
  runExperimentIsolated,
  defaultWorkerPath,
  setDefaultWorkerPath,
  type IsolatedOptions,
} from './isolated';
export { DISABLED_FUNCTIONS } from './language';
export { splitStatements, type Statement } from './statements';
