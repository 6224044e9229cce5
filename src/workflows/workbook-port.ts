/**
 * What the workflows need from an open workbook, as plain functions. The task pane and the ribbon buttons get an
 * implementation bound to office.js (`officeWorkbook(run)` in office-workbook.ts, which works the same on the fake
 * Excel); tests may pass a small in-memory one. Keeping this seam narrow keeps the workflows free of office.js.
 */
import { CellRef, Finding } from '../domain/common/finding';
import { Message, Severity } from '../domain/common/problem';
import { SheetGrid } from '../domain/workbook/sheet-grid';
import { WritePlan } from '../domain/workbook/cell-writes';
import { RollLayout } from '../domain/roll/roll-layout';
import { Method } from '../domain/seats/apportion-types';
import { SheetSpec } from '../domain/summary/standard-sheet';

export type Language = 'zh' | 'en';

/** A sheet as listed in the workbook, before it is read. */
export interface SheetInfo {
  name: string;
  /** Excel row and column numbers of the used range's last row and column (0 for an empty sheet). */
  rowCount: number;
  columnCount: number;
  visible: boolean;
  protected: boolean;
  /** An auto filter hides some of its rows. */
  filtered?: boolean;
  /** Names of the tables (ListObjects) on the sheet. */
  tables?: string[];
  /**
   * What may go wrong reading or writing this sheet, said before it is read (protected, hidden, filtered, tables,
   * too wide to be a roll). An `error` means the sheet cannot be read as a roll at all.
   */
  problems?: SheetNotice[];
}

/** Something the clerk should know about a sheet (or the whole workbook, without `sheet`) that is not a finding. */
export interface SheetNotice {
  sheet?: string;
  code: string;
  severity: Severity;
  message: Message;
}

/** A sheet a flag operation had to leave alone (protected, renamed, deleted), and why. */
export interface SkippedSheet {
  sheet: string;
  reason: Message;
}

/** What flagging or clearing flags could not do. */
export interface FlagOutcome {
  skipped: SkippedSheet[];
}

export type SeatMethod = Method;

/** Settings of the seat allocation, kept in the workbook so the clerk finds them again. */
export interface SeatSettings {
  districtSheet?: string;
  /** 'statutory': total from level + population; 'fixed': the clerk types the number of seats. */
  totalFrom?: 'statutory' | 'fixed';
  level?: 'county' | 'township';
  population?: number;
  law?: 2020 | 2010;
  extraPercent?: number;
  seats?: number;
  method?: SeatMethod;
  min?: number;
  max?: number;
}

/** Everything Election Clerk keeps in a workbook's settings. */
export interface ClerkSettings {
  /** 选举日, YYYY-MM-DD. */
  electionDate?: string;
  /** The roll sheets the clerk chose (absent: propose them by detection). */
  rollSheets?: string[];
  /** Layouts the clerk confirmed or edited, by sheet name. */
  layouts?: Record<string, RollLayout>;
  /** Exclusion-list sheets (被剥夺政治权利 / 不列入选民名单 / 死亡), by reason. */
  exclusionSheets?: { sheet: string; reason: 'deprived' | 'notIncluded' | 'deceased' }[];
  /** 户籍/人口 register sheet for the 漏登 check. */
  registerSheet?: string;
  seats?: SeatSettings;
  /** The allocation sheet Election Clerk wrote last (so it may replace it, and never a clerk's own sheet). */
  allocationSheet?: string;
  /** Options of 生成汇总 (statistics tables). */
  summary?: SummarySettings;
  /** What the last 生成汇总 wrote, so that 撤销汇总 can restore the workbook exactly. */
  lastSummary?: SummaryRecord;
}

/** Options of 生成汇总. */
export interface SummarySettings {
  /** 填报单位 printed on the standard sheets. */
  unit?: string;
  /** Keep numbers typed into a template when they differ from the rolls (default false: replace, and warn). */
  keepHandEntered?: boolean;
}

/** What a cell held before a write, as Excel reports it (value, formula text, number format). */
export interface CellBefore {
  value: unknown;
  formula: unknown;
  numberFormat: unknown;
}

/** Cells a write plan changed, with what each held before and right after: enough to undo the write exactly. */
export interface WrittenCells {
  /** Sheets the plan created (undo deletes them). */
  createdSheets: string[];
  cells: { sheet: string; row: number; column: number; before: CellBefore; after: unknown }[];
}

/** What undoing written cells did. */
export interface UndoneWrites {
  restored: number;
  deletedSheets: string[];
  /** Cells changed by someone since they were written: left as they are. */
  keptEdited: { sheet: string; row: number; column: number }[];
}

/** The record of the last summary, kept in the workbook's settings for 撤销汇总. */
export interface SummaryRecord {
  /** When it was written (ISO time). */
  at: string;
  /** Cells written into the clerk's own sheets (templates). */
  written: WrittenCells;
  /** Standard sheets the summary created. */
  createdSheets: string[];
}

/** A column chart to add on a sheet: categories and values are same-length column ranges (Excel rows, 1-based). */
export interface ChartSpec {
  sheet: string;
  title: string;
  categoryColumn: number;
  valueColumn: number;
  /** The header row (series name) and the last data row. */
  headerRow: number;
  lastRow: number;
  /** Where the chart goes: top-left cell column and row. */
  anchorColumn: number;
  anchorRow: number;
}

export interface ReadOptions {
  signal?: AbortSignal;
  /** Rows read so far of this sheet, and its rows in all. */
  onProgress?: (done: number, total: number) => void;
  /** Read only the first rows (for detection and the mapping editor); all rows when absent. */
  maxRows?: number;
  /** Also read the formulas (SheetGrid.formulas), for templates whose formulas must be kept. */
  formulas?: boolean;
}

export interface WorkbookPort {
  /** The workbook's name, used as Finding.file. */
  workbookName(): Promise<string>;
  listSheets(): Promise<SheetInfo[]>;
  readSheet(name: string, options?: ReadOptions): Promise<SheetGrid>;
  /**
   * Highlights the findings' cells reversibly (never changing a value), replacing earlier flags. Sheets it could
   * not flag (protected ones) are left untouched and returned in `skipped`.
   */
  flagFindings(findings: Finding[]): Promise<FlagOutcome>;
  /** Removes every flag Election Clerk added, restoring the cells' look exactly; protected sheets are `skipped`. */
  clearFlags(): Promise<FlagOutcome>;
  /** Writes (or replaces) the 校验结果 sheet; returns its name. */
  writeFindingsSheet(findings: Finding[], language: Language): Promise<string>;
  /** Activates the sheet and selects the cell (or the row, when the finding has no column). */
  selectCell(ref: CellRef): Promise<void>;
  loadSettings(): Promise<ClerkSettings>;
  saveSettings(settings: ClerkSettings): Promise<void>;
  /** Applies a plan atomically: all of it, or nothing (what was written is removed on failure). */
  applyWritePlan(plan: WritePlan): Promise<void>;
  /** Deletes a sheet (only ever one Election Clerk created). */
  deleteSheet(name: string): Promise<void>;
  addChart(spec: ChartSpec): Promise<void>;
  /**
   * Applies a plan atomically, like applyWritePlan, and returns what the cells held before, for `undoWrites`.
   */
  applyUndoableWritePlan(plan: WritePlan): Promise<WrittenCells>;
  /** Restores cells written by `applyUndoableWritePlan` (those nobody changed since) and deletes its new sheets. */
  undoWrites(written: WrittenCells): Promise<UndoneWrites>;
  /**
   * Creates a new sheet laid out by `spec` (values, merges, styles, widths, print setup). All or nothing: if it
   * fails, the sheet is removed. Returns notes about parts Excel could not apply (print setup on old versions).
   */
  createSheet(spec: SheetSpec): Promise<Message[]>;
  /** Deletes the 校验结果 sheet Election Clerk wrote (never a clerk's sheet of that name); returns its name, or null. */
  removeFindingsSheet(): Promise<string | null>;
}
