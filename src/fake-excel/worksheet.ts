/**
 * The fake Excel's workbook-level proxies: Workbook, the worksheet collection and Worksheet (name, position,
 * visibility, protection, freeze panes, auto filter, tables, charts), and the workbook's settings.
 */
import { formatRect, MAX_COLUMNS, MAX_ROWS, parseRect, Rect, splitAreas, splitSheet } from './address';
import { FakeClientObject, FakeCollection, FakeRequestContextBase } from './client-object';
import { FakeExcelError, invalidArgument, itemNotFound } from './errors';
import { ChartData, defaultPageLayout, newId, PageLayoutData, SheetModel, TableData, Visibility, WorkbookModel } from './model';
import { jsonBytes } from './payload';
import { assertSheetAlive, assertWritable, FakeRange, FakeRangeAreas, setWorksheetFactory } from './range';

export class FakeWorksheetProtection extends FakeClientObject<SheetModel> {
  protected override _scalars() {
    return { protected: (s: SheetModel) => s.protected };
  }
  get protected(): boolean {
    return this._get('protected');
  }
  protect(_options?: unknown, _password?: string): void {
    this._queue(20, (s) => {
      if (s.protected) throw new FakeExcelError('InvalidOperation', `The sheet '${s.name}' is already protected.`);
      s.protected = true;
    });
  }
  unprotect(_password?: string): void {
    this._queue(20, (s) => { s.protected = false; });
  }
}

export class FakeWorksheetFreezePanes extends FakeClientObject<SheetModel> {
  freezeRows(count = 1): void {
    this._queue(10, (s) => { s.freeze = { rows: count, columns: 0 }; });
  }
  freezeColumns(count = 1): void {
    this._queue(10, (s) => { s.freeze = { rows: 0, columns: count }; });
  }
  freezeAt(frozenRange: FakeRange | string): void {
    this._queue(20, (s) => {
      const rect = typeof frozenRange === 'string' ? parseRect(splitSheet(frozenRange).local) : (frozenRange._target() as { rect: Rect }).rect;
      s.freeze = { rows: rect.r1 + 1, columns: rect.c1 + 1 };
    });
  }
  unfreeze(): void {
    this._queue(10, (s) => { s.freeze = { rows: 0, columns: 0 }; });
  }
  getLocationOrNullObject(): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this._target();
      if (!s || (!s.freeze.rows && !s.freeze.columns)) return null;
      const r1 = s.freeze.rows ? s.freeze.rows - 1 : MAX_ROWS - 1;
      const c1 = s.freeze.columns ? s.freeze.columns - 1 : MAX_COLUMNS - 1;
      return { sheet: s, rect: { r0: 0, c0: 0, r1, c1 } };
    }, true);
  }
}

type MarginKey = 'leftMargin' | 'rightMargin' | 'topMargin' | 'bottomMargin' | 'headerMargin' | 'footerMargin';
const PAPER_SIZES = new Set(['Letter', 'LetterSmall', 'Tabloid', 'Ledger', 'Legal', 'Statement', 'Executive', 'A3', 'A4', 'A4Small', 'A5', 'B4', 'B5', 'Folio']);

/** A sheet's print setup (ExcelApi 1.9 PageLayout): orientation, paper, centring, margins (points), zoom, print title rows. */
export class FakePageLayout extends FakeClientObject<SheetModel> {
  protected override _scalars() {
    const get = <K extends keyof PageLayoutData>(k: K) => (s: SheetModel) => JSON.parse(JSON.stringify((s.pageLayout ?? defaultPageLayout())[k])) as PageLayoutData[K];
    return {
      orientation: get('orientation'), paperSize: get('paperSize'), centerHorizontally: get('centerHorizontally'),
      leftMargin: get('leftMargin'), rightMargin: get('rightMargin'), topMargin: get('topMargin'), bottomMargin: get('bottomMargin'),
      headerMargin: get('headerMargin'), footerMargin: get('footerMargin'), zoom: get('zoom'),
    };
  }
  private _set(bytes: number, apply: (layout: PageLayoutData) => void): void {
    this._queue(bytes, (s) => {
      assertWritable(s);
      const layout = s.pageLayout ?? defaultPageLayout();
      apply(layout);
      s.pageLayout = layout;
    });
  }
  private _margin(key: MarginKey, v: number): void {
    this._set(jsonBytes(v), (l) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw invalidArgument(`${key} must be a number of points of at least 0.`);
      l[key] = v;
    });
  }
  get orientation(): string { return this._get('orientation'); }
  set orientation(v: string) {
    this._set(jsonBytes(v), (l) => {
      if (v !== 'Portrait' && v !== 'Landscape') throw invalidArgument(`"${v}" is not a page orientation.`);
      l.orientation = v;
    });
  }
  get paperSize(): string { return this._get('paperSize'); }
  set paperSize(v: string) {
    this._set(jsonBytes(v), (l) => {
      if (!PAPER_SIZES.has(v)) throw invalidArgument(`"${v}" is not a paper size.`);
      l.paperSize = v;
    });
  }
  get centerHorizontally(): boolean { return this._get('centerHorizontally'); }
  set centerHorizontally(v: boolean) { this._set(5, (l) => { l.centerHorizontally = !!v; }); }
  get leftMargin(): number { return this._get('leftMargin'); }
  set leftMargin(v: number) { this._margin('leftMargin', v); }
  get rightMargin(): number { return this._get('rightMargin'); }
  set rightMargin(v: number) { this._margin('rightMargin', v); }
  get topMargin(): number { return this._get('topMargin'); }
  set topMargin(v: number) { this._margin('topMargin', v); }
  get bottomMargin(): number { return this._get('bottomMargin'); }
  set bottomMargin(v: number) { this._margin('bottomMargin', v); }
  get headerMargin(): number { return this._get('headerMargin'); }
  set headerMargin(v: number) { this._margin('headerMargin', v); }
  get footerMargin(): number { return this._get('footerMargin'); }
  set footerMargin(v: number) { this._margin('footerMargin', v); }
  get zoom(): PageLayoutData['zoom'] { return this._get('zoom'); }
  /** Set whole, as in Excel: a scale (10–400) or pages wide/tall to fit to. */
  set zoom(v: PageLayoutData['zoom']) {
    this._set(jsonBytes(v), (l) => {
      const ok = (n: unknown, min: number, max: number) => n === undefined || (typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max);
      if (!v || typeof v !== 'object' || !ok(v.scale, 10, 400) || !ok(v.horizontalFitToPages, 0, 32767) || !ok(v.verticalFitToPages, 0, 32767)) {
        throw invalidArgument('The zoom must have a scale from 10 to 400 or whole numbers of pages to fit to.');
      }
      l.zoom = { ...v };
    });
  }
  /** Rows repeated at the top of every printed page: "$3:$4", "3:4" or a range. */
  setPrintTitleRows(rows: FakeRange | string): void {
    this._set(jsonBytes(typeof rows === 'string' ? rows : ''), (l) => {
      let r0: number;
      let r1: number;
      if (typeof rows === 'string') {
        const m = /^\$?(\d+):\$?(\d+)$/.exec(splitSheet(rows).local.trim());
        if (!m) throw invalidArgument(`"${rows}" is not a range of whole rows.`);
        r0 = Number(m[1]);
        r1 = Number(m[2]);
      } else {
        const rect = (rows._target() as { rect: Rect }).rect;
        r0 = rect.r0 + 1;
        r1 = rect.r1 + 1;
      }
      if (r0 < 1 || r1 < r0 || r1 > MAX_ROWS) throw invalidArgument(`Rows ${r0}:${r1} are outside the sheet.`);
      l.printTitleRows = `$${r0}:$${r1}`;
    });
  }
  getPrintTitleRowsOrNullObject(): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this._target();
      const m = s?.pageLayout?.printTitleRows ? /^\$(\d+):\$(\d+)$/.exec(s.pageLayout.printTitleRows) : null;
      if (!s || !m) return null;
      return { sheet: s, rect: { r0: Number(m[1]) - 1, c0: 0, r1: Number(m[2]) - 1, c1: MAX_COLUMNS - 1 } };
    }, true);
  }
}

export class FakeAutoFilter extends FakeClientObject<SheetModel> {
  protected override _scalars() {
    return { enabled: (s: SheetModel) => s.autoFilter.enabled, isDataFiltered: (s: SheetModel) => s.autoFilter.filtered };
  }
  get enabled(): boolean { return this._get('enabled'); }
  get isDataFiltered(): boolean { return this._get('isDataFiltered'); }
  clearCriteria(): void {
    this._queue(10, (s) => {
      s.autoFilter.filtered = false;
      s.hiddenRows.clear();
    });
  }
  remove(): void {
    this._queue(10, (s) => {
      s.autoFilter = { enabled: false, filtered: false };
      s.hiddenRows.clear();
    });
  }
}

interface TableTarget {
  sheet: SheetModel;
  table: TableData;
}

export class FakeTable extends FakeClientObject<TableTarget> {
  protected override _checkAlive(t: TableTarget): void {
    assertSheetAlive(t.sheet);
    if (!t.sheet.tables.includes(t.table)) throw itemNotFound(`table '${t.table.name}'`);
  }
  protected override _scalars() {
    return {
      id: (t: TableTarget) => t.table.id,
      name: (t: TableTarget) => t.table.name,
      showHeaders: (t: TableTarget) => t.table.showHeaders,
      showTotals: (t: TableTarget) => t.table.showTotals,
    };
  }
  get id(): string { return this._get('id'); }
  get name(): string { return this._get('name'); }
  get showHeaders(): boolean { return this._get('showHeaders'); }
  get showTotals(): boolean { return this._get('showTotals'); }
  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this._target();
      return t ? { sheet: t.sheet, rect: { ...t.table.rect } } : null;
    });
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this._target();
      if (!t) return null;
      const r = t.table.rect;
      return { sheet: t.sheet, rect: { ...r, r0: r.r0 + (t.table.showHeaders ? 1 : 0), r1: r.r1 - (t.table.showTotals ? 1 : 0) } };
    });
  }
  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this._target();
      return t ? { sheet: t.sheet, rect: { ...t.table.rect, r1: t.table.rect.r0 } } : null;
    });
  }
  delete(): void {
    this._queue(10, (t) => {
      assertWritable(t.sheet);
      t.sheet.tables.splice(t.sheet.tables.indexOf(t.table), 1);
    });
  }
}

export class FakeTableCollection extends FakeCollection<FakeTable, TableData, SheetModel> {
  protected override _models(s: SheetModel): TableData[] {
    return s.tables;
  }
  protected override _makeItem(table: TableData): FakeTable {
    return new FakeTable(this.context, () => {
      const s = this._target();
      return s ? { sheet: s, table } : null;
    });
  }
  private _byName(name: string, nullable: boolean): FakeTable {
    return new FakeTable(this.context, () => {
      const s = this._target();
      if (!s) return null;
      const table = s.tables.find((t) => t.name.toLowerCase() === name.toLowerCase() || t.id === name);
      if (table) return { sheet: s, table };
      if (nullable) return null;
      throw itemNotFound(`table '${name}'`);
    }, nullable);
  }
  getItem(name: string): FakeTable { return this._byName(name, false); }
  getItemOrNullObject(name: string): FakeTable { return this._byName(name, true); }
  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    let created: TableTarget | null = null;
    this._queue(40, (s) => {
      assertWritable(s);
      const rect = typeof address === 'string' ? parseRect(splitSheet(address).local) : (address._target() as { rect: Rect }).rect;
      const table: TableData = { id: newId('table'), name: `Table${s.tables.length + 1}`, rect: { ...rect }, showHeaders: hasHeaders, showTotals: false };
      s.tables.push(table);
      created = { sheet: s, table };
    });
    return new FakeTable(this.context, () => created);
  }
}

interface ChartTarget {
  sheet: SheetModel;
  chart: ChartData;
}

export class FakeChartTitle extends FakeClientObject<ChartTarget> {
  protected override _scalars() {
    return { text: (t: ChartTarget) => t.chart.title ?? '' };
  }
  get text(): string { return this._get('text'); }
  set text(value: string) { this._queue(jsonBytes(value), (t) => { t.chart.title = value; }); }
}

export class FakeChartLegend extends FakeClientObject<ChartTarget> {
  protected override _scalars() {
    return { visible: (t: ChartTarget) => t.chart.legendVisible ?? true };
  }
  get visible(): boolean { return this._get('visible'); }
  set visible(value: boolean) { this._queue(5, (t) => { t.chart.legendVisible = value; }); }
}

function sourceAddress(source: FakeRange | FakeRangeAreas): string {
  const src = source._target() as { sheet: SheetModel; rect?: Rect; rects?: Rect[] } | null;
  if (!src) throw invalidArgument('The source range does not exist.');
  const rects = src.rect ? [src.rect] : src.rects ?? [];
  return rects.map((r) => `${src.sheet.name}!${formatRect(r)}`).join(',');
}

/** One series of a chart: only the category values are recorded. */
export class FakeChartSeries extends FakeClientObject<ChartTarget> {
  setXAxisValues(source: FakeRange): void {
    this._queue(40, (t) => { t.chart.categories = sourceAddress(source); });
  }
  setValues(source: FakeRange): void {
    this._queue(40, (t) => { t.chart.source = sourceAddress(source); });
  }
}

export class FakeChartSeriesCollection extends FakeClientObject<ChartTarget> {
  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.context, () => {
      const t = this._target();
      if (t && index !== 0) throw itemNotFound(`series ${index} (the fake records one series per chart)`);
      return t;
    });
  }
}

/** Charts are recorded (type, source, categories, title, legend, position), never drawn. */
export class FakeChart extends FakeClientObject<ChartTarget> {
  private _title?: FakeChartTitle;
  private _legend?: FakeChartLegend;
  private _series?: FakeChartSeriesCollection;
  protected override _checkAlive(t: ChartTarget): void {
    assertSheetAlive(t.sheet);
    if (!t.sheet.charts.includes(t.chart)) throw itemNotFound(`chart '${t.chart.name}'`);
  }
  protected override _scalars() {
    return {
      id: (t: ChartTarget) => t.chart.id,
      name: (t: ChartTarget) => t.chart.name,
      chartType: (t: ChartTarget) => t.chart.type,
      top: (t: ChartTarget) => t.chart.top ?? 0,
      left: (t: ChartTarget) => t.chart.left ?? 0,
      width: (t: ChartTarget) => t.chart.width ?? 360,
      height: (t: ChartTarget) => t.chart.height ?? 216,
    };
  }
  protected override _nav(name: string) {
    if (name === 'title') return this.title;
    if (name === 'legend') return this.legend;
    return undefined;
  }
  get title(): FakeChartTitle { return (this._title ??= new FakeChartTitle(this.context, () => this._target())); }
  get legend(): FakeChartLegend { return (this._legend ??= new FakeChartLegend(this.context, () => this._target())); }
  get series(): FakeChartSeriesCollection { return (this._series ??= new FakeChartSeriesCollection(this.context, () => this._target())); }
  get id(): string { return this._get('id'); }
  get name(): string { return this._get('name'); }
  set name(v: string) { this._queue(jsonBytes(v), (t) => { t.chart.name = v; }); }
  get chartType(): string { return this._get('chartType'); }
  set chartType(v: string) { this._queue(jsonBytes(v), (t) => { t.chart.type = v; }); }
  get top(): number { return this._get('top'); }
  set top(v: number) { this._queue(8, (t) => { t.chart.top = v; }); }
  get left(): number { return this._get('left'); }
  set left(v: number) { this._queue(8, (t) => { t.chart.left = v; }); }
  get width(): number { return this._get('width'); }
  set width(v: number) { this._queue(8, (t) => { t.chart.width = v; }); }
  get height(): number { return this._get('height'); }
  set height(v: number) { this._queue(8, (t) => { t.chart.height = v; }); }
  setPosition(startCell: FakeRange | string, _endCell?: FakeRange | string): void {
    this._queue(20, (t) => {
      const rect = typeof startCell === 'string' ? parseRect(splitSheet(startCell).local) : (startCell._target() as { rect: Rect }).rect;
      t.chart.top = rect.r0 * 15;
      t.chart.left = rect.c0 * 48;
    });
  }
  delete(): void {
    this._queue(10, (t) => { t.sheet.charts.splice(t.sheet.charts.indexOf(t.chart), 1); });
  }
}

export class FakeChartCollection extends FakeCollection<FakeChart, ChartData, SheetModel> {
  protected override _models(s: SheetModel): ChartData[] {
    return s.charts;
  }
  protected override _makeItem(chart: ChartData): FakeChart {
    return new FakeChart(this.context, () => {
      const s = this._target();
      return s ? { sheet: s, chart } : null;
    });
  }
  add(type: string, sourceData: FakeRange | FakeRangeAreas, seriesBy = 'Auto'): FakeChart {
    let created: ChartTarget | null = null;
    this._queue(60, (s) => {
      assertWritable(s);
      const source = sourceAddress(sourceData);
      const chart: ChartData = { id: newId('chart'), name: `Chart ${s.charts.length + 1}`, type, source, seriesBy };
      s.charts.push(chart);
      created = { sheet: s, chart };
    });
    return new FakeChart(this.context, () => created);
  }
  getItem(name: string): FakeChart {
    return new FakeChart(this.context, () => {
      const s = this._target();
      if (!s) return null;
      const chart = s.charts.find((c) => c.name === name || c.id === name);
      if (!chart) throw itemNotFound(`chart '${name}'`);
      return { sheet: s, chart };
    });
  }
}

const INVALID_SHEET_CHARS = /[\\/?*[\]:]/;

export function checkSheetName(name: string): void {
  if (typeof name !== 'string' || !name.length || name.length > 31 || INVALID_SHEET_CHARS.test(name) || /^'|'$/.test(name)) {
    throw invalidArgument(`"${name}" is not a valid sheet name (1–31 characters, none of \\ / ? * [ ] :).`);
  }
}

export class FakeWorksheet extends FakeClientObject<SheetModel> {
  private _protection?: FakeWorksheetProtection;
  private _freeze?: FakeWorksheetFreezePanes;
  private _autoFilter?: FakeAutoFilter;
  private _tables?: FakeTableCollection;
  private _charts?: FakeChartCollection;
  private _pageLayout?: FakePageLayout;

  protected override _checkAlive(s: SheetModel): void {
    assertSheetAlive(s);
  }
  protected override _scalars() {
    const wb = this.context._model;
    return {
      id: (s: SheetModel) => s.id,
      name: (s: SheetModel) => s.name,
      position: (s: SheetModel) => wb.liveSheets().indexOf(s),
      visibility: (s: SheetModel) => s.visibility,
      tabColor: (s: SheetModel) => s.tabColor,
    };
  }
  protected override _nav(name: string) {
    switch (name) {
      case 'protection': return this.protection;
      case 'freezePanes': return this.freezePanes;
      case 'autoFilter': return this.autoFilter;
      case 'tables': return this.tables;
      case 'charts': return this.charts;
      case 'pageLayout': return this.pageLayout;
      default: return undefined;
    }
  }
  get id(): string { return this._get('id'); }
  get name(): string { return this._get('name'); }
  set name(value: string) {
    this._queue(jsonBytes(value), (s) => {
      checkSheetName(value);
      const other = this.context._model.sheetByName(value);
      if (other && other !== s) throw new FakeExcelError('ItemAlreadyExists', `A sheet named '${value}' already exists.`);
      s.name = value;
    });
  }
  get position(): number { return this._get('position'); }
  set position(value: number) {
    this._queue(5, (s) => {
      const wb = this.context._model;
      const live = wb.liveSheets();
      if (value < 0 || value >= live.length) throw invalidArgument(`Position ${value} is outside 0–${live.length - 1}.`);
      const others = live.filter((x) => x !== s);
      others.splice(value, 0, s);
      wb.sheets = [...others, ...wb.sheets.filter((x) => x.deleted)];
    });
  }
  get visibility(): Visibility { return this._get('visibility'); }
  set visibility(value: Visibility) {
    this._queue(10, (s) => {
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(value)) throw invalidArgument(`"${value}" is not a sheet visibility.`);
      const wb = this.context._model;
      if (value !== 'Visible' && wb.liveSheets().filter((x) => x.visibility === 'Visible' && x !== s).length === 0) {
        throw new FakeExcelError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
      }
      s.visibility = value;
      if (value !== 'Visible' && wb.activeSheet === s) {
        wb.activeSheet = wb.liveSheets().find((x) => x.visibility === 'Visible') ?? null;
        if (wb.activeSheet) wb.selection = { sheet: wb.activeSheet, rect: { ...wb.activeSheet.lastSelection } };
      }
    });
  }
  get tabColor(): string { return this._get('tabColor'); }
  set tabColor(value: string) { this._queue(jsonBytes(value), (s) => { s.tabColor = value; }); }

  get protection(): FakeWorksheetProtection { return (this._protection ??= new FakeWorksheetProtection(this.context, () => this._target())); }
  get freezePanes(): FakeWorksheetFreezePanes { return (this._freeze ??= new FakeWorksheetFreezePanes(this.context, () => this._target())); }
  get autoFilter(): FakeAutoFilter { return (this._autoFilter ??= new FakeAutoFilter(this.context, () => this._target())); }
  get tables(): FakeTableCollection { return (this._tables ??= new FakeTableCollection(this.context, () => this._target())); }
  get charts(): FakeChartCollection { return (this._charts ??= new FakeChartCollection(this.context, () => this._target())); }
  get pageLayout(): FakePageLayout { return (this._pageLayout ??= new FakePageLayout(this.context, () => this._target())); }

  /** A range by A1 address; no address means the whole sheet. */
  getRange(address?: string): FakeRange {
    this._sendArgs(address ?? '');
    return new FakeRange(this.context, () => {
      const s = this._target();
      if (!s) return null;
      if (address === undefined || address === '') return { sheet: s, rect: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 } };
      const { sheet, local } = splitSheet(address);
      if (sheet !== undefined && sheet.toLowerCase() !== s.name.toLowerCase()) throw invalidArgument(`Address "${address}" is on another sheet.`);
      return { sheet: s, rect: parseRect(local) };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    this._sendArgs(startRow, startColumn, rowCount, columnCount);
    return new FakeRange(this.context, () => {
      const s = this._target();
      if (!s) return null;
      if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0 ||
          startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLUMNS) {
        throw invalidArgument(`getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount}) is outside the sheet.`);
      }
      return { sheet: s, rect: { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 } };
    });
  }
  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  /** Several areas, "A1:B2, D5"; no address means the whole sheet. */
  getRanges(address?: string): FakeRangeAreas {
    this._sendArgs(address ?? '');
    return new FakeRangeAreas(this.context, () => {
      const s = this._target();
      if (!s) return null;
      if (!address) return { sheet: s, rects: [{ r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 }] };
      const rects = splitAreas(address).map((a) => parseRect(splitSheet(a).local));
      if (!rects.length) throw invalidArgument(`Address "${address}" has no areas.`);
      return { sheet: s, rects };
    });
  }
  /** Excel's used range; a blank sheet gives A1. */
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this._target();
      if (!s) return null;
      return { sheet: s, rect: s.usedRect(valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }
  /** The used range, or a null object for a blank sheet. */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this._target();
      if (!s) return null;
      const rect = s.usedRect(valuesOnly);
      return rect ? { sheet: s, rect } : null;
    }, true);
  }
  activate(): void {
    this._queue(10, (s) => {
      if (s.visibility !== 'Visible') throw new FakeExcelError('InvalidOperation', `The sheet '${s.name}' is hidden and cannot be activated.`);
      const wb = this.context._model;
      wb.activeSheet = s;
      wb.selection = { sheet: s, rect: { ...s.lastSelection } };
    });
  }
  delete(): void {
    this._queue(10, (s) => {
      const wb = this.context._model;
      if (wb.liveSheets().filter((x) => x !== s && x.visibility === 'Visible').length === 0) {
        throw new FakeExcelError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      s.deleted = true;
      if (wb.activeSheet === s) {
        wb.activeSheet = wb.liveSheets().find((x) => x.visibility === 'Visible') ?? null;
        wb.selection = wb.activeSheet ? { sheet: wb.activeSheet, rect: { ...wb.activeSheet.lastSelection } } : null;
      }
    });
  }
}

setWorksheetFactory((context, resolve) => new FakeWorksheet(context, resolve));

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet, SheetModel, WorkbookModel> {
  protected override _models(wb: WorkbookModel): SheetModel[] {
    return wb.liveSheets();
  }
  protected override _makeItem(sheet: SheetModel): FakeWorksheet {
    return new FakeWorksheet(this.context, () => sheet);
  }
  private _byKey(key: string, nullable: boolean): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const wb = this._target() as WorkbookModel;
      const s = wb.sheetByName(key) ?? wb.sheetById(key);
      if (s) return s;
      if (nullable) return null;
      throw itemNotFound(`worksheet '${key}'`);
    }, nullable);
  }
  getItem(key: string): FakeWorksheet { return this._byKey(key, false); }
  getItemOrNullObject(key: string): FakeWorksheet { return this._byKey(key, true); }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const wb = this._target() as WorkbookModel;
      if (!wb.activeSheet) throw itemNotFound('active worksheet');
      return wb.activeSheet;
    });
  }
  getFirst(visibleOnly = false): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const wb = this._target() as WorkbookModel;
      const s = wb.liveSheets().find((x) => !visibleOnly || x.visibility === 'Visible');
      if (!s) throw itemNotFound('first worksheet');
      return s;
    });
  }
  /** Adds a sheet at the end (Excel names it SheetN when no name is given). */
  add(name?: string): FakeWorksheet {
    let created: SheetModel | null = null;
    this._queue(jsonBytes(name ?? ''), (wb) => {
      if (wb.protectedStructure) throw new FakeExcelError('AccessDenied', 'The workbook structure is protected.');
      let sheetName = name;
      if (sheetName === undefined) {
        let n = wb.liveSheets().length + 1;
        while (wb.sheetByName(`Sheet${n}`)) n += 1;
        sheetName = `Sheet${n}`;
      }
      checkSheetName(sheetName);
      if (wb.sheetByName(sheetName)) throw new FakeExcelError('ItemAlreadyExists', `A sheet named '${sheetName}' already exists.`);
      created = wb.addSheet(sheetName);
    });
    return new FakeWorksheet(this.context, () => created);
  }
}

interface SettingTarget {
  wb: WorkbookModel;
  key: string;
}

function toSettingValue(value: unknown): unknown {
  if (value === undefined || typeof value === 'function') throw invalidArgument('A setting value must be JSON-serialisable.');
  return JSON.parse(JSON.stringify(value));
}

export class FakeSetting extends FakeClientObject<SettingTarget> {
  protected override _checkAlive(t: SettingTarget): void {
    if (!t.wb.settings.has(t.key)) throw itemNotFound(`setting '${t.key}'`);
  }
  protected override _scalars() {
    return { key: (t: SettingTarget) => t.key, value: (t: SettingTarget) => toSettingValue(t.wb.settings.get(t.key)) };
  }
  get key(): string { return this._get('key'); }
  get value(): unknown { return this._get('value'); }
  set value(v: unknown) {
    this._queue(jsonBytes(v), (t) => { t.wb.settings.set(t.key, toSettingValue(v)); });
  }
  delete(): void {
    this._queue(10, (t) => { t.wb.settings.delete(t.key); });
  }
}

/** `workbook.settings`: JSON values by key, saved with the workbook. */
export class FakeSettingCollection extends FakeCollection<FakeSetting, string, WorkbookModel> {
  protected override _models(wb: WorkbookModel): string[] {
    return [...wb.settings.keys()];
  }
  protected override _makeItem(key: string): FakeSetting {
    return new FakeSetting(this.context, () => ({ wb: this._target() as WorkbookModel, key }));
  }
  add(key: string, value: unknown): FakeSetting {
    this._queue(jsonBytes(key) + jsonBytes(value), (wb) => {
      if (typeof key !== 'string' || !key.length) throw invalidArgument('A setting needs a key.');
      wb.settings.set(key, toSettingValue(value));
    });
    return new FakeSetting(this.context, () => ({ wb: this._target() as WorkbookModel, key }));
  }
  private _byKey(key: string, nullable: boolean): FakeSetting {
    return new FakeSetting(this.context, () => {
      const wb = this._target() as WorkbookModel;
      if (wb.settings.has(key)) return { wb, key };
      if (nullable) return null;
      throw itemNotFound(`setting '${key}'`);
    }, nullable);
  }
  getItem(key: string): FakeSetting { return this._byKey(key, false); }
  getItemOrNullObject(key: string): FakeSetting { return this._byKey(key, true); }
}

export class FakeApplication extends FakeClientObject<WorkbookModel> {
  protected override _scalars() {
    return { calculationMode: () => 'Automatic' };
  }
  get calculationMode(): string { return this._get('calculationMode'); }
  suspendApiCalculationUntilNextSync(): void { this._queue(5, () => undefined); }
  suspendScreenUpdatingUntilNextSync(): void { this._queue(5, () => undefined); }
  calculate(_type?: string): void { this._queue(5, () => undefined); }
}

export class FakeWorkbook extends FakeClientObject<WorkbookModel> {
  private _worksheets?: FakeWorksheetCollection;
  private _settings?: FakeSettingCollection;
  private _application?: FakeApplication;

  protected override _scalars() {
    return { name: (wb: WorkbookModel) => wb.name };
  }
  protected override _nav(name: string) {
    if (name === 'worksheets') return this.worksheets;
    if (name === 'settings') return this.settings;
    if (name === 'application') return this.application;
    return undefined;
  }
  get name(): string { return this._get('name'); }
  get worksheets(): FakeWorksheetCollection { return (this._worksheets ??= new FakeWorksheetCollection(this.context, () => this._target())); }
  get settings(): FakeSettingCollection { return (this._settings ??= new FakeSettingCollection(this.context, () => this._target())); }
  get application(): FakeApplication { return (this._application ??= new FakeApplication(this.context, () => this._target())); }

  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const wb = this._target() as WorkbookModel;
      if (wb.selection && !wb.selection.sheet.deleted) return { sheet: wb.selection.sheet, rect: { ...wb.selection.rect } };
      if (!wb.activeSheet) throw itemNotFound('selection');
      return { sheet: wb.activeSheet, rect: { ...wb.activeSheet.lastSelection } };
    });
  }
  getActiveCell(): FakeRange {
    return new FakeRange(this.context, () => {
      const wb = this._target() as WorkbookModel;
      const sel = wb.selection && !wb.selection.sheet.deleted ? wb.selection : wb.activeSheet ? { sheet: wb.activeSheet, rect: wb.activeSheet.lastSelection } : null;
      if (!sel) throw itemNotFound('active cell');
      return { sheet: sel.sheet, rect: { r0: sel.rect.r0, c0: sel.rect.c0, r1: sel.rect.r0, c1: sel.rect.c0 } };
    });
  }
}

/** A request context on the fake: `workbook`, `sync()`, `load()`. */
export class FakeRequestContext extends FakeRequestContextBase {
  readonly workbook: FakeWorkbook;
  constructor(host: ConstructorParameters<typeof FakeRequestContextBase>[0]) {
    super(host);
    this.workbook = new FakeWorkbook(this, () => host.model);
  }
}

/** Creates the range areas of an address list on the fake for tests and views. */
export function rectsOf(address: string): Rect[] {
  return splitAreas(address).map((a) => parseRect(splitSheet(a).local));
}
