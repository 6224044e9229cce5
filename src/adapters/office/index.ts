/**
 * The office.js adapter: everything Election Clerk does to the open workbook, each function taking an
 * `Excel.RequestContext` (from `Excel.run`, or the fake Excel's `run`).
 */
export { AdapterError, excelCode } from './adapter-error';
export { listSheets, readSheet, hiddenRowsOf, DEFAULT_RESPONSE_BUDGET, DEFAULT_CELLS_PER_READ } from './read-sheets';
export type { SheetSummary, ReadSheetOptions } from './read-sheets';
export { flagFindings, clearFlags, planFlags, flagFormula, isFlagFormula, FLAG_MARKER, FLAG_RECORD_KEY, FLAG_STYLES } from './flags';
export type { FlagReport, ClearReport, ClearOptions, FlagOptions, FlagRecord } from './flags';
export { writeFindingsSheet, findingRow, linkFormula, FINDINGS_SHEET_NAME, FINDINGS_RECORD_KEY } from './findings-sheet';
export type { FindingsSheetOptions, FindingsSheetReport } from './findings-sheet';
export { selectCell } from './select-cell';
export { loadWorkbookSettings, saveWorkbookSettings, updateWorkbookSettings, SETTINGS_KEY, SETTINGS_VERSION } from './workbook-settings';
export { applyWritePlan, undoWritePlan, restoreInput } from './apply-write-plan';
export type { AppliedWritePlan, AppliedCell, UndoReport, WritePlanOptions, CellSnapshot } from './apply-write-plan';
export { checkWorkbook, checkSheet, checkGrid, assertReadable, assertNotEmpty, MAX_ROLL_COLUMNS } from './guards';
export type { SheetProblem, GuardCode } from './guards';
export { literalText, excelWouldReinterpret } from './excel-text';
