import * as ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SheetFormat, writeWorkbook, writeWorkbookStreaming } from '../../../src/adapters/xlsx/write-workbook';
import { CellValue } from '../../../src/domain/workbook/sheet-grid';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'election-clerk-write-')); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

async function read(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

const format: SheetFormat = {
  name: '第一选区',
  merges: [{ startRow: 1, startColumn: 1, endRow: 1, endColumn: 3 }],
  columns: [{ width: 10 }, { width: 22, numFmt: '@' }, { width: 12, numFmt: 'yyyy-mm-dd' }],
  titleRow: 1,
  headerRow: 3,
};
const rows: CellValue[][] = [
  ['名单'],
  [],
  ['姓名', '公民身份号码', '出生日期'],
  ['王伟', '11010519491231002X', new Date(Date.UTC(1949, 11, 31))],
  [null, 110105194912310020, '1949.12.31'],
  ['=SUM(1)', '０１', null],
];

describe.each([
  ['in memory', (path: string) => writeWorkbook(path, [{ ...format, rows }, { name: '空表', rows: [] }])],
  ['streaming', (path: string) => writeWorkbookStreaming(path, [format, { name: '空表' }], rows.map((row) => ({ sheet: 0, row })))],
])('writeWorkbook %s', (_how, write) => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    const path = join(dir, `${_how}.xlsx`);
    await write(path);
    wb = await read(path);
  });

  it('writes the values where they belong, blank rows and empty cells included', () => {
    const ws = wb.getWorksheet('第一选区')!;
    expect(ws.getCell('A1').value).toBe('名单');
    expect(ws.getRow(2).actualCellCount).toBe(0);
    expect(ws.getCell('B4').value).toBe('11010519491231002X');
    expect((ws.getCell('C4').value as Date).toISOString()).toBe('1949-12-31T00:00:00.000Z');
    expect(ws.getCell('A5').value).toBeNull();
    expect(ws.getCell('B5').value).toBe(110105194912310020);
    expect(ws.getCell('C5').value).toBe('1949.12.31');
    // Text that looks like a formula stays text.
    expect(ws.getCell('A6').value).toBe('=SUM(1)');
    expect(ws.getCell('B6').value).toBe('０１');
  });

  it('merges the title, makes title and headers bold, and formats the columns', () => {
    const ws = wb.getWorksheet('第一选区')!;
    expect(ws.model.merges).toEqual(['A1:C1']);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('B3').font?.bold).toBe(true);
    expect(ws.getCell('B4').numFmt).toBe('@');
    expect(ws.getCell('C4').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('B5').numFmt ?? 'General').toBe('General');
    expect(ws.getColumn(2).width).toBe(22);
  });

  it('creates sheets that have no rows', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['第一选区', '空表']);
  });
});

describe('writeWorkbookStreaming', () => {
  it('refuses rows that go back to an earlier sheet', async () => {
    const out = [{ sheet: 1, row: ['b'] }, { sheet: 0, row: ['a'] }];
    await expect(writeWorkbookStreaming(join(dir, 'order.xlsx'), [{ name: 'A' }, { name: 'B' }], out)).rejects.toThrow(/out of order/);
  });

  it('creates the sheets before and after the ones that have rows', async () => {
    const path = join(dir, 'gaps.xlsx');
    await writeWorkbookStreaming(path, [{ name: 'A' }, { name: 'B' }, { name: 'C' }], [{ sheet: 1, row: ['b'] }]);
    const wb = await read(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['A', 'B', 'C']);
    expect(wb.getWorksheet('B')!.getCell('A1').value).toBe('b');
  });
});
