/**
 * What each sheet of the open workbook looks like to Election Clerk: a roll, a population register, a district
 * table, an exclusion list or something else, with the layout detection proposes and the headers the clerk can
 * choose from when correcting the column mapping. Only the first rows of each sheet are read for this.
 */
import { classifySheet, detectRollLayout, layoutForHeaderRow } from '../domain/roll/detect-layout';
import { RollLayout, ColumnMapping } from '../domain/roll/roll-layout';
import { SheetGrid, columnLetter } from '../domain/workbook/sheet-grid';
import { ClerkSettings, SheetInfo, WorkbookPort } from './workbook-port';
import { throwIfCancelled } from './workflow-error';

export type SheetKind = 'roll' | 'register' | 'districts' | 'exclusion' | 'other';

/** Sheets Election Clerk writes itself; never proposed as input. */
export const FINDINGS_SHEET = '校验结果';
export const ALLOCATION_SHEET = '代表名额分配';

export interface HeaderChoice {
  column: number;
  letter: string;
  text: string;
}

export interface SheetProposal {
  info: SheetInfo;
  kind: SheetKind;
  /** The layout: the clerk's saved one when there is one, else detection's proposal (null: no header found). */
  layout: RollLayout | null;
  /** True when `layout` is the clerk's saved layout. */
  saved: boolean;
  /** The header row's non-empty cells, for the mapping dropdowns. */
  headers: HeaderChoice[];
  /**
   * The first rows of the sheet (`PROPOSAL_ROWS`), as read for the proposal: when the clerk sets another header row,
   * its labels and the mapping are re-read from here without reading the sheet again. Absent for an empty sheet.
   */
  preview?: SheetGrid;
}

/** Rows read from each sheet to propose its kind and layout. */
export const PROPOSAL_ROWS = 60;

export function isOwnSheet(name: string, settings: ClerkSettings): boolean {
  return name === FINDINGS_SHEET || name === settings.allocationSheet || name === ALLOCATION_SHEET;
}

/** The header row's cells of a grid (Excel row `headerRow`). */
export function headerChoices(grid: SheetGrid, headerRow: number): HeaderChoice[] {
  const row = grid.rows[headerRow - grid.startRow] ?? [];
  const choices: HeaderChoice[] = [];
  row.forEach((value, i) => {
    if (value === null || value === undefined || String(value).trim() === '') return;
    const column = grid.startColumn + i;
    choices.push({ column, letter: columnLetter(column), text: String(value).trim() });
  });
  return choices;
}

function firstNonEmptyRow(grid: SheetGrid): number {
  const i = grid.rows.findIndex((r) => r.filter((v) => v !== null && String(v).trim() !== '').length >= 2);
  return grid.startRow + Math.max(0, i);
}

export async function proposeSheet(port: WorkbookPort, info: SheetInfo, settings: ClerkSettings): Promise<SheetProposal> {
  if (info.rowCount === 0) return { info, kind: 'other', layout: null, saved: false, headers: [] };
  const grid = await port.readSheet(info.name, { maxRows: PROPOSAL_ROWS });
  const kind = classifySheet(grid) as SheetKind;
  const savedLayout = settings.layouts?.[info.name];
  const layout = savedLayout ?? detectRollLayout(grid);
  const headerRow = layout ? layout.headerRow : firstNonEmptyRow(grid);
  return { info, kind, layout, saved: !!savedLayout, headers: headerChoices(grid, headerRow), preview: grid };
}

/** Proposals for every visible sheet except the ones Election Clerk writes. */
export async function proposeSheets(
  port: WorkbookPort,
  settings: ClerkSettings,
  options: { signal?: AbortSignal; sheets?: SheetInfo[] } = {},
): Promise<SheetProposal[]> {
  const sheets = options.sheets ?? await port.listSheets();
  const proposals: SheetProposal[] = [];
  for (const info of sheets) {
    throwIfCancelled(options.signal);
    if (!info.visible || isOwnSheet(info.name, settings)) continue;
    proposals.push(await proposeSheet(port, info, settings));
  }
  return proposals;
}

/** The roll sheets to check: the clerk's choice when saved, else every sheet proposed as a roll. */
export function chooseRollSheets(proposals: SheetProposal[], settings: ClerkSettings): string[] {
  const names = new Set(proposals.map((p) => p.info.name));
  if (settings.rollSheets) return settings.rollSheets.filter((s) => names.has(s));
  return proposals.filter((p) => p.kind === 'roll' && p.layout).map((p) => p.info.name);
}

/** A layout with one column role moved to another column (or removed with `column` null); confidence 1 (confirmed). */
export function withColumn(layout: RollLayout, role: keyof ColumnMapping, column: number | null): RollLayout {
  const columns: ColumnMapping = { ...layout.columns };
  if (column === null) delete columns[role];
  else columns[role] = column;
  return { ...layout, columns, confidence: 1 };
}

/** The last Excel row a header row may be set to: the last row read for the proposal. */
export function lastPreviewRow(proposal: SheetProposal): number {
  const grid = proposal.preview;
  if (!grid) return 0;
  return grid.startRow + grid.rows.length - 1;
}

/**
 * The layout when the clerk sets the header row of a sheet to Excel row `headerRow`: that row's labels (from the
 * proposal's first rows) mapped to columns by the header synonyms, the data rows under it; confidence 1 (confirmed).
 * The clerk then corrects the columns with `withColumn`.
 */
export function withHeaderRow(proposal: SheetProposal, headerRow: number): RollLayout {
  const grid: SheetGrid = proposal.preview ?? { workbook: '', sheet: proposal.info.name, startRow: 1, startColumn: 1, rows: [] };
  const layout = layoutForHeaderRow(grid, headerRow);
  // "No name / ID column found" would go stale as soon as the clerk picks the column; the editor says it instead.
  const notes = layout.notes.filter((n) => !/^No (name|ID number) column found/.test(n.en));
  return { ...layout, sheet: proposal.info.name, notes, confidence: 1 };
}

/** The header choices (mapping dropdowns) for a layout's header row: re-read from the preview when there is one. */
export function headerChoicesFor(proposal: SheetProposal, layout: RollLayout | null): HeaderChoice[] {
  if (!layout) return [];
  if (proposal.preview) return headerChoices(proposal.preview, layout.headerRow);
  return proposal.layout && proposal.layout.headerRow === layout.headerRow ? proposal.headers : [];
}

/** A layout that can be checked: it names the 姓名 or the 身份证号 column. */
export function isCheckableLayout(layout: RollLayout | null | undefined): layout is RollLayout {
  return !!layout && (layout.columns.name !== undefined || layout.columns.id !== undefined);
}
