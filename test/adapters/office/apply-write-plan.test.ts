/**
 * Applying a WritePlan all or nothing: values land as planned (text stays text), a failure at the 2nd round trip
 * of writing leaves the workbook exactly as before, undo restores exactly and leaves later edits alone.
 */
import { FakeExcel, FakeWorkbookJSON } from '../../../src/fake-excel';
import { CellWrite, WritePlan } from '../../../src/domain/workbook/cell-writes';
import { AdapterError, applyWritePlan, restoreInput, undoWritePlan } from '../../../src/adapters/office';

function template(): FakeWorkbookJSON {
  return {
    sheets: [{
      name: '统计表',
      rows: [
        ['选民登记情况统计表'],
        ['选区', '人口数', '登记选民数', '备注'],
        ['第一选区', 1200, null, '手填'],
        ['第二选区', null, 15, "+86"],
        ['合计', null, null, null],
      ],
      cells: {
        B5: { formula: '=SUM(B3:B4)' },
        C3: { numberFormat: '#,##0', fill: '#FFF2CC' },
        D4: { quoted: true },
        D3: { numberFormat: '@' },
      },
      merges: ['A1:D1'],
    }],
  };
}

function w(sheet: string, row: number, column: number, value: CellWrite['value']): CellWrite {
  return { sheet, row, column, value, previous: null };
}

const plan: WritePlan = {
  writes: [
    w('统计表', 3, 3, 980),
    w('统计表', 4, 2, 1500),
    w('统计表', 4, 3, 1100),
    w('统计表', 4, 4, '=不是公式'),
    w('统计表', 3, 4, null),
    w('代表名额分配', 1, 1, '选区'),
    w('代表名额分配', 2, 1, '第一选区'),
    w('代表名额分配', 2, 2, 3),
    w('代表名额分配', 3, 1, '-1'),
  ],
  newSheets: ['代表名额分配'],
};

test('applies values, numbers and new sheets; text that looks like a formula or number stays text', async () => {
  const fake = FakeExcel.fromJSON(template());
  const applied = await fake.run((context) => applyWritePlan(context, plan));
  expect(fake.cellView('统计表', 3, 3)).toMatchObject({ value: 980, numberFormat: '#,##0', fill: '#FFF2CC' });
  expect(fake.cellView('统计表', 4, 2).value).toBe(1500);
  expect(fake.cellView('统计表', 4, 4)).toMatchObject({ value: '=不是公式' });
  expect(fake.cellView('统计表', 4, 4).formula).toBeUndefined();
  expect(fake.cellView('统计表', 3, 4).value).toBe('');
  expect(fake.cellView('代表名额分配', 3, 1).value).toBe('-1');
  // Untouched: the formula total and the title.
  expect(fake.cellView('统计表', 5, 2).formula).toBe('=SUM(B3:B4)');
  expect(fake.cellView('统计表', 1, 1).value).toBe('选民登记情况统计表');
  expect(applied.createdSheets).toEqual(['代表名额分配']);
  expect(applied.cells).toHaveLength(5);
});

test('formulas are written as formulas only when allowed', async () => {
  const fake = FakeExcel.fromJSON(template());
  await fake.run((context) => applyWritePlan(context, { writes: [w('统计表', 5, 3, '=SUM(C3:C4)')], newSheets: [] }, { allowFormulas: true }));
  expect(fake.cellView('统计表', 5, 3)).toMatchObject({ formula: '=SUM(C3:C4)', value: 15 });
});

test.each([[3, 1], [3, 2], [4, 0], [4, 1], [5, 1]])('a failure at sync %i (after %i command(s)) leaves the workbook exactly as it was', async (atSync, afterCommands) => {
  const fake = FakeExcel.fromJSON(template());
  const before = fake.toJSON();
  // Sync 1 checks the sheets, sync 2 reads the old contents, syncs 3+ write (the new sheet, then 1 block each here).
  fake.injectFailure({ atSync, afterCommands });
  const error = await fake.run((context) => applyWritePlan(context, plan, { maxBytesPerSync: 60 })).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AdapterError);
  expect((error as AdapterError).clerkMessage.zh).toContain('已撤销');
  expect(fake.syncLog.filter((s) => s.failed)).toHaveLength(1);
  expect(fake.syncLog.length).toBeGreaterThan(atSync);
  expect(fake.toJSON()).toEqual(before);
});

test('undo restores every cell exactly (values, text, formats) and deletes the new sheets', async () => {
  const fake = FakeExcel.fromJSON(template());
  const before = fake.toJSON();
  const applied = await fake.run((context) => applyWritePlan(context, plan));
  const report = await fake.run((context) => undoWritePlan(context, applied));
  expect(report).toMatchObject({ restored: 5, deletedSheets: ['代表名额分配'], keptEdited: [] });
  expect(fake.toJSON()).toEqual(before);
});

test('undo leaves alone a cell the clerk changed after the write, and says which', async () => {
  const fake = FakeExcel.fromJSON(template());
  const applied = await fake.run((context) => applyWritePlan(context, plan));
  await fake.run(async (context) => {
    context.workbook.worksheets.getItem('统计表').getRange('B4').values = [[1600]];
    await context.sync();
  });
  const report = await fake.run((context) => undoWritePlan(context, applied));
  expect(report.keptEdited).toEqual([{ sheet: '统计表', row: 4, column: 2 }]);
  expect(fake.cellView('统计表', 4, 2).value).toBe(1600);
  expect(fake.cellView('统计表', 3, 3).value).toBe('');
});

test('refuses, writing nothing: a protected sheet, a missing sheet, a new sheet whose name is taken', async () => {
  const locked = template();
  locked.sheets[0].protected = true;
  for (const [json, p, code] of [
    [locked, plan, 'AccessDenied'],
    [template(), { writes: [w('不存在', 1, 1, 1)], newSheets: [] }, 'ItemNotFound'],
    [template(), { writes: [w('统计表', 1, 1, 'x')], newSheets: ['统计表'] }, 'ItemAlreadyExists'],
  ] as [FakeWorkbookJSON, WritePlan, string][]) {
    const fake = FakeExcel.fromJSON(json);
    const before = fake.toJSON();
    const error = await fake.run((context) => applyWritePlan(context, p)).catch((e: unknown) => e);
    expect((error as AdapterError).code).toBe(code);
    expect((error as AdapterError).clerkMessage.zh).toMatch(/没有写入任何内容/);
    expect(fake.toJSON()).toEqual(before);
  }
});

test('restoreInput: formula, literal text, number, empty', () => {
  expect(restoreInput({ value: 3, formula: '=SUM(A1:A2)', numberFormat: 'General' })).toBe('=SUM(A1:A2)');
  expect(restoreInput({ value: '=x', formula: '=x', numberFormat: 'General' })).toBe("'=x");
  expect(restoreInput({ value: '123', formula: '123', numberFormat: 'General' })).toBe("'123");
  expect(restoreInput({ value: 'abc', formula: 'abc', numberFormat: 'General' })).toBe('abc');
  expect(restoreInput({ value: 7, formula: 7, numberFormat: 'General' })).toBe(7);
  expect(restoreInput({ value: '', formula: '', numberFormat: 'General' })).toBe('');
});
