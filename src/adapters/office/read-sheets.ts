/**
 * Reading the open workbook: list its sheets (name, used range, visibility, protection, tables, filter) and read
 * a sheet's used range into a SheetGrid for the engine. Big sheets are read in row blocks sized from a first
 * sample so that no response exceeds ~4 MB (Excel on the web refuses 5 MB) and no single read exceeds 5,000,000
 * cells; every block of one round trip is queued before its single sync. Number formats are loaded only for the
 * columns whose sample shows dates, and such serial numbers become Dates (UTC midnight), as from an .xlsx file.
 */
import { CellValue, MergedArea, SheetGrid } from '../../domain/workbook/sheet-grid';
import { AdapterError, excelCode, throwIfAborted } from './adapter-error';
import { parseAreaAddresses } from './ranges';
import { checkSheet, MAX_ROLL_COLUMNS } from './guards';
import { isDateFormat, serialToUtcDate } from './number-formats';

export interface SheetSummary {
  name: string;
  /** 0-based tab position. */
  position: number;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  /** The used range (cells with values), 1-based; rowCount/columnCount 0 for a blank sheet. */
  startRow: number;
  startColumn: number;
  rowCount: number;
  columnCount: number;
  /** Names of the tables (ListObjects) on the sheet. */
  tables: string[];
  /** An auto filter hides rows. */
  filtered: boolean;
}

/** Lists every sheet with its used range; two round trips. */
export async function listSheets(context: Excel.RequestContext): Promise<SheetSummary[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/position,items/visibility,items/protection/protected');
  await context.sync();
  const probes = sheets.items.map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    const tables = sheet.tables;
    tables.load('items/name');
    const filter = sheet.autoFilter;
    filter.load('isDataFiltered');
    return { sheet, used, tables, filter };
  });
  await context.sync();
  return probes.map(({ sheet, used, tables, filter }) => ({
    name: sheet.name,
    position: sheet.position,
    visibility: sheet.visibility as SheetSummary['visibility'],
    protected: sheet.protection.protected,
    startRow: used.isNullObject ? 1 : used.rowIndex + 1,
    startColumn: used.isNullObject ? 1 : used.columnIndex + 1,
    rowCount: used.isNullObject ? 0 : used.rowCount,
    columnCount: used.isNullObject ? 0 : used.columnCount,
    tables: tables.items.map((t) => t.name),
    filtered: !!filter.isDataFiltered,
  }));
}

export interface ReadSheetOptions {
  /** SheetGrid.workbook: the workbook's name. */
  workbook?: string;
  /** The sheet's summary from listSheets (saves the round trip that finds the used range). */
  summary?: Pick<SheetSummary, 'startRow' | 'startColumn' | 'rowCount' | 'columnCount'>;
  /** Read only the first rows (detection, previews). */
  maxRows?: number;
  signal?: AbortSignal;
  /** Rows read so far, and rows in all. */
  onProgress?: (done: number, total: number) => void;
  /** Most bytes one response may carry (default 4,000,000: under Excel on the web's 5 MB). */
  responseBudget?: number;
  /** Most cells one read may cover (default 5,000,000). */
  cellsPerRead?: number;
  /** Rows of the first block, used to measure row size and find date columns (default up to 500). */
  sampleRows?: number;
  /**
   * Widest sheet read in full (default MAX_ROLL_COLUMNS): a wider one is refused with SHEET_TOO_WIDE. A preview
   * (maxRows) of a wider sheet reads its first maxColumns columns instead.
   */
  maxColumns?: number;
  /** Also load the formulas into `grid.formulas` (templates: a formula must never be overwritten). Default false. */
  formulas?: boolean;
}

export const DEFAULT_RESPONSE_BUDGET = 4_000_000;
export const DEFAULT_CELLS_PER_READ = 5_000_000;
const SAMPLE_CELLS = 20_000;

/** Bytes of a value as JSON in UTF-8 (how office.js ships it). */
export function jsonSize(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === 'string') {
    let n = 2;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      n += c < 0x80 ? (c < 0x20 || c === 0x22 || c === 0x5c ? 2 : 1) : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
    }
    return n;
  }
  if (typeof value === 'number') return String(value).length;
  if (typeof value === 'boolean') return value ? 4 : 5;
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + jsonSize(v) + 1, 1);
  return JSON.stringify(value).length;
}

function toCell(value: unknown, format: unknown, dateColumn: boolean): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (dateColumn && typeof value === 'number' && isDateFormat(format)) return serialToUtcDate(value) ?? value;
  return value as CellValue;
}

/** Reads a sheet's used range (values; date formats where needed; merges; hidden rows) into a SheetGrid. */
export async function readSheet(context: Excel.RequestContext, name: string, options: ReadSheetOptions = {}): Promise<SheetGrid> {
  const budget = options.responseBudget ?? DEFAULT_RESPONSE_BUDGET;
  const cellsPerRead = options.cellsPerRead ?? DEFAULT_CELLS_PER_READ;
  const sheet = context.workbook.worksheets.getItem(name);
  throwIfAborted(options.signal);

  let dims = options.summary;
  if (!dims) {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    try {
      await context.sync();
    } catch (error) {
      throw sheetError(name, error);
    }
    dims = used.isNullObject
      ? { startRow: 1, startColumn: 1, rowCount: 0, columnCount: 0 }
      : { startRow: used.rowIndex + 1, startColumn: used.columnIndex + 1, rowCount: used.rowCount, columnCount: used.columnCount };
  }
  const grid: SheetGrid = { workbook: options.workbook ?? '', sheet: name, startRow: dims.startRow, startColumn: dims.startColumn, rows: [] };
  const total = Math.min(dims.rowCount, options.maxRows ?? Infinity);
  const maxColumns = options.maxColumns ?? MAX_ROLL_COLUMNS;
  if (dims.columnCount > maxColumns && options.maxRows === undefined) {
    const tooWide = checkSheet({ name, position: 0, visibility: 'Visible', protected: false, tables: [], filtered: false, ...dims })
      .find((p) => p.code === 'SHEET_TOO_WIDE');
    throw new AdapterError(tooWide?.message ?? { zh: `工作表“${name}”太宽，不予读取。`, en: `The sheet "${name}" is too wide to read.` }, 'SHEET_TOO_WIDE');
  }
  const columns = Math.min(dims.columnCount, maxColumns);
  if (total <= 0 || columns <= 0) return grid;

  const r0 = dims.startRow - 1;
  const c0 = dims.startColumn - 1;
  const rowsPerRead = Math.max(1, Math.floor(cellsPerRead / columns));

  // First round trip: a sample block with number formats, the merged areas and the visible rows.
  const sampleCount = Math.min(total, options.sampleRows ?? Math.max(1, Math.min(500, Math.floor(SAMPLE_CELLS / columns))), rowsPerRead);
  const sample = sheet.getRangeByIndexes(r0, c0, sampleCount, columns);
  const withFormulas = options.formulas === true;
  sample.load(withFormulas ? 'values,numberFormat,formulas' : 'values,numberFormat');
  const whole = sheet.getRangeByIndexes(r0, c0, total, columns);
  const merged = whole.getMergedAreasOrNullObject();
  merged.load('address');
  const visible = whole.getSpecialCellsOrNullObject('Visible');
  visible.load('address');
  try {
    await context.sync();
  } catch (error) {
    throw sheetError(name, error);
  }

  const sampleValues = sample.values as unknown[][];
  const sampleFormats = sample.numberFormat as unknown[][];
  const dateColumns: number[] = [];
  for (let j = 0; j < columns; j++) {
    if (sampleValues.some((row, i) => typeof row[j] === 'number' && isDateFormat(sampleFormats[i][j]))) dateColumns.push(j);
  }
  const dateSet = new Set(dateColumns);
  for (let i = 0; i < sampleValues.length; i++) {
    grid.rows.push(sampleValues[i].map((v, j) => toCell(v, sampleFormats[i][j], dateSet.has(j))));
  }
  if (withFormulas) grid.formulas = (sample.formulas as unknown[][]).map(formulaRow);
  grid.merges = merged.isNullObject ? [] : parseAreaAddresses(merged.address).map<MergedArea>((r) => ({
    startRow: r.row0 + 1, startColumn: r.column0 + 1, endRow: r.row1 + 1, endColumn: r.column1 + 1,
  }));
  grid.hiddenRows = hiddenRowsOf(visible.isNullObject ? '' : visible.address, dims.startRow, total);
  options.onProgress?.(sampleCount, total);

  // Size the blocks from the sample: bytes per row of values plus the date columns' formats.
  const sampleBytes = jsonSize(sampleValues);
  const perRow = (sampleBytes / sampleCount) * (withFormulas ? 2 : 1) + dateColumns.length * 24 + 8;
  let rowsPerSync = Math.max(1, Math.floor(budget / (perRow * 1.25)));

  let next = sampleCount;
  while (next < total) {
    throwIfAborted(options.signal);
    const count = Math.min(rowsPerSync, total - next);
    const reads: { values: Excel.Range; formats: Excel.Range[]; start: number; count: number }[] = [];
    for (let start = next; start < next + count; start += rowsPerRead) {
      const n = Math.min(rowsPerRead, next + count - start);
      const values = sheet.getRangeByIndexes(r0 + start, c0, n, columns);
      values.load(withFormulas ? 'values,formulas' : 'values');
      const formats = dateColumns.map((j) => {
        const slice = sheet.getRangeByIndexes(r0 + start, c0 + j, n, 1);
        slice.load('numberFormat');
        return slice;
      });
      reads.push({ values, formats, start, count: n });
    }
    try {
      await context.sync();
    } catch (error) {
      if (excelCode(error) === 'ResponsePayloadSizeLimitExceeded' && rowsPerSync > 1) {
        rowsPerSync = Math.max(1, Math.floor(rowsPerSync / 2));
        continue;
      }
      throw sheetError(name, error);
    }
    for (const read of reads) {
      const values = read.values.values as unknown[][];
      const formats = read.formats.map((f) => f.numberFormat as unknown[][]);
      for (let i = 0; i < values.length; i++) {
        const row = values[i];
        const out: CellValue[] = new Array(row.length);
        for (let j = 0; j < row.length; j++) out[j] = row[j] === '' ? null : (row[j] as CellValue);
        dateColumns.forEach((j, k) => { out[j] = toCell(row[j], formats[k][i][0], true); });
        grid.rows.push(out);
      }
      if (withFormulas) grid.formulas!.push(...(read.values.formulas as unknown[][]).map(formulaRow));
    }
    next += count;
    options.onProgress?.(next, total);
  }
  return grid;
}

/** A row of `range.formulas` as SheetGrid.formulas: the formula text where a cell has one, null elsewhere. */
function formulaRow(row: unknown[]): (string | null)[] {
  return row.map((f) => (typeof f === 'string' && f.startsWith('=') ? f : null));
}

/** Excel row numbers of the rows of [firstRow, firstRow + count) not covered by the visible areas. */
export function hiddenRowsOf(visibleAddress: string, firstRow: number, count: number): number[] {
  const lastRow = firstRow + count - 1;
  const spans = visibleAddress ? parseAreaAddresses(visibleAddress).map((r) => [r.row0 + 1, r.row1 + 1] as const) : [];
  spans.sort((a, b) => a[0] - b[0]);
  const hidden: number[] = [];
  let row = firstRow;
  for (const [a, b] of spans) {
    for (; row < Math.min(a, lastRow + 1); row++) hidden.push(row);
    row = Math.max(row, b + 1);
  }
  for (; row <= lastRow; row++) hidden.push(row);
  return hidden;
}

function sheetError(name: string, error: unknown): AdapterError {
  const code = excelCode(error);
  if (code === 'ItemNotFound') {
    return new AdapterError({
      zh: `找不到工作表“${name}”：它可能已被改名或删除。请重新选择名单工作表。`,
      en: `The sheet "${name}" was not found: it may have been renamed or deleted. Choose the roll sheets again.`,
    }, code, error);
  }
  return new AdapterError({
    zh: `读取工作表“${name}”失败（${code ?? '未知错误'}）：${error instanceof Error ? error.message : String(error)}。请稍后重试。`,
    en: `Reading the sheet "${name}" failed (${code ?? 'unknown error'}): ${error instanceof Error ? error.message : String(error)}. Try again.`,
  }, code ?? 'ReadFailed', error);
}
