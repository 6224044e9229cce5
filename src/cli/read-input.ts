/**
 * Reading the files a command is given: a file that cannot be read (missing, not .xlsx, password-protected,
 * corrupt) becomes a CannotRun — exit 2 — with the reader's message, after a prefix naming the option it came from.
 */
import { CannotReadWorkbook } from '../adapters/xlsx/read-workbook';
import { CannotRun } from './cli-kit';

export async function readInput<T>(read: () => Promise<T>, prefix = ''): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof CannotReadWorkbook) throw new CannotRun(`${prefix}${e.message}`);
    throw e;
  }
}
