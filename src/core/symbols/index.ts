// The symbol table: what each name of a document means at a given point.
export { SymbolTable, type SymbolEntry } from './table';
export { inferKind, type ValueKind } from './kind';
export {
  constants,
  identityName,
  identityAssumption,
  realLine,
  defaultScalar,
  defaultIndex,
  defaultDimension,
  assumptionText,
  defaultDimensionRange,
  domainText,
} from './defaults';
