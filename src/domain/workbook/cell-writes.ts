/**
 * A plan of cell writes that the domain computes and an adapter applies (to a file or to the open workbook),
 * with what each cell held before, so that everything written can be undone exactly.
 */
import { CellValue } from './sheet-grid';

export interface CellWrite {
  sheet: string;
  /** Excel's 1-based row and column. */
  row: number;
  column: number;
  value: string | number | null;
  /** What the cell held before (value or formula text starting with "="), for undo. */
  previous: CellValue;
}

export interface WritePlan {
  writes: CellWrite[];
  /** Sheets the plan creates whole (undo deletes them). */
  newSheets: string[];
}

/** Text that Excel would read as a formula (= + - @) must be written as text: prefix it with an apostrophe. */
export function needsTextPrefix(value: unknown): boolean {
  return typeof value === 'string' && /^[=+\-@]/.test(value);
}
