/** Runs the CLI in-process and captures what it prints, for tests of commands' output and exit codes. */
import { runCli } from '../../src/cli/main';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCliCaptured(argv: string[], cwd = process.cwd()): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (t) => { stdout += t; }, err: (t) => { stderr += t; }, cwd });
  return { code, stdout, stderr };
}
