/**
 * A worksheet as the domain core sees it: the cell values of its used range, and where they sit.
 * Both adapters produce this — the ExcelJS file adapter and the office.js adapter — so the engine never
 * knows where a roll came from.
 */
export type CellValue = string | number | boolean | Date | null;

/** A merged area, 1-based and inclusive, in Excel's row and column numbers. */
export interface MergedArea {
  startRow: number;
  startColumn: number;
  endRow: number;
  endColumn: number;
}

export interface SheetGrid {
  /** The workbook's file name (CLI) or title (add-in). */
  workbook: string;
  sheet: string;
  /** Excel's 1-based row number of rows[0]. */
  startRow: number;
  /** Excel's 1-based column number of each row's element 0. */
  startColumn: number;
  /**
   * Cell values. Dates arrive as Date (ExcelJS, at UTC midnight) or as serial numbers (office.js); IDs typed
   * as numbers arrive as numbers. Empty cells are null. Rows may be shorter than the widest row.
   */
  rows: CellValue[][];
  merges?: MergedArea[];
  /** Formulas by position (same shape as rows, null where a cell has none); present when the reader loaded them. */
  formulas?: (string | null)[][];
  /** Excel row numbers of hidden rows, when the reader knows them. */
  hiddenRows?: number[];
}

/** Column letters for a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let s = '';
  let n = column;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 1-based column number for column letters: A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A1-style address of a cell, e.g. ("第一选区", 5, 3) → "'第一选区'!C5". */
export function cellAddress(sheet: string, row: number, column: number): string {
  return `'${sheet.replace(/'/g, "''")}'!${columnLetter(column)}${row}`;
}
