// Every command id of the extension in one place: package.json declares the same ids, and the lenses,
// status bar and preview name commands through this table, never by a string of their own.
export const CommandId = {
  verifyDerivation: 'stepwise.verifyDerivation',
  verifyFile: 'stepwise.verifyFile',
  verifySection: 'stepwise.verifySection',
  checkFile: 'stepwise.checkFile',
  runExperiment: 'stepwise.runExperiment',
  runAllExperiments: 'stepwise.runAllExperiments',
  clearResults: 'stepwise.clearResults',
  clearAllResults: 'stepwise.clearAllResults',
  showOutput: 'stepwise.showOutput',
  cancel: 'stepwise.cancel',
  explainRestricted: 'stepwise.explainRestricted',
} as const;

export type CommandId = (typeof CommandId)[keyof typeof CommandId];
