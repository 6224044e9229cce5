/** Clicking a finding: its sheet becomes active and its cell (or row) selected. */
import { FakeExcel } from '../../../src/fake-excel';
import { AdapterError, selectCell } from '../../../src/adapters/office';

function workbook(): FakeExcel {
  return FakeExcel.fromJSON({ sheets: [{ name: '第一选区' }, { name: '第二选区' }, { name: '隐藏', visibility: 'Hidden' }] });
}

test('activates the sheet and selects the cell', async () => {
  const fake = workbook();
  await fake.run((context) => selectCell(context, { sheet: '第二选区', row: 57, column: 'F' }));
  expect(fake.selection()).toEqual({ sheet: '第二选区', address: 'F57' });
  expect(fake.roundTrips).toBe(1);
});

test('a finding about a whole row selects the row', async () => {
  const fake = workbook();
  await fake.run((context) => selectCell(context, { sheet: '第一选区', row: 9 }));
  expect(fake.selection()).toEqual({ sheet: '第一选区', address: '9:9' });
});

test('a deleted or hidden sheet gives a message saying what to do', async () => {
  const fake = workbook();
  const missing = await fake.run((context) => selectCell(context, { sheet: '没有', row: 1, column: 'A' })).catch((e: unknown) => e);
  expect((missing as AdapterError).clerkMessage.zh).toContain('找不到工作表“没有”');
  const hidden = await fake.run((context) => selectCell(context, { sheet: '隐藏', row: 1, column: 'A' })).catch((e: unknown) => e);
  expect((hidden as AdapterError).clerkMessage.zh).toContain('取消隐藏');
  expect(fake.selection()?.sheet).toBe('第一选区');
});
