import * as ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSample, WrittenSample } from '../../../src/adapters/xlsx/write-sample';
import { analyzeId } from '../../../src/domain/id/resident-id';
import { generateSample, Sample, SampleWorkbook } from '../../../src/domain/sample/sample-roll';
import { CellValue } from '../../../src/domain/workbook/sheet-grid';

async function read(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** A cell as written: merged cells other than the top-left one count as empty, as in Excel. */
function value(ws: ExcelJS.Worksheet, row: number, column: number): CellValue {
  const cell = ws.getCell(row, column);
  if (cell.isMerged && cell.master.address !== cell.address) return null;
  const v = cell.value;
  return v === undefined ? null : (v as CellValue);
}

/** Every cell of every sheet of the file holds what the generator produced, nothing more. */
function expectSameCells(wb: ExcelJS.Workbook, book: SampleWorkbook): void {
  expect(wb.worksheets.map((ws) => ws.name)).toEqual(book.sheets.map((s) => s.name));
  for (const sheet of book.sheets) {
    const ws = wb.getWorksheet(sheet.name)!;
    const width = Math.max(...sheet.rows.map((r) => r.length), ws.columnCount);
    expect(ws.rowCount).toBe(sheet.rows.length);
    const mismatches: string[] = [];
    sheet.rows.forEach((expected, i) => {
      for (let c = 0; c < width; c++) {
        const want = expected[c] ?? null;
        const got = value(ws, i + 1, c + 1);
        const same = want instanceof Date ? got instanceof Date && got.getTime() === want.getTime() : got === want;
        if (!same) mismatches.push(`${sheet.name} R${i + 1}C${c + 1}: ${String(got)} != ${String(want)}`);
      }
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
  }
}

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'election-clerk-sample-')); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

describe('writeSample, in memory (500 rows, one sheet per district)', () => {
  let written: WrittenSample;
  let sample: Sample;
  let roll: ExcelJS.Workbook;
  beforeAll(async () => {
    written = await writeSample(join(dir, 'small'), { rows: 500 });
    sample = generateSample({ rows: 500 });
    roll = await read(written.files.roll);
  });

  it('writes the four workbooks and the truth, without streaming', () => {
    expect(written.streamed).toBe(false);
    expect(Object.values(written.files).map((f) => f.replace(`${join(dir, 'small')}/`, ''))).toEqual([
      'sample-roll.xlsx', 'sample-register.xlsx', 'sample-districts.xlsx', 'sample-exclusions.xlsx', 'sample-truth.json',
    ]);
    expect(written.rollSheets).toEqual(sample.roll.sheets.map((s) => ({ name: s.name, dataRows: s.rows.length - 4 })));
  });

  it('round-trips every cell of every workbook through ExcelJS', async () => {
    expectSameCells(roll, sample.roll);
    expectSameCells(await read(written.files.register), sample.register);
    expectSameCells(await read(written.files.districts), sample.districts);
    expectSameCells(await read(written.files.exclusions), sample.exclusions);
  });

  it('writes the ground truth as JSON beside the workbooks', () => {
    const truth = JSON.parse(readFileSync(written.files.truth, 'utf8'));
    expect(truth).toEqual(JSON.parse(JSON.stringify(sample.truth)));
    expect(truth.defects.length).toBeGreaterThan(20);
  });

  it('keeps the title merged and bold, the headers on row 3, and IDs as text', () => {
    for (const ws of roll.worksheets) {
      expect(ws.model.merges).toEqual(['A1:I1']);
      expect(String(ws.getCell('A1').value)).toMatch(/^桃源县清溪镇第.+选区选民名单$/);
      expect(ws.getCell('A1').font?.bold).toBe(true);
      expect(ws.getRow(2).actualCellCount).toBe(0);
      expect(ws.getCell('F3').value).toBe('公民身份号码');
      expect(ws.getCell('F4').numFmt).toBe('@');
      expect(ws.getCell('F4').type).toBe(ExcelJS.ValueType.String);
      expect(String(ws.getCell(ws.rowCount, 1).value)).toBe(`合计：${ws.rowCount - 4}人`);
    }
  });

  it('holds the planted value at every truth location', () => {
    const truth = sample.truth;
    for (const d of truth.defects.filter((x) => x.file === 'sample-roll.xlsx')) {
      const ws = roll.getWorksheet(d.sheet)!;
      const id = ws.getCell(d.row, 6);
      switch (d.code) {
        case 'ID_PRECISION_LOST':
          expect(typeof id.value).toBe('number');
          expect(Number.isSafeInteger(id.value)).toBe(false);
          expect(id.numFmt === undefined || id.numFmt === 'General').toBe(true);
          break;
        case 'ID_FULLWIDTH':
          expect(String(id.value)).toMatch(/^[０-９]{17}[０-９Ｘ]$/);
          break;
        case 'ID_LOWERCASE_X':
          expect(String(id.value)).toMatch(/^\d{17}x$/);
          break;
        case 'REQUIRED_MISSING':
          expect(ws.getCell(`${d.column}${d.row}`).value ?? null).toBeNull();
          break;
        case 'ID_CHECKSUM':
          expect(analyzeId(id.value).problems.map((p) => p.code)).toContain('ID_CHECKSUM');
          break;
        case 'SEX_MISMATCH':
          expect(ws.getCell(`C${d.row}`).value).toBe('女');
          expect(analyzeId(id.value).sex).toBe('male');
          break;
        case 'DUPLICATE_ID': {
          const other = roll.getWorksheet(d.related![0].sheet)!.getCell(d.related![0].row, 6).value;
          expect(other).toBe(id.value);
          break;
        }
        default:
          expect(ws.getCell(d.row, 2).value === null || typeof ws.getCell(d.row, 2).value === 'string').toBe(true);
      }
    }
  });
});

describe('writeSample, streamed (single sheet)', () => {
  it('writes the same cells with the streaming writer, merged title included', async () => {
    const written = await writeSample(join(dir, 'streamed'), { rows: 3000, layout: 'single-sheet', seed: 5 }, { streaming: true });
    expect(written.streamed).toBe(true);
    const sample = generateSample({ rows: 3000, layout: 'single-sheet', seed: 5 });
    const wb = await read(written.files.roll);
    expectSameCells(wb, sample.roll);
    const ws = wb.worksheets[0];
    expect(ws.model.merges).toEqual(['A1:J1']);
    expect(ws.getCell('G4').numFmt).toBe('@');
    expect(ws.getCell('C3').value).toBe('选区');
    expect(JSON.parse(readFileSync(written.files.truth, 'utf8'))).toEqual(JSON.parse(JSON.stringify(sample.truth)));
  });

  it('streams one sheet per district in order', async () => {
    const written = await writeSample(join(dir, 'streamed-districts'), { rows: 1200, districts: 4, seed: 11 }, { streaming: true });
    const sample = generateSample({ rows: 1200, districts: 4, seed: 11 });
    expectSameCells(await read(written.files.roll), sample.roll);
  });
});
