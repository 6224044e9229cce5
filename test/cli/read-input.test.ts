/** A file a command cannot read stops it with exit 2 and a message naming the option; other errors are not hidden. */
import os from 'node:os';
import path from 'node:path';
import { readWorkbookGrids } from '../../src/adapters/xlsx/read-workbook';
import { CannotRun } from '../../src/cli/cli-kit';
import { readInput } from '../../src/cli/read-input';

describe('readInput', () => {
  it('turns an unreadable workbook into CannotRun, prefixed with the option', async () => {
    const missing = path.join(os.tmpdir(), 'election-clerk-no-such-file.xlsx');
    const error = await readInput(() => readWorkbookGrids(missing), '--register ').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CannotRun);
    expect((error as Error).message).toMatch(/^--register .*election-clerk-no-such-file\.xlsx/);
  });

  it('passes other errors through unchanged', async () => {
    const bug = new TypeError('a bug');
    await expect(readInput(() => Promise.reject(bug))).rejects.toBe(bug);
  });
});
