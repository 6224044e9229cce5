/**
 * Reads the data rows of a laid-out sheet into RollRecords: the normalised values a check needs, plus where each
 * came from (workbook, sheet, Excel row, and the layout's column numbers) so findings point at the original cell.
 * The source cells are never changed. Blank rows and totals rows inside the data range are skipped.
 */
import { CellValue, SheetGrid, columnLetter } from '../workbook/sheet-grid';
import { isBlankRow, isTotalsRow } from './detect-layout';
import { cellText, normaliseName, normaliseText, parseDateKey, parseSex, Sex } from './normalise';
import { readRemarks, RemarkInfo } from './remarks';
import { ColumnMapping, RollLayout } from './roll-layout';

export interface RollRecord {
  file: string;
  sheet: string;
  /** Excel's 1-based row number. */
  row: number;
  /** The layout's columns (shared by all records of a sheet). */
  columns: ColumnMapping;
  /** Name without spaces, half-width; '' when blank. */
  name: string;
  /** The ID cell as it is (a number when Excel stored it as one). */
  idCell: CellValue;
  /** The ID cell as trimmed text ('' when blank). */
  idText: string;
  /** 性别 as read from its column (null: blank, unrecognised or no column). */
  sex: Sex | null;
  sexText: string;
  /** 民族 as written (trimmed). */
  ethnicity: string;
  /** 出生日期 as read from its column: YYYYMMDD, YYYYMM00 when only year and month are written, 0 when blank/unreadable. */
  birthKey: number;
  /** The 出生日期 cell as it is (for messages). */
  birthCell: CellValue;
  /** 选区: from the 选区 column, else the layout's district, else ''. */
  district: string;
  group: string;
  address: string;
  remarksText: string;
  remarks: RemarkInfo;
}

function at(row: readonly CellValue[], column: number | undefined, startColumn: number): CellValue {
  if (column === undefined) return null;
  const v = row[column - startColumn];
  return v === undefined ? null : v;
}

/** Records of a sheet's data rows, in order. */
export function readRoll(grid: SheetGrid, layout: RollLayout): RollRecord[] {
  const out: RollRecord[] = [];
  readRollInto(grid, layout, out);
  return out;
}

/**
 * Appends the records of a sheet's data rows to `out`, in order (no intermediate array: the engine reads a
 * million rows straight into its own list). Returns how many were appended.
 */
export function readRollInto(grid: SheetGrid, layout: RollLayout, out: RollRecord[]): number {
  const before = out.length;
  const c = layout.columns;
  const sc = grid.startColumn;
  const layoutDistrict = layout.district ?? '';
  const from = Math.max(layout.firstDataRow, grid.startRow);
  const to = Math.min(layout.lastDataRow, grid.startRow + grid.rows.length - 1);
  for (let excelRow = from; excelRow <= to; excelRow++) {
    const row = grid.rows[excelRow - grid.startRow];
    if (!row || isBlankRow(row)) continue;
    const idCell = at(row, c.id, sc);
    if (idCell === null && isTotalsRow(row)) continue;
    const birthCell = at(row, c.birthDate, sc);
    const sexCell = at(row, c.sex, sc);
    const remarksText = normaliseText(at(row, c.remarks, sc));
    const districtText = c.district !== undefined ? normaliseText(at(row, c.district, sc)) : '';
    out.push({
      file: grid.workbook,
      sheet: grid.sheet,
      row: excelRow,
      columns: c,
      name: normaliseName(at(row, c.name, sc)),
      idCell,
      idText: cellText(idCell),
      sex: parseSex(sexCell),
      sexText: normaliseText(sexCell),
      ethnicity: normaliseText(at(row, c.ethnicity, sc)),
      birthKey: parseDateKey(birthCell),
      birthCell,
      district: districtText !== '' ? districtText : layoutDistrict,
      group: normaliseText(at(row, c.group, sc)),
      address: normaliseText(at(row, c.address, sc)),
      remarksText,
      remarks: readRemarks(remarksText),
    });
  }
  return out.length - before;
}

/** Column letter of a role in a record's sheet, or undefined when the sheet has no such column. */
export function columnOf(record: RollRecord, role: keyof ColumnMapping): string | undefined {
  const n = record.columns[role];
  return n === undefined ? undefined : columnLetter(n);
}
