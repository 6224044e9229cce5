/**
 * readSheet's `formulas` option: grid.formulas has the formula text where a cell has one and null elsewhere, in
 * the grid's shape, also when the sheet is read in several blocks; literal text that looks like a formula is not
 * one; without the option no formulas are loaded.
 */
import { readSheet } from '../../../src/adapters/office';
import { FakeExcel } from '../../../src/fake-excel';

function book() {
  const rows: (string | number | null)[][] = [['选区', '人口数', '选民数']];
  for (let i = 1; i <= 40; i++) rows.push([`第${i}选区`, i * 100, i * 70]);
  rows.push(['合计']);
  return FakeExcel.fromJSON({
    sheets: [{
      name: '表', rows,
      cells: { B42: { formula: '=SUM(B2:B41)' }, C42: { formula: '=SUM(C2:C41)' }, C5: { formula: '=B5*0.7' }, A3: { quoted: true } },
    }],
  });
}

test('formulas come back beside the values, null where a cell has none', async () => {
  const fake = book();
  const grid = await fake.run((context) => readSheet(context, '表', { formulas: true }));
  expect(grid.formulas).toHaveLength(grid.rows.length);
  const f = (row: number, column: number) => grid.formulas![row - grid.startRow][column - grid.startColumn];
  expect(f(42, 2)).toBe('=SUM(B2:B41)');
  expect(f(42, 3)).toBe('=SUM(C2:C41)');
  expect(f(5, 3)).toBe('=B5*0.7');
  // Every other cell: no formula (a quoted text cell included).
  let count = 0;
  grid.formulas!.forEach((r) => r.forEach((v) => { if (v !== null) count += 1; }));
  expect(count).toBe(3);
  expect(f(3, 1)).toBeNull();
  // Values as without the option: the formulas' results.
  expect(grid.rows[41][1]).toBe((40 * 41 / 2) * 100);
});

test('several blocks: the formulas stay aligned with their rows', async () => {
  const fake = book();
  const grid = await fake.run((context) => readSheet(context, '表', { formulas: true, sampleRows: 3, responseBudget: 400 }));
  expect(fake.roundTrips).toBeGreaterThan(3);
  expect(grid.formulas).toHaveLength(grid.rows.length);
  expect(grid.formulas![41][1]).toBe('=SUM(B2:B41)');
  expect(grid.formulas![4][2]).toBe('=B5*0.7');
  expect(grid.rows[4][0]).toBe('第4选区');
});

test('without the option no formulas are loaded', async () => {
  const grid = await book().run((context) => readSheet(context, '表'));
  expect(grid.formulas).toBeUndefined();
});
