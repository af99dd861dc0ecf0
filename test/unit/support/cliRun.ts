// Runs the CLI in-process on an in-memory file system: the files it may read, and what it writes.
import { runCli, type CliIo } from '../../../src/cli';

export async function runInMemory(argv: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const written = new Map<string, string>();
  const io: CliIo & { writeFile(p: string, t: string): Promise<void> } = {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    readFile: async (p) => {
      const t = files[p];
      if (t === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return t;
    },
    writeFile: async (p, t) => void written.set(p, t),
    color: false,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr, written };
}
