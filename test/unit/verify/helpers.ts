// Builds steps and tables from mathjs source, so verifier tests do not depend on the LaTeX parser.
import { parse, type MathNode } from 'mathjs';
import type { Declaration, Domain, Relation } from '../../../src/core/latex/types';
import { SymbolTable } from '../../../src/core/symbols';
import { defaultVerifyOptions, type VerifyOptions } from '../../../src/core/types';
import { verifyStep, type StepVerdict } from '../../../src/core/verify/step';

export function domain(shape: string[] = [], extra: Partial<Omit<Domain, 'shape'>> = {}): Domain {
  return { field: 'real', loOpen: true, hiOpen: true, shape: shape.map((s) => parse(s)), ...extra };
}

export function bounds(
  lo: string | undefined,
  hi: string | undefined,
  loOpen: boolean,
  hiOpen: boolean,
  field: 'real' | 'integer' = 'real',
): Domain {
  return {
    field,
    shape: [],
    loOpen,
    hiOpen,
    ...(lo !== undefined ? { lo: parse(lo) } : {}),
    ...(hi !== undefined ? { hi: parse(hi) } : {}),
  };
}

export const declare = (names: string[], d: Domain): Declaration => ({
  kind: 'domain',
  names,
  domain: d,
  offset: 0,
});
export const fn = (name: string, params: string[], body: string): Declaration => ({
  kind: 'function',
  name,
  params,
  body: parse(body),
  offset: 0,
});
export const def = (name: string, body: string): Declaration => ({
  kind: 'definition',
  name,
  body: parse(body),
  offset: 0,
});

export function table(...decls: Declaration[]): SymbolTable {
  return SymbolTable.of(decls);
}

export function check(
  lhs: string | MathNode,
  relation: Relation,
  rhs: string | MathNode,
  t: SymbolTable = SymbolTable.empty,
  options: Partial<VerifyOptions> = {},
  seed = 7,
): StepVerdict {
  const node = (s: string | MathNode): MathNode => (typeof s === 'string' ? parse(s) : s);
  return verifyStep(
    { relation, lhs: node(lhs), rhs: node(rhs) },
    t,
    { ...defaultVerifyOptions, ...options },
    seed,
  );
}
