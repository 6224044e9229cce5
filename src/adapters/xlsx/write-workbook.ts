/**
 * Writes sheets of cell values to an .xlsx file with ExcelJS: in memory for ordinary sizes, or with ExcelJS's
 * streaming WorkbookWriter for big ones (a million rows), which never holds the whole sheet in memory.
 * Supports what rolls need: merged title cells, bold title and header rows, column widths, text columns
 * (ID numbers stay text) and date columns.
 */
import * as ExcelJS from 'exceljs';
import { CellValue, MergedArea } from '../../domain/workbook/sheet-grid';

export interface ColumnFormat {
  width?: number;
  /** Excel number format for the column, e.g. "@" (text) or "yyyy-mm-dd". */
  numFmt?: string;
}

/** How a sheet looks, apart from its rows. */
export interface SheetFormat {
  name: string;
  merges?: MergedArea[];
  columns?: ColumnFormat[];
  /** Excel row of a title (bold, 14 pt, centred) and of the header row (bold). */
  titleRow?: number;
  headerRow?: number;
}

export interface SheetToWrite extends SheetFormat {
  /** Rows from Excel row 1, column A; an empty array is a blank row, null an empty cell. */
  rows: Iterable<CellValue[]>;
}

type AnySheet = ExcelJS.Worksheet;

function setColumns(ws: AnySheet, columns: ColumnFormat[] | undefined): void {
  if (!columns) return;
  ws.columns = columns.map((c) => ({ width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
}

function fillRow(row: ExcelJS.Row, values: CellValue[], format: SheetFormat, rowNumber: number): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    const cell = row.getCell(i + 1);
    cell.value = v;
    // A number in a text column (an ID typed as a number) keeps Excel's General format, as when it was typed.
    if (typeof v === 'number' && format.columns?.[i]?.numFmt === '@') cell.numFmt = 'General';
  }
  if (rowNumber === format.titleRow) {
    const cell = row.getCell(1);
    cell.font = { bold: true, size: 14 };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    row.height = 24;
  } else if (rowNumber === format.headerRow) {
    row.font = { bold: true };
    row.eachCell((cell) => { cell.font = { bold: true }; });
  }
}

function merge(ws: AnySheet, merges: MergedArea[] | undefined): void {
  for (const m of merges ?? []) ws.mergeCells(m.startRow, m.startColumn, m.endRow, m.endColumn);
}

/** Builds the workbook in memory (fine up to some tens of thousands of rows), then writes it. */
export async function writeWorkbook(path: string, sheets: SheetToWrite[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    setColumns(ws, sheet.columns);
    let n = 0;
    for (const values of sheet.rows) {
      n++;
      fillRow(ws.getRow(n), values, sheet, n);
    }
    merge(ws, sheet.merges);
  }
  await wb.xlsx.writeFile(path);
}

/**
 * Streams rows to the file as they come: `rows` gives each row with the index of its sheet in `sheets`, in
 * file order (all of sheet 0, then all of sheet 1, …). Memory stays flat whatever the number of rows.
 */
export async function writeWorkbookStreaming(
  path: string,
  sheets: SheetFormat[],
  rows: Iterable<{ sheet: number; row: CellValue[] }>,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  let current = -1;
  let ws: AnySheet | null = null;
  let n = 0;
  let sinceYield = 0;
  const open = (index: number) => {
    if (ws) ws.commit();
    for (let i = current + 1; i < index; i++) {
      const empty = wb.addWorksheet(sheets[i].name);
      setColumns(empty, sheets[i].columns);
      empty.commit();
    }
    current = index;
    ws = wb.addWorksheet(sheets[index].name);
    setColumns(ws, sheets[index].columns);
    merge(ws, sheets[index].merges);
    n = 0;
  };
  for (const { sheet, row } of rows) {
    if (sheet !== current) {
      if (sheet < current || sheet >= sheets.length) throw new Error(`rows for sheet ${sheet} arrived out of order`);
      open(sheet);
    }
    n++;
    const r = (ws as unknown as AnySheet).getRow(n);
    fillRow(r, row, sheets[current], n);
    r.commit();
    // Let the zip stream drain now and then, so a million rows do not pile up in memory.
    if (++sinceYield >= 100) {
      sinceYield = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (ws) (ws as AnySheet).commit();
  for (let i = current + 1; i < sheets.length; i++) wb.addWorksheet(sheets[i].name).commit();
  await wb.commit();
}
