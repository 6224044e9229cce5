/**
 * What every `election-clerk` command shares: exit codes, the error that means "could not run",
 * and output streams that tests can capture.
 */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_CANNOT_RUN = 2;

/** A problem with the command's input (a file, an argument): printed on stderr, exit status 2. */
export class CannotRun extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CannotRun';
  }
}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Working directory for relative paths. */
  cwd: string;
}

export interface Command {
  name: string;
  summary: string;
  /** Full help text printed by `election-clerk NAME --help`. */
  help: string;
  run(args: string[], io: CliIo): Promise<number>;
}

import { parseArgs, ParseArgsConfig } from 'node:util';

/** node:util parseArgs with errors turned into CannotRun messages that say what to do. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CannotRun(`${command}: ${(e as Error).message}. Run "election-clerk ${command} --help" for usage.`);
  }
}
