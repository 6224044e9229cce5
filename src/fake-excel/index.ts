/**
 * The fake Excel: an in-memory workbook behind a faithful subset of the Excel JavaScript API, for tests and the
 * playground. See fake-excel.ts (FakeExcel), install.ts (installFakeExcel) and model.ts (the snapshot format).
 */
export { FakeExcel, EXCEL_ON_THE_WEB_LIMITS } from './fake-excel';
export type { FakeExcelLimits, InjectedFailure, SyncRecord, FakeExcelListener } from './fake-excel';
export { installFakeExcel } from './install';
export type { InstallOptions, InstalledFake } from './install';
export { FakeExcelError } from './errors';
export type { FakeWorkbookJSON, FakeSheetJSON, CellExtrasJSON, CellView, HyperlinkData, PageLayoutData } from './model';
