/**
 * The .xlsx bridge of the fake Excel: a workbook saved from the fake and loaded back is the same workbook (values,
 * dates as serials with their format, formulas, formats, merges, hidden rows, visibility, flags), and a file
 * written by ExcelJS loads with dates as serial numbers the way Excel holds them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { FakeExcel, FakeWorkbookJSON } from '../../../src/fake-excel';
import { loadFakeExcel, loadFakeWorkbookJSON, saveFakeExcel } from '../../../src/adapters/xlsx/fake-excel-files';
import { flagFindings } from '../../../src/adapters/office';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'fake-excel-files-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const source: FakeWorkbookJSON = {
  name: 'roll.xlsx',
  sheets: [
    {
      name: '第一选区',
      rows: [
        ['城关镇第一选区选民名单'],
        ['姓名', '出生日期', '身份证号', '人数'],
        ['张三', new Date(Date.UTC(1990, 0, 2)), '110101199001021234', 1],
        ['李四', new Date(Date.UTC(2008, 1, 29)), 110101200802291230, 2],
        ['合计', null, null, 3],
      ],
      cells: { A2: { bold: true, fill: '#D9D9D9' }, D5: { formula: '=SUM(D3:D4)' }, B3: { fontColor: '#FF0000' } },
      merges: ['A1:D1'],
      hiddenRows: [4],
    },
    { name: '隐藏表', rows: [['x']], visibility: 'Hidden' },
  ],
};

test('save then load gives back the same workbook', async () => {
  const fake = FakeExcel.fromJSON(source);
  const file = join(dir, 'roundtrip.xlsx');
  await saveFakeExcel(fake, file);
  const back = await loadFakeExcel(file);
  const a = fake.toJSON();
  const b = back.toJSON();
  expect(b.sheets.map((s) => s.name)).toEqual(['第一选区', '隐藏表']);
  expect(b.sheets[0].rows).toEqual(a.sheets[0].rows);
  expect(b.sheets[0].merges).toEqual(a.sheets[0].merges);
  expect(b.sheets[0].hiddenRows).toEqual([4]);
  expect(b.sheets[1].visibility).toBe('Hidden');
  expect(b.sheets[0].cells?.D5).toEqual({ formula: '=SUM(D3:D4)' });
  expect(b.sheets[0].cells?.A2).toEqual({ bold: true, fill: '#D9D9D9' });
  // 1990-01-02 is serial 32875; its cell keeps a date format.
  expect(back.cellView('第一选区', 3, 2)).toMatchObject({ value: 32875 });
  expect(back.cellView('第一选区', 3, 2).numberFormat).toMatch(/y/);
  expect(back.cellView('第一选区', 3, 3).value).toBe('110101199001021234');
});

test('flags survive a save: they are conditional formats with the marker', async () => {
  const fake = FakeExcel.fromJSON(source);
  await fake.run((context) => flagFindings(context, [
    { file: 'roll.xlsx', sheet: '第一选区', row: 3, column: 'C', code: 'X', severity: 'error', message: { zh: '', en: '' }, related: [] },
  ]));
  const file = join(dir, 'flagged.xlsx');
  await saveFakeExcel(fake, file);
  const json = await loadFakeWorkbookJSON(file);
  const cfs = json.sheets[0].conditionalFormats ?? [];
  expect(cfs).toHaveLength(1);
  expect(cfs[0]).toMatchObject({ type: 'Custom', address: 'C3' });
  expect(cfs[0].formula).toContain('ElectionClerk');
  const back = FakeExcel.fromJSON(json);
  expect(back.cellView('第一选区', 3, 3).conditionalFill).toBe('#FFC7CE');
});

test('a file written by ExcelJS (dates as Date) loads with serial dates, hyperlinks and rich text flattened', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  ws.getCell('A1').value = new Date(Date.UTC(1990, 0, 2));
  ws.getCell('B1').value = { richText: [{ text: '张' }, { text: '三' }] };
  ws.getCell('C1').value = { text: '打开', hyperlink: 'https://example.org/' };
  const file = join(dir, 'exceljs.xlsx');
  await wb.xlsx.writeFile(file);
  const fake = await loadFakeExcel(file);
  expect(fake.cellView('S', 1, 1).value).toBe(32875);
  expect(fake.cellView('S', 1, 2).value).toBe('张三');
  expect(fake.cellView('S', 1, 3).value).toBe('打开');
  expect(fake.toJSON().sheets[0].cells?.C1?.hyperlink).toEqual({ address: 'https://example.org/' });
});
