/**
 * Listing sheets and reading one into a SheetGrid: values cell by cell, dates only where the number format says
 * date, data not starting at A1, hidden rows, merges, tables, maxRows, cancel, block sizes under the budget and
 * recovery when a block turns out bigger than the sample suggested.
 */
import { FakeExcel } from '../../../src/fake-excel';
import { AdapterError, hiddenRowsOf, listSheets, readSheet } from '../../../src/adapters/office';
import { rollRow, rollSheet } from './roll-fixture';

test('listSheets: names, positions, visibility, protection, used range, tables, filter', async () => {
  const fake = FakeExcel.fromJSON({
    sheets: [
      { name: '名单', rows: [['a', 'b'], [1, 2]], tables: [{ name: '选民表', address: 'A1:B2' }] },
      { name: '空表' },
      { name: '偏移', rows: [[1, 2, 3], [4, 5, 6]], startRow: 3, startColumn: 3, protected: true, visibility: 'Hidden' },
      { name: '筛选', rows: [['x'], [1], [2]], hiddenRows: [2], autoFilter: { enabled: true, filtered: true } },
    ],
  });
  const sheets = await fake.run((context) => listSheets(context));
  expect(fake.roundTrips).toBe(2);
  expect(sheets).toEqual([
    { name: '名单', position: 0, visibility: 'Visible', protected: false, startRow: 1, startColumn: 1, rowCount: 2, columnCount: 2, tables: ['选民表'], filtered: false },
    { name: '空表', position: 1, visibility: 'Visible', protected: false, startRow: 1, startColumn: 1, rowCount: 0, columnCount: 0, tables: [], filtered: false },
    { name: '偏移', position: 2, visibility: 'Hidden', protected: true, startRow: 3, startColumn: 3, rowCount: 2, columnCount: 3, tables: [], filtered: false },
    { name: '筛选', position: 3, visibility: 'Visible', protected: false, startRow: 1, startColumn: 1, rowCount: 3, columnCount: 1, tables: [], filtered: true },
  ]);
});

test('readSheet: values as written, "" → null, dates only in date-formatted cells, IDs typed as numbers stay numbers', async () => {
  const fake = FakeExcel.fromJSON({
    sheets: [{
      name: 'S',
      rows: [
        ['姓名', '出生日期', '身份证号', '人数'],
        ['张三', new Date(Date.UTC(1990, 0, 2)), 110101199001021230, 32874],
        ['李四', '1990.01.02', '11010119900102123X', null],
        ['王五', 32874, null, true],
      ],
      cells: { B4: { numberFormat: '0' }, C2: { numberFormat: '0' } },
    }],
  });
  const grid = await fake.run((context) => readSheet(context, 'S', { workbook: 'w.xlsx' }));
  expect(grid).toMatchObject({ workbook: 'w.xlsx', sheet: 'S', startRow: 1, startColumn: 1 });
  expect(grid.rows).toEqual([
    ['姓名', '出生日期', '身份证号', '人数'],
    // 32874 in a General column is a number; the same serial in a date-formatted cell is 1990-01-02.
    ['张三', new Date(Date.UTC(1990, 0, 2)), 110101199001021230, 32874],
    ['李四', '1990.01.02', '11010119900102123X', null],
    ['王五', 32874, null, true],
  ]);
});

test('readSheet: data that starts at C3, merges, hidden rows (Excel row numbers)', async () => {
  const fake = FakeExcel.fromJSON({
    sheets: [{
      name: 'S', startRow: 3, startColumn: 3,
      rows: [['第一选区选民名单', null], ['姓名', '性别'], ['甲', '男'], ['乙', '女'], ['丙', '男']],
      merges: ['C3:D3'], hiddenRows: [6, 7],
    }],
  });
  const grid = await fake.run((context) => readSheet(context, 'S'));
  expect([grid.startRow, grid.startColumn]).toEqual([3, 3]);
  expect(grid.rows[0]).toEqual(['第一选区选民名单', null]);
  expect(grid.rows[4]).toEqual(['丙', '男']);
  expect(grid.merges).toEqual([{ startRow: 3, startColumn: 3, endRow: 3, endColumn: 4 }]);
  expect(grid.hiddenRows).toEqual([6, 7]);
});

test('readSheet reads through tables like ordinary cells', async () => {
  const fake = FakeExcel.fromJSON({ sheets: [{ name: 'T', rows: [['姓名'], ['甲'], ['乙']], tables: [{ name: 'Table1', address: 'A1:A3' }] }] });
  const grid = await fake.run((context) => readSheet(context, 'T'));
  expect(grid.rows).toEqual([['姓名'], ['甲'], ['乙']]);
});

test('a blank sheet gives an empty grid in one round trip', async () => {
  const fake = FakeExcel.fromJSON({ sheets: [{ name: 'Blank' }] });
  const grid = await fake.run((context) => readSheet(context, 'Blank'));
  expect(grid.rows).toEqual([]);
  expect(fake.roundTrips).toBe(1);
});

test('a missing sheet gives a clear bilingual error naming it', async () => {
  const fake = FakeExcel.fromJSON({ sheets: [{ name: 'A' }] });
  const error = await fake.run((context) => readSheet(context, '第九选区')).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AdapterError);
  expect((error as AdapterError).code).toBe('ItemNotFound');
  expect((error as AdapterError).clerkMessage.zh).toContain('第九选区');
  expect((error as AdapterError).clerkMessage.en).toContain('第九选区');
});

test('blocks stay under the response budget; maxRows reads only the first rows', async () => {
  const fake = FakeExcel.fromJSON({ sheets: [rollSheet('R', 5000)] });
  const budget = 100_000;
  const grid = await fake.run((context) => readSheet(context, 'R', { responseBudget: budget, sampleRows: 100 }));
  expect(grid.rows).toHaveLength(5002);
  for (let i = 0; i < 5000; i += 101) expect(grid.rows[i + 2]).toEqual(rollRow(i));
  const blockSyncs = fake.syncLog.slice(2);
  expect(blockSyncs.length).toBeGreaterThan(5);
  for (const s of blockSyncs) expect(s.received).toBeLessThanOrEqual(budget);

  fake.resetCounters();
  const head = await fake.run((context) => readSheet(context, 'R', { maxRows: 30 }));
  expect(head.rows).toHaveLength(30);
  expect(fake.roundTrips).toBe(2);
});

test('a block much bigger than the sample is retried in halves instead of failing', async () => {
  const rows: (string | number)[][] = [['n', 'text']];
  for (let i = 0; i < 2000; i++) rows.push([i, i < 100 ? 'x' : '很长的备注'.repeat(200)]);
  const fake = FakeExcel.fromJSON({ sheets: [{ name: 'L', rows }] }, { payloadBytes: 1_000_000 });
  const grid = await fake.run((context) => readSheet(context, 'L', { sampleRows: 100, responseBudget: 900_000 }));
  expect(grid.rows).toHaveLength(2001);
  expect(grid.rows[2000]).toEqual([1999, '很长的备注'.repeat(200)]);
  expect(fake.syncLog.some((s) => s.failed === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
});

test('very wide sheets are read in several ranges so no read exceeds the cell limit', async () => {
  const wide = Array.from({ length: 50 }, (_, r) => Array.from({ length: 300 }, (_, c) => r * 1000 + c));
  const fake = FakeExcel.fromJSON({ sheets: [{ name: 'W', rows: wide }] }, { cellsPerRead: 3000 });
  const grid = await fake.run((context) => readSheet(context, 'W', { cellsPerRead: 3000, maxColumns: 300 }));
  expect(grid.rows).toEqual(wide);
});

test('a sheet wider than a roll is refused in full reads and clipped in previews', async () => {
  const wide = Array.from({ length: 5 }, (_, r) => Array.from({ length: 300 }, (_, c) => r * 1000 + c));
  const fake = FakeExcel.fromJSON({ sheets: [{ name: 'W', rows: wide }] });
  const error = await fake.run((context) => readSheet(context, 'W')).catch((e: unknown) => e);
  expect((error as AdapterError).code).toBe('SHEET_TOO_WIDE');
  expect((error as AdapterError).clerkMessage.zh).toContain('300 列');
  const preview = await fake.run((context) => readSheet(context, 'W', { maxRows: 3 }));
  expect(preview.rows).toEqual(wide.slice(0, 3).map((row) => row.slice(0, 256)));
});

test('cancel stops between blocks', async () => {
  const fake = FakeExcel.fromJSON({ sheets: [rollSheet('R', 3000)] });
  const controller = new AbortController();
  const error = await fake.run((context) => readSheet(context, 'R', {
    responseBudget: 50_000, sampleRows: 50, signal: controller.signal,
    onProgress: (done) => { if (done > 500) controller.abort(); },
  })).catch((e: unknown) => e);
  expect((error as Error).name).toBe('AbortError');
  expect(fake.roundTrips).toBeLessThan(10);
});

test('hiddenRowsOf: rows of the block not in any visible area', () => {
  expect(hiddenRowsOf('S!A1:C2,S!A5:C5', 1, 6)).toEqual([3, 4, 6]);
  expect(hiddenRowsOf('', 10, 3)).toEqual([10, 11, 12]);
  expect(hiddenRowsOf("'My s,heet'!A10:B12", 10, 3)).toEqual([]);
});
