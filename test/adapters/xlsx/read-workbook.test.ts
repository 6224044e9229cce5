import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { CannotReadWorkbook, parseCsvText, readTableFile, readWorkbookGrids } from '../../../src/adapters/xlsx/read-workbook';

let dir: string;

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'ec-read-'));
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

async function writeRoll(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('第一选区');
  ws.getCell('A1').value = '某镇第一选区选民名单';
  ws.mergeCells('A1:F1');
  ws.getRow(3).values = ['序号', '姓名', '性别', '出生日期', '公民身份号码', '备注'];
  ws.getRow(4).values = [1, '张三', '男', new Date(Date.UTC(1990, 0, 2)), '11010519491231002X', { richText: [{ text: '新' }, { text: '增' }] }];
  ws.getRow(5).values = [2, '李四', '女', '1990.01.02', 110105194912310000, null];
  ws.getCell('D4').numFmt = 'yyyy-mm-dd';
  ws.getCell('A6').value = { formula: 'COUNTA(B4:B5)', result: 2 } as ExcelJS.CellFormulaValue;
  ws.getRow(5).hidden = true;
  wb.addWorksheet('第二选区').getCell('B2').value = '王五';
  await wb.xlsx.writeFile(file);
}

describe('readWorkbookGrids', () => {
  it('reads values, dates, rich text, formula results and formulas, merges and hidden rows', async () => {
    const file = path.join(dir, 'roll.xlsx');
    await writeRoll(file);
    const grids = await readWorkbookGrids(file);
    expect(grids.map((g) => g.sheet)).toEqual(['第一选区', '第二选区']);
    const g = grids[0];
    expect(g.workbook).toBe('roll.xlsx');
    expect(g.startRow).toBe(1);
    expect(g.rows[0][0]).toBe('某镇第一选区选民名单');
    expect(g.rows[0].slice(1).every((v) => v === null)).toBe(true); // merged cells are empty, as in Excel
    expect(g.rows[1]).toEqual([]);
    expect(g.rows[2]).toEqual(['序号', '姓名', '性别', '出生日期', '公民身份号码', '备注']);
    expect(g.rows[3][3]).toBeInstanceOf(Date);
    expect((g.rows[3][3] as Date).toISOString()).toBe('1990-01-02T00:00:00.000Z');
    expect(g.rows[3][4]).toBe('11010519491231002X');
    expect(g.rows[3][5]).toBe('新增');
    expect(g.rows[4][4]).toBe(110105194912310000);
    expect(g.rows[5][0]).toBe(2);
    expect(g.formulas?.[5][0]).toBe('=COUNTA(B4:B5)');
    expect(g.formulas?.[3][0]).toBeNull();
    expect(g.merges).toEqual([{ startRow: 1, startColumn: 1, endRow: 1, endColumn: 6 }]);
    expect(g.hiddenRows).toEqual([5]);
    expect(grids[1].rows).toEqual([[], [null, '王五']]);
  });

  it('gives the same values with the streaming reader', async () => {
    const file = path.join(dir, 'roll-stream.xlsx');
    await writeRoll(file);
    const full = await readWorkbookGrids(file, { streaming: false });
    const streamed = await readWorkbookGrids(file, { streaming: true });
    expect(streamed.map((g) => g.sheet)).toEqual(full.map((g) => g.sheet));
    expect(streamed).toEqual(full);
    // It is chosen automatically above the threshold.
    const auto = await readWorkbookGrids(file, { streamingThreshold: 10 });
    expect(auto).toEqual(full);
  });

  it('keeps Chinese text whole across compressed chunks when streaming (ExcelJS\'s own stream reader does not)', async () => {
    const file = path.join(dir, 'big.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('选民');
    const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
    const given = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂';
    for (let i = 0; i < 20000; i++) {
      ws.addRow([i + 1, surnames[i % 20] + given[(i * 7) % 25] + given[(i * 13) % 25], i % 3 ? '汉族' : '回族', `幸福村${i % 17}组${i}号`]);
    }
    await wb.xlsx.writeFile(file);
    const full = await readWorkbookGrids(file, { streaming: false });
    const streamed = await readWorkbookGrids(file, { streaming: true });
    expect(streamed[0].rows.length).toBe(20000);
    expect(streamed[0].rows).toEqual(full[0].rows);
    expect(streamed[0].rows.some((r) => r.some((v) => typeof v === 'string' && v.includes('\ufffd')))).toBe(false);
  });

  it('names the file and what to do when it cannot be read', async () => {
    const missing = path.join(dir, 'nope.xlsx');
    await expect(readWorkbookGrids(missing)).rejects.toThrow(CannotReadWorkbook);
    await expect(readWorkbookGrids(missing)).rejects.toThrow(/nope\.xlsx/);

    const text = path.join(dir, 'notes.xlsx');
    await fsp.writeFile(text, 'just some text');
    await expect(readWorkbookGrids(text)).rejects.toMatchObject({ reason: 'not-xlsx' });

    const ole = path.join(dir, 'locked.xlsx');
    const header = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
    Buffer.from('EncryptionInfo', 'utf16le').copy(header, 512);
    await fsp.writeFile(ole, header);
    const err = await readWorkbookGrids(ole).catch((e) => e);
    expect(err).toBeInstanceOf(CannotReadWorkbook);
    expect(err.reason).toBe('encrypted');
    expect(err.message).toMatch(/locked\.xlsx/);
    expect(err.message).toMatch(/密码/);

    const xls = path.join(dir, 'old.xls');
    await fsp.writeFile(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    await expect(readWorkbookGrids(xls)).rejects.toMatchObject({ reason: 'legacy-xls' });

    const broken = path.join(dir, 'broken.xlsx');
    await fsp.writeFile(broken, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]));
    await expect(readWorkbookGrids(broken)).rejects.toMatchObject({ reason: 'corrupt' });
  });
});

describe('readTableFile', () => {
  it('reads CSV with a BOM, quotes and CRLF; numbers become numbers but IDs stay text', async () => {
    const file = path.join(dir, 'districts.csv');
    await fsp.writeFile(file, '\ufeff选区,人口数,备注\r\n第一选区,1500,"含""新村"",二组"\r\n第二选区,2300,\r\n身份证,110105194912310021,\r\n');
    const [g] = await readTableFile(file);
    expect(g.sheet).toBe('districts');
    expect(g.rows).toEqual([
      ['选区', '人口数', '备注'],
      ['第一选区', 1500, '含"新村",二组'],
      ['第二选区', 2300, null],
      ['身份证', '110105194912310021', null],
    ]);
  });

  it('reads .xlsx through readWorkbookGrids', async () => {
    const file = path.join(dir, 'table.xlsx');
    await writeRoll(file);
    const grids = await readTableFile(file);
    expect(grids).toHaveLength(2);
  });

  it('parses quoted line breaks inside a field', () => {
    expect(parseCsvText('a,"b\nc"\n1,2')).toEqual([['a', 'b\nc'], ['1', '2']]);
  });
});
