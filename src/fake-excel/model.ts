/**
 * The fake Excel's document: the workbook as data (sheets, cells with value/formula/number format/fill/font,
 * merges, hidden rows, tables, conditional formats, hyperlinks, freeze panes, charts, protection, settings,
 * selection). Proxies in proxies.ts read and write it only inside `context.sync()`. Also the plain-data
 * snapshot (`toJSON`/`fromJSON`) that tests and the playground build workbooks from.
 */
import { CellValue, MergedArea } from '../domain/workbook/sheet-grid';
import { formatRect, letters, parseRect, Rect } from './address';
import { dateToSerial, evaluateFormula, ScalarValue } from './cell-input';

export interface HyperlinkData {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface CellData {
  /** "" for an empty cell. */
  v: ScalarValue | '';
  /** Formula text starting with "=". */
  f?: string;
  /** Number format; absent means "General". */
  nf?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  link?: HyperlinkData;
  /** Typed with a leading apostrophe. */
  quoted?: boolean;
}

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface TableData {
  id: string;
  name: string;
  rect: Rect;
  showHeaders: boolean;
  showTotals: boolean;
}

export interface ConditionalFormatData {
  id: string;
  type: string;
  areas: Rect[];
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  stopIfTrue: boolean;
}

/** A sheet's print setup (Excel's PageLayout, points for margins); null on a sheet means Excel's defaults. */
export interface PageLayoutData {
  orientation: 'Portrait' | 'Landscape';
  paperSize: string;
  centerHorizontally: boolean;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** Rows repeated on every printed page, "$3:$4"; null when none. */
  printTitleRows: string | null;
}

/** Excel's defaults for a new sheet (Normal margins: 0.7" left/right, 0.75" top/bottom, 0.3" header/footer). */
export function defaultPageLayout(): PageLayoutData {
  return {
    orientation: 'Portrait', paperSize: 'Letter', centerHorizontally: false,
    leftMargin: 50.4, rightMargin: 50.4, topMargin: 54, bottomMargin: 54, headerMargin: 21.6, footerMargin: 21.6,
    zoom: { scale: 100 }, printTitleRows: null,
  };
}

export interface ChartData {
  id: string;
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  /** Address of the category (x axis) values, when set through series.setXAxisValues. */
  categories?: string;
  legendVisible?: boolean;
  top?: number;
  left?: number;
  width?: number;
  height?: number;
}

let nextId = 1;
export function newId(prefix: string): string {
  nextId += 1;
  return `{${prefix}-${nextId.toString(16).padStart(8, '0')}}`;
}

export class SheetModel {
  id = newId('sheet');
  deleted = false;
  visibility: Visibility = 'Visible';
  protected = false;
  /** Sparse rows of sparse cells, 0-based. */
  rows: (CellData | undefined)[][] = [];
  merges: Rect[] = [];
  hiddenRows = new Set<number>();
  tables: TableData[] = [];
  conditionalFormats: ConditionalFormatData[] = [];
  charts: ChartData[] = [];
  freeze: { rows: number; columns: number } = { rows: 0, columns: 0 };
  autoFilter: { enabled: boolean; filtered: boolean } = { enabled: false, filtered: false };
  tabColor = '';
  /** Column widths (points) set through the API, by 0-based column; others have the default width. */
  columnWidths = new Map<number, number>();
  /** Row heights (points) set through the API, by 0-based row. */
  rowHeights = new Map<number, number>();
  /** Print setup; null until set through the API (Excel's defaults). */
  pageLayout: PageLayoutData | null = null;
  /** The selection this sheet had when it was last active. */
  lastSelection: Rect = { r0: 0, c0: 0, r1: 0, c1: 0 };

  constructor(public name: string) {}

  cell(r: number, c: number): CellData | undefined {
    const row = this.rows[r];
    return row ? row[c] : undefined;
  }

  ensure(r: number, c: number): CellData {
    let row = this.rows[r];
    if (!row) {
      row = [];
      this.rows[r] = row;
    }
    let cell = row[c];
    if (!cell) {
      cell = { v: '' };
      row[c] = cell;
    }
    return cell;
  }

  valueAt(r: number, c: number): ScalarValue | '' {
    const cell = this.cell(r, c);
    return cell ? cell.v : '';
  }

  /** Recomputes a formula cell's value with the small evaluator. */
  recalc(cell: CellData): void {
    if (cell.f) cell.v = evaluateFormula(cell.f, (r, c) => this.valueAt(r, c));
  }

  /**
   * Excel's used range: the bounding box of cells with a value or formula (valuesOnly) or also any formatting.
   * Null when the sheet has none.
   */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell) continue;
        const used = cell.v !== '' || !!cell.f ||
          (!valuesOnly && (cell.nf !== undefined || cell.fill !== undefined || cell.fontColor !== undefined || cell.bold !== undefined));
        if (!used) continue;
        if (r < r0) r0 = r;
        if (r > r1) r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      }
    }
    if (r1 < 0) return null;
    return { r0, c0, r1, c1 };
  }
}

export class WorkbookModel {
  name = 'Book1.xlsx';
  sheets: SheetModel[] = [];
  settings = new Map<string, unknown>();
  activeSheet: SheetModel | null = null;
  selection: { sheet: SheetModel; rect: Rect } | null = null;
  protectedStructure = false;

  liveSheets(): SheetModel[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => !s.deleted && s.name.toLowerCase() === lower);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => !s.deleted && s.id === id);
  }

  addSheet(name: string): SheetModel {
    const sheet = new SheetModel(name);
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }
}

// ---------- plain-data snapshot ----------

/** Extra content of one cell beyond its value, in a snapshot. */
export interface CellExtrasJSON {
  formula?: string;
  numberFormat?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  hyperlink?: HyperlinkData;
  quoted?: boolean;
}

export interface FakeSheetJSON {
  name: string;
  /**
   * Values from A1 (or from startRow/startColumn). Dates (JS Date at UTC midnight) become date serials with a
   * date number format, as Excel holds them; strings are literal text (no parsing); null is an empty cell.
   */
  rows?: CellValue[][];
  /** Excel's 1-based row/column of rows[0][0] (default 1). */
  startRow?: number;
  startColumn?: number;
  /** Formulas, formats and links by A1 address of the cell. */
  cells?: Record<string, CellExtrasJSON>;
  visibility?: Visibility;
  protected?: boolean;
  merges?: (MergedArea | string)[];
  /** Excel row numbers. */
  hiddenRows?: number[];
  tables?: { name: string; address: string; showHeaders?: boolean; showTotals?: boolean }[];
  conditionalFormats?: { type: string; address: string; formula?: string; fill?: string; fontColor?: string; bold?: boolean; stopIfTrue?: boolean }[];
  charts?: Omit<ChartData, 'id'>[];
  freeze?: { rows: number; columns: number };
  autoFilter?: { enabled: boolean; filtered: boolean };
  tabColor?: string;
  /** Column widths in points by column letter (only those set). */
  columnWidths?: Record<string, number>;
  /** Row heights in points by Excel row number (only those set). */
  rowHeights?: Record<string, number>;
  pageLayout?: PageLayoutData;
}

export interface FakeWorkbookJSON {
  name?: string;
  sheets: FakeSheetJSON[];
  settings?: Record<string, unknown>;
  activeSheet?: string;
  /** Selected range as "'Sheet'!A1:B2". */
  selection?: { sheet: string; address: string };
}

function mergedToRect(m: MergedArea | string): Rect {
  if (typeof m === 'string') return parseRect(m.includes('!') ? m.slice(m.lastIndexOf('!') + 1) : m);
  return { r0: m.startRow - 1, c0: m.startColumn - 1, r1: m.endRow - 1, c1: m.endColumn - 1 };
}

function rectToMerged(r: Rect): MergedArea {
  return { startRow: r.r0 + 1, startColumn: r.c0 + 1, endRow: r.r1 + 1, endColumn: r.c1 + 1 };
}

/** A value of a snapshot as the cell data Excel would hold. */
function cellFromValue(value: CellValue): CellData | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (value instanceof Date) {
    const serial = dateToSerial(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    if (serial === null) return { v: String(value) };
    return { v: serial, nf: 'yyyy-mm-dd' };
  }
  return { v: value };
}

export function modelFromJSON(json: FakeWorkbookJSON): WorkbookModel {
  const wb = new WorkbookModel();
  if (json.name) wb.name = json.name;
  for (const s of json.sheets) {
    if (wb.sheetByName(s.name)) throw new Error(`Duplicate sheet name "${s.name}" in the workbook snapshot.`);
    const sheet = wb.addSheet(s.name);
    const r0 = (s.startRow ?? 1) - 1;
    const c0 = (s.startColumn ?? 1) - 1;
    (s.rows ?? []).forEach((row, i) => {
      row.forEach((value, j) => {
        const cell = cellFromValue(value);
        if (!cell) return;
        const target = sheet.ensure(r0 + i, c0 + j);
        Object.assign(target, cell);
      });
    });
    for (const [address, extras] of Object.entries(s.cells ?? {})) {
      const rect = parseRect(address);
      const cell = sheet.ensure(rect.r0, rect.c0);
      if (extras.formula !== undefined) cell.f = extras.formula;
      if (extras.numberFormat !== undefined) cell.nf = extras.numberFormat;
      if (extras.fill !== undefined) cell.fill = extras.fill;
      if (extras.fontColor !== undefined) cell.fontColor = extras.fontColor;
      if (extras.bold !== undefined) cell.bold = extras.bold;
      if (extras.hyperlink !== undefined) cell.link = { ...extras.hyperlink };
      if (extras.quoted) cell.quoted = true;
    }
    sheet.visibility = s.visibility ?? 'Visible';
    sheet.protected = !!s.protected;
    sheet.merges = (s.merges ?? []).map(mergedToRect);
    sheet.hiddenRows = new Set((s.hiddenRows ?? []).map((r) => r - 1));
    sheet.tables = (s.tables ?? []).map((t) => ({
      id: newId('table'), name: t.name, rect: parseRect(t.address), showHeaders: t.showHeaders ?? true, showTotals: t.showTotals ?? false,
    }));
    sheet.conditionalFormats = (s.conditionalFormats ?? []).map((c) => ({
      id: newId('cf'), type: c.type, areas: c.address.split(',').map((a) => parseRect(a.trim())), formula: c.formula,
      fill: c.fill, fontColor: c.fontColor, bold: c.bold, stopIfTrue: c.stopIfTrue ?? false,
    }));
    sheet.charts = (s.charts ?? []).map((c) => ({ ...c, id: newId('chart') }));
    sheet.freeze = s.freeze ? { ...s.freeze } : { rows: 0, columns: 0 };
    sheet.autoFilter = s.autoFilter ? { ...s.autoFilter } : { enabled: false, filtered: false };
    sheet.tabColor = s.tabColor ?? '';
    for (const [letter, w] of Object.entries(s.columnWidths ?? {})) sheet.columnWidths.set(parseRect(`${letter}1`).c0, w);
    for (const [row, h] of Object.entries(s.rowHeights ?? {})) sheet.rowHeights.set(Number(row) - 1, h);
    sheet.pageLayout = s.pageLayout ? JSON.parse(JSON.stringify(s.pageLayout)) as PageLayoutData : null;
  }
  // Formulas without a stored value get one from the evaluator.
  for (const sheet of wb.sheets) {
    for (const row of sheet.rows) {
      if (!row) continue;
      for (const cell of row) if (cell && cell.f && cell.v === '') sheet.recalc(cell);
    }
  }
  for (const [k, v] of Object.entries(json.settings ?? {})) wb.settings.set(k, JSON.parse(JSON.stringify(v)));
  if (json.activeSheet) wb.activeSheet = wb.sheetByName(json.activeSheet) ?? wb.activeSheet;
  if (json.selection) {
    const sheet = wb.sheetByName(json.selection.sheet);
    if (sheet) wb.selection = { sheet, rect: parseRect(json.selection.address) };
  }
  return wb;
}

export function modelToJSON(wb: WorkbookModel): FakeWorkbookJSON {
  const sheets: FakeSheetJSON[] = wb.liveSheets().map((sheet) => {
    const rows: CellValue[][] = [];
    const cells: Record<string, CellExtrasJSON> = {};
    for (let r = 0; r < sheet.rows.length; r++) {
      const row = sheet.rows[r];
      const out: CellValue[] = [];
      if (row) {
        for (let c = 0; c < row.length; c++) {
          const cell = row[c];
          out[c] = cell && cell.v !== '' ? cell.v : null;
          if (!cell) continue;
          const extras: CellExtrasJSON = {};
          if (cell.f !== undefined) extras.formula = cell.f;
          if (cell.nf !== undefined) extras.numberFormat = cell.nf;
          if (cell.fill !== undefined) extras.fill = cell.fill;
          if (cell.fontColor !== undefined) extras.fontColor = cell.fontColor;
          if (cell.bold !== undefined) extras.bold = cell.bold;
          if (cell.link !== undefined) extras.hyperlink = { ...cell.link };
          if (cell.quoted) extras.quoted = true;
          if (Object.keys(extras).length) cells[formatRect({ r0: r, c0: c, r1: r, c1: c })] = extras;
        }
        for (let c = 0; c < out.length; c++) if (out[c] === undefined) out[c] = null;
        while (out.length && out[out.length - 1] === null) out.pop();
      }
      rows.push(out);
    }
    while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
    const json: FakeSheetJSON = { name: sheet.name, rows };
    if (Object.keys(cells).length) json.cells = cells;
    if (sheet.visibility !== 'Visible') json.visibility = sheet.visibility;
    if (sheet.protected) json.protected = true;
    if (sheet.merges.length) json.merges = sheet.merges.map(rectToMerged);
    if (sheet.hiddenRows.size) json.hiddenRows = [...sheet.hiddenRows].sort((a, b) => a - b).map((r) => r + 1);
    if (sheet.tables.length) {
      json.tables = sheet.tables.map((t) => ({ name: t.name, address: formatRect(t.rect), showHeaders: t.showHeaders, showTotals: t.showTotals }));
    }
    if (sheet.conditionalFormats.length) {
      json.conditionalFormats = sheet.conditionalFormats.map((c) => ({
        type: c.type, address: c.areas.map(formatRect).join(','), formula: c.formula, fill: c.fill, fontColor: c.fontColor,
        bold: c.bold, stopIfTrue: c.stopIfTrue,
      }));
    }
    if (sheet.charts.length) json.charts = sheet.charts.map(({ id: _id, ...rest }) => ({ ...rest }));
    if (sheet.freeze.rows || sheet.freeze.columns) json.freeze = { ...sheet.freeze };
    if (sheet.autoFilter.enabled) json.autoFilter = { ...sheet.autoFilter };
    if (sheet.tabColor) json.tabColor = sheet.tabColor;
    if (sheet.columnWidths.size) {
      json.columnWidths = Object.fromEntries([...sheet.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [letters(c), w]));
    }
    if (sheet.rowHeights.size) {
      json.rowHeights = Object.fromEntries([...sheet.rowHeights].sort((a, b) => a[0] - b[0]).map(([r, h]) => [String(r + 1), h]));
    }
    if (sheet.pageLayout) json.pageLayout = JSON.parse(JSON.stringify(sheet.pageLayout)) as PageLayoutData;
    return json;
  });
  const json: FakeWorkbookJSON = { name: wb.name, sheets };
  if (wb.settings.size) json.settings = Object.fromEntries([...wb.settings].map(([k, v]) => [k, JSON.parse(JSON.stringify(v))]));
  if (wb.activeSheet && !wb.activeSheet.deleted) json.activeSheet = wb.activeSheet.name;
  if (wb.selection && !wb.selection.sheet.deleted) json.selection = { sheet: wb.selection.sheet.name, address: formatRect(wb.selection.rect) };
  return json;
}

/** Serial-number-free read of one cell for views: value, formula, format and the look after conditional formats. */
export interface CellView {
  value: ScalarValue | '';
  formula?: string;
  numberFormat?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  /** Fill/font from a conditional format whose rule is true for the cell (what the clerk sees). */
  conditionalFill?: string;
  conditionalFontColor?: string;
}
