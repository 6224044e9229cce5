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
import { CalendarDate, parseIsoDate } from '../domain/common/calendar-date';

/** node:util parseArgs with errors turned into CannotRun messages that say what to do. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CannotRun(`${command}: ${(e as Error).message}. Run "election-clerk ${command} --help" for usage.`);
  }
}

/** --lang: the language of readable output, Chinese unless asked otherwise. */
export function parseLang(text: string | undefined): 'zh' | 'en' {
  const lang = text ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') throw new CannotRun(`--lang must be zh or en, not "${lang}"`);
  return lang;
}

/** A whole number from the command line, allowing thousands separators: "1,550,000" → 1550000. Required. */
export function parseWholeNumber(option: string, text: string | undefined): number {
  if (text === undefined) throw new CannotRun(`${option} is required`);
  const t = text.replace(/[,_，\s]/g, '');
  if (!/^\d+$/.test(t) || !Number.isSafeInteger(Number(t))) {
    throw new CannotRun(`${option} must be a whole number of 0 or more, not "${text}"`);
  }
  return Number(t);
}

/** parseWholeNumber for an option that may be left out (undefined when it is). */
export function parseOptionalWholeNumber(option: string, text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseWholeNumber(option, text);
}

/** --election-date: required, because eligibility (18 on election day) depends on it. */
export function parseElectionDate(text: string | undefined): CalendarDate {
  if (!text) throw new CannotRun('--election-date YYYY-MM-DD is required: eligibility (18 on election day) depends on it. Example: --election-date 2026-12-15');
  const date = parseIsoDate(text);
  if (!date) throw new CannotRun(`--election-date "${text}" is not a real date in the form YYYY-MM-DD, e.g. 2026-12-15`);
  return date;
}
