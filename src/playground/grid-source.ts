/**
 * What the playground's grid view shows of a workbook: sheet names, cells as displayed (text and look), the
 * active sheet and the selection, and a way to hear about changes. The fake Excel workbook provides it.
 */
export interface GridCell {
  text: string;
  /** Background colour as the clerk would see it (a flag's conditional format included), e.g. "#FFC7CE". */
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

export interface GridSelection {
  sheet: string;
  /** Excel 1-based rows and columns, inclusive. */
  startRow: number;
  startColumn: number;
  endRow: number;
  endColumn: number;
}

/** A chart recorded on a sheet, with the numbers it plots. */
export interface GridChart {
  title: string;
  labels: string[];
  values: number[];
}

export interface GridSource {
  sheetNames(): string[];
  /** Rows and columns of the sheet's used range, counted from A1. */
  size(sheet: string): { rows: number; columns: number };
  cell(sheet: string, row: number, column: number): GridCell | null;
  activeSheet(): string | null;
  selection(): GridSelection | null;
  /** The charts on a sheet (the fake Excel records them; the playground draws them simply). */
  charts?(sheet: string): GridChart[];
  /** Calls `listener` after every change to the workbook; returns a function that stops it. */
  subscribe(listener: () => void): () => void;
}
