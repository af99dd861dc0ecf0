// The experiment runner's public surface.
export { runExperiment, type ExperimentBlock, type RunOptions } from './run';
export { runExperimentIsolated, defaultWorkerPath, type IsolatedOptions } from './isolated';
export { DISABLED_FUNCTIONS } from './language';
export { splitStatements, type Statement } from './statements';
