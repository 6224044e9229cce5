/** The guards' messages: empty workbook, too wide, protected, hidden, filtered, tables, hidden rows, merges. */
import { AdapterError, assertNotEmpty, assertReadable, checkGrid, checkSheet, checkWorkbook, MAX_ROLL_COLUMNS } from '../../../src/adapters/office';
import type { SheetSummary } from '../../../src/adapters/office';

function summary(partial: Partial<SheetSummary>): SheetSummary {
  return { name: 'S', position: 0, visibility: 'Visible', protected: false, startRow: 1, startColumn: 1, rowCount: 10, columnCount: 10, tables: [], filtered: false, ...partial };
}

test('an empty workbook is an error; refusing says what to do', () => {
  const sheets = [summary({ rowCount: 0, columnCount: 0 }), summary({ name: 'T', rowCount: 0, columnCount: 0 })];
  expect(checkWorkbook(sheets).map((p) => p.code)).toEqual(['EMPTY_WORKBOOK', 'EMPTY_SHEET', 'EMPTY_SHEET']);
  expect(() => assertNotEmpty(sheets)).toThrow(AdapterError);
  expect(() => assertNotEmpty([summary({})])).not.toThrow();
});

test('a plain sheet has no problems', () => {
  expect(checkSheet(summary({}))).toEqual([]);
});

test('too wide is an error naming the last column; protected, hidden, filtered, tables are noted', () => {
  const wide = summary({ columnCount: MAX_ROLL_COLUMNS + 1 });
  const problems = checkSheet(wide);
  expect(problems.map((p) => [p.code, p.severity])).toEqual([['SHEET_TOO_WIDE', 'error']]);
  // Column 257 is IW.
  expect(problems[0].message.zh).toContain('IW');
  expect(() => assertReadable(wide)).toThrow(AdapterError);
  const noted = checkSheet(summary({ protected: true, visibility: 'Hidden', filtered: true, tables: ['表1'] }));
  expect(noted.map((p) => [p.code, p.severity])).toEqual([
    ['SHEET_PROTECTED', 'warning'], ['SHEET_HIDDEN', 'info'], ['SHEET_FILTERED', 'warning'], ['SHEET_HAS_TABLES', 'info'],
  ]);
  for (const p of noted) {
    expect(p.message.zh).toContain('“S”');
    expect(p.message.en).toContain('"S"');
  }
});

test('hidden rows and merges spanning rows, after reading', () => {
  const problems = checkGrid({
    workbook: 'w', sheet: 'S', startRow: 1, startColumn: 1, rows: [],
    hiddenRows: [5, 6, 9], merges: [{ startRow: 1, startColumn: 1, endRow: 1, endColumn: 5 }, { startRow: 7, startColumn: 2, endRow: 8, endColumn: 2 }],
  });
  expect(problems.map((p) => p.code)).toEqual(['HIDDEN_ROWS', 'MERGED_CELLS']);
  expect(problems[0].message.zh).toContain('3 行');
  expect(problems[0].message.zh).toContain('5, 6, 9');
  expect(problems[1].message.en).toContain('B7:B8');
});
