// Types of the host installer (install.mjs), for the TypeScript tests that check its install plan.
export interface HostPaths {
  dir: string;
  nodeDir: string;
  nodeBin: string;
  codeServer: string;
  marker: string;
}
export interface InstallStep {
  step: string;
  root: string;
  /** Where the nested npm starts: inside `root`, never the project. */
  cwd: string;
  /** The package.json written into `root` before the install. */
  manifest: { private: true; allowScripts?: Record<string, boolean> };
  skip: boolean;
  hint: string;
  args: string[];
  env: Record<string, string>;
}
export const CODE_SERVER_VERSION: string;
export const NODE_MAJOR: string;
export function hostDir(): string;
export function hostPaths(dir?: string): HostPaths;
export function cleanNpmEnv(
  parent: Record<string, string | undefined>,
  opts?: { pathFirst?: string; extra?: Record<string, string> },
): Record<string, string>;
export function installPlan(p: HostPaths, parentEnv?: Record<string, string | undefined>): InstallStep[];
export function ensureHost(opts?: { quiet?: boolean }): HostPaths;
