// The extension's settings as one typed, immutable snapshot; a new snapshot is taken when they change.
import * as vscode from 'vscode';
import type { VerifyOptions } from '../core';
import type { UnverifiableSeverity } from './problems';

export type VerifyOn = 'manual' | 'save' | 'type';

export interface ConfigSnapshot {
  readonly verify: VerifyOptions;
  readonly verifyOn: VerifyOn;
  /** Debounce for `verifyOn: type`, in ms. */
  readonly typeDelayMs: number;
  readonly lenses: {
    readonly derivations: boolean;
    readonly experiments: boolean;
    readonly sections: boolean;
  };
  readonly decorations: boolean;
  /** Severity of unverifiable steps in Problems (`stepwise.diagnostics.unverifiable`). */
  readonly unverifiable: UnverifiableSeverity;
  readonly experiment: { readonly timeoutMs: number; readonly memoryMb: number };
}

function num(
  c: vscode.WorkspaceConfiguration,
  key: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const v = c.get<unknown>(key);
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
}

const unverifiableLevels = ['hint', 'information', 'warning', 'off'] as const;

function oneOf<T extends string>(v: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.find((a) => a === v) ?? fallback;
}

/** Reads the `stepwise.*` settings once; values out of range are clamped, wrong types fall back. */
export function readConfig(scope?: vscode.ConfigurationScope): ConfigSnapshot {
  const c = vscode.workspace.getConfiguration('stepwise', scope);
  const tol = num(c, 'tolerance', 1e-9, 0, 1);
  const seed = c.get<unknown>('seed');
  const macros = c.get<unknown>('macros');
  const verifyOn = c.get<string>('verifyOn');
  const verify: VerifyOptions = {
    samples: Math.round(num(c, 'samples', 24, 1, 1000)),
    relTol: tol,
    // No absolute floor: each sample's rounding error is estimated instead (core/verify/rounding.ts).
    absTol: 0,
    approxTol: num(c, 'approxTolerance', 1e-2, 0, 1),
    defaultDimension: Math.round(num(c, 'defaultDimension', 3, 1, 64)),
    ...(typeof seed === 'number' && Number.isInteger(seed) ? { seed } : {}),
    ...(macros && typeof macros === 'object' && !Array.isArray(macros)
      ? {
          macros: Object.fromEntries(
            Object.entries(macros).filter(([, v]) => typeof v === 'string'),
          ) as Record<string, string>,
        }
      : {}),
  };
  return {
    verify,
    verifyOn: verifyOn === 'save' || verifyOn === 'type' ? verifyOn : 'manual',
    typeDelayMs: Math.round(num(c, 'verifyOnTypeDelay', 400, 50, 5000)),
    lenses: {
      derivations: c.get<boolean>('codeLens.derivations') !== false,
      experiments: c.get<boolean>('codeLens.experiments') !== false,
      sections: c.get<boolean>('codeLens.sections') !== false,
    },
    decorations: c.get<boolean>('inlineResults') !== false,
    unverifiable: oneOf(c.get<unknown>('diagnostics.unverifiable'), unverifiableLevels, 'hint'),
    experiment: {
      timeoutMs: Math.round(num(c, 'experiments.timeoutMs', 10_000, 100, 600_000)),
      memoryMb: Math.round(num(c, 'experiments.memoryMb', 256, 16, 8192)),
    },
  };
}

/** The current settings, kept fresh; `onDidChange` fires after a `stepwise.*` setting changed. */
export class Config implements vscode.Disposable {
  private snapshot = readConfig();
  private readonly emitter = new vscode.EventEmitter<ConfigSnapshot>();
  readonly onDidChange = this.emitter.event;
  private readonly listener = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration('stepwise')) return;
    this.snapshot = readConfig();
    this.emitter.fire(this.snapshot);
  });

  get current(): ConfigSnapshot {
    return this.snapshot;
  }

  dispose(): void {
    this.listener.dispose();
    this.emitter.dispose();
  }
}
