/**
 * What can make reading or writing a workbook go wrong, said plainly before it happens: an empty workbook, a
 * protected sheet (read fine, cannot be flagged or written), a sheet too wide to be a roll, filtered or hidden rows
 * (read and checked, but the clerk may not see them), tables (read through), merged cells. Pure functions over
 * what listSheets and readSheet return, so the task pane can show them and tests can pin them.
 */
import { Problem, problem } from '../../domain/common/problem';
import { columnLetter, SheetGrid } from '../../domain/workbook/sheet-grid';
import { AdapterError } from './adapter-error';
import type { SheetSummary } from './read-sheets';

/** Wider than this, a sheet is not a voter roll (a roll has a dozen columns or so). */
export const MAX_ROLL_COLUMNS = 256;

export type GuardCode =
  | 'EMPTY_WORKBOOK'
  | 'EMPTY_SHEET'
  | 'SHEET_TOO_WIDE'
  | 'SHEET_PROTECTED'
  | 'SHEET_HIDDEN'
  | 'SHEET_FILTERED'
  | 'SHEET_HAS_TABLES'
  | 'HIDDEN_ROWS'
  | 'MERGED_CELLS';

export interface SheetProblem extends Problem<GuardCode> {
  /** Absent for workbook-wide problems. */
  sheet?: string;
}

function sheetProblem(sheet: string | undefined, code: GuardCode, severity: Problem['severity'], zh: string, en: string): SheetProblem {
  return { ...problem(code, severity, zh, en), sheet };
}

/** Problems of the workbook as listed (before reading). */
export function checkWorkbook(sheets: SheetSummary[]): SheetProblem[] {
  const out: SheetProblem[] = [];
  if (!sheets.some((s) => s.rowCount > 0)) {
    out.push(sheetProblem(undefined, 'EMPTY_WORKBOOK', 'error',
      '工作簿中没有任何数据。请先打开或粘贴选民名单，再进行校验。',
      'The workbook has no data. Open or paste the voter roll first, then validate.'));
  }
  for (const s of sheets) out.push(...checkSheet(s));
  return out;
}

/** Problems of one sheet as listed (before reading). */
export function checkSheet(s: SheetSummary): SheetProblem[] {
  const out: SheetProblem[] = [];
  if (s.rowCount === 0) {
    out.push(sheetProblem(s.name, 'EMPTY_SHEET', 'info', `工作表“${s.name}”是空的，已跳过。`, `The sheet "${s.name}" is empty and was skipped.`));
    return out;
  }
  if (s.columnCount > MAX_ROLL_COLUMNS) {
    const last = columnLetter(s.startColumn + s.columnCount - 1);
    out.push(sheetProblem(s.name, 'SHEET_TOO_WIDE', 'error',
      `工作表“${s.name}”有 ${s.columnCount} 列（到 ${last} 列），不像选民名单（一般十几列），不予读取。若确是名单，请删除右侧多余的列（或其中的空格、格式）后重试。`,
      `The sheet "${s.name}" has ${s.columnCount} columns (up to column ${last}), which is not what a voter roll looks like (a dozen or so), so it is not read. If it is a roll, delete the extra columns on the right (or stray spaces/formatting in them) and try again.`));
  }
  if (s.protected) {
    out.push(sheetProblem(s.name, 'SHEET_PROTECTED', 'warning',
      `工作表“${s.name}”受保护：可以读取和校验，但无法在其中标记问题单元格。如需标记，请在“审阅”中撤销工作表保护。`,
      `The sheet "${s.name}" is protected: it can be read and checked, but its cells cannot be flagged. To flag them, unprotect it (Review tab).`));
  }
  if (s.visibility !== 'Visible') {
    out.push(sheetProblem(s.name, 'SHEET_HIDDEN', 'info',
      `工作表“${s.name}”是隐藏的：仍会读取；要查看标记，请先取消隐藏。`,
      `The sheet "${s.name}" is hidden: it is still read; unhide it to see the flags.`));
  }
  if (s.filtered) {
    out.push(sheetProblem(s.name, 'SHEET_FILTERED', 'warning',
      `工作表“${s.name}”处于筛选状态：被筛掉（隐藏）的行也会读取和校验，但标记在取消筛选前看不到。`,
      `The sheet "${s.name}" is filtered: the rows the filter hides are read and checked too, but their flags are not visible until the filter is cleared.`));
  }
  if (s.tables.length) {
    out.push(sheetProblem(s.name, 'SHEET_HAS_TABLES', 'info',
      `工作表“${s.name}”含有表格（${s.tables.join('、')}），按普通单元格读取。`,
      `The sheet "${s.name}" has tables (${s.tables.join(', ')}); they are read as ordinary cells.`));
  }
  return out;
}

function rowList(rows: number[], max = 8): string {
  const shown = rows.slice(0, max).join(', ');
  return rows.length > max ? `${shown} …` : shown;
}

/** Problems seen while reading a sheet: hidden rows, merged cells below the header area. */
export function checkGrid(grid: SheetGrid): SheetProblem[] {
  const out: SheetProblem[] = [];
  const hidden = grid.hiddenRows ?? [];
  if (hidden.length) {
    out.push(sheetProblem(grid.sheet, 'HIDDEN_ROWS', 'warning',
      `工作表“${grid.sheet}”有 ${hidden.length} 行被隐藏（第 ${rowList(hidden)} 行）：这些行也已读取和校验，请取消隐藏后核对。`,
      `The sheet "${grid.sheet}" has ${hidden.length} hidden rows (rows ${rowList(hidden)}): they were read and checked too; unhide them to review.`));
  }
  const merges = grid.merges ?? [];
  const multiRow = merges.filter((m) => m.endRow > m.startRow);
  if (multiRow.length) {
    const first = multiRow[0];
    out.push(sheetProblem(grid.sheet, 'MERGED_CELLS', 'info',
      `工作表“${grid.sheet}”有 ${multiRow.length} 处跨行合并的单元格（如 ${columnLetter(first.startColumn)}${first.startRow}:${columnLetter(first.endColumn)}${first.endRow}）：合并区域的值只算在左上角单元格所在的行。`,
      `The sheet "${grid.sheet}" has ${multiRow.length} merged areas spanning rows (e.g. ${columnLetter(first.startColumn)}${first.startRow}:${columnLetter(first.endColumn)}${first.endRow}): a merged area's value counts for its top-left cell's row only.`));
  }
  return out;
}

/** Throws a clear error when a sheet cannot be read as a roll (too wide); returns the sheet's other problems. */
export function assertReadable(s: SheetSummary): SheetProblem[] {
  const problems = checkSheet(s);
  const blocking = problems.find((p) => p.severity === 'error');
  if (blocking) throw new AdapterError(blocking.message, blocking.code);
  return problems;
}

/** Throws a clear error when the workbook has nothing to check. */
export function assertNotEmpty(sheets: SheetSummary[]): void {
  if (!sheets.some((s) => s.rowCount > 0)) {
    const p = checkWorkbook(sheets).find((x) => x.code === 'EMPTY_WORKBOOK') as SheetProblem;
    throw new AdapterError(p.message, p.code);
  }
}
