/**
 * The fake Excel's Range, RangeAreas, RangeFormat (fill, font) and conditional-format proxies: what a clerk's
 * cells look like through the Excel JS API, with Excel's rules for setting values (null leaves a cell unchanged,
 * the array's shape must match the range, "=..." is a formula, "'..." text, numbers parsed) and protected sheets.
 */
import { formatAddress, formatRect, intersects, MAX_COLUMNS, MAX_ROWS, parseRect, Rect, rectCells, rectColumns, rectRows } from './address';
import { displayText, parseInput, ScalarValue } from './cell-input';
import { FakeClientObject, FakeCollection, FakeRequestContextBase } from './client-object';
import { FakeExcelError, invalidArgument, itemNotFound } from './errors';
import { CellData, ConditionalFormatData, HyperlinkData, newId, SheetModel } from './model';
import { jsonBytes } from './payload';

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

export interface AreasTarget {
  sheet: SheetModel;
  rects: Rect[];
}

/** The worksheet proxy is defined in worksheet.ts; ranges only need to make one for `range.worksheet`. */
export type WorksheetFactory = (context: FakeRequestContextBase, resolve: () => SheetModel | null) => FakeClientObject<SheetModel>;
let worksheetFactory: WorksheetFactory | undefined;
export function setWorksheetFactory(f: WorksheetFactory): void {
  worksheetFactory = f;
}

export function assertSheetAlive(sheet: SheetModel): void {
  if (sheet.deleted) throw itemNotFound(`worksheet '${sheet.name}' was deleted`);
}

export function assertWritable(sheet: SheetModel): void {
  if (sheet.protected) {
    throw new FakeExcelError('AccessDenied', `You cannot perform the requested operation. The sheet '${sheet.name}' is protected.`);
  }
}

const NAMED_COLORS: Record<string, string> = {
  red: '#FF0000', green: '#008000', blue: '#0000FF', yellow: '#FFFF00', white: '#FFFFFF', black: '#000000',
  orange: '#FFA500', gray: '#808080', grey: '#808080', lightgreen: '#90EE90', pink: '#FFC0CB',
};

/** Colours as Excel returns them: "#RRGGBB" upper case. */
export function normaliseColor(color: string): string {
  const c = color.trim();
  if (/^#[0-9a-f]{6}$/i.test(c)) return c.toUpperCase();
  if (/^#[0-9a-f]{3}$/i.test(c)) return `#${c[1]}${c[1]}${c[2]}${c[2]}${c[3]}${c[3]}`.toUpperCase();
  const named = NAMED_COLORS[c.toLowerCase()];
  if (named) return named;
  throw invalidArgument(`"${color}" is not a colour.`);
}

function checkCellLimit(context: FakeRequestContextBase, rect: Rect, what: string): void {
  const limit = context._host.limits.cellsPerRead;
  if (rectCells(rect) > limit) {
    throw new FakeExcelError(
      'InvalidOperation',
      `This operation is not permitted for the current object: reading ${what} of ${rectCells(rect)} cells exceeds the limit of ${limit} cells.`,
    );
  }
}

function cellGrid<V>(t: RangeTarget, f: (cell: CellData | undefined) => V): V[][] {
  const { sheet, rect } = t;
  const out: V[][] = new Array(rectRows(rect));
  for (let r = rect.r0; r <= rect.r1; r++) {
    const row = sheet.rows[r];
    const line: V[] = new Array(rectColumns(rect));
    for (let c = rect.c0; c <= rect.c1; c++) line[c - rect.c0] = f(row ? row[c] : undefined);
    out[r - rect.r0] = line;
  }
  return out;
}

const ERROR_VALUES = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!']);

function valueType(cell: CellData | undefined): string {
  if (!cell || cell.v === '') return 'Empty';
  if (typeof cell.v === 'number') return 'Double';
  if (typeof cell.v === 'boolean') return 'Boolean';
  if (cell.f && ERROR_VALUES.has(cell.v)) return 'Error';
  return 'String';
}

/** Calls f for every existing cell of the rectangle; returns how many there were. */
function forExisting(t: RangeTarget, f: (cell: CellData) => void): number {
  let n = 0;
  const { sheet, rect } = t;
  const last = Math.min(rect.r1, sheet.rows.length - 1);
  for (let r = rect.r0; r <= last; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    const lastC = Math.min(rect.c1, row.length - 1);
    for (let c = rect.c0; c <= lastC; c++) {
      const cell = row[c];
      if (cell) {
        f(cell);
        n += 1;
      }
    }
  }
  return n;
}

/** A property that is the same in every cell, or null when cells differ (Excel's rule for multi-cell ranges). */
function uniform<V>(t: RangeTarget, get: (cell: CellData | undefined) => V): V | null {
  let seen = false;
  let value: V | null = null;
  let mixed = false;
  const n = forExisting(t, (cell) => {
    const v = get(cell);
    if (!seen) {
      value = v;
      seen = true;
    } else if (v !== value) mixed = true;
  });
  if (n < rectCells(t.rect)) {
    const v = get(undefined);
    if (!seen) value = v;
    else if (v !== value) mixed = true;
  }
  return mixed ? null : value;
}

const MAX_FORMAT_CELLS = 2_000_000;
/** Excel's default column width (8.43 characters, 64 pixels) and row height, in points. */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

/** Applies f to every cell of the rectangle, creating cells as needed. */
function forEveryCell(t: RangeTarget, f: (cell: CellData, r: number, c: number) => void): void {
  if (rectCells(t.rect) > MAX_FORMAT_CELLS) {
    throw new FakeExcelError('InvalidOperation', `The fake Excel does not format more than ${MAX_FORMAT_CELLS} cells at once.`);
  }
  for (let r = t.rect.r0; r <= t.rect.r1; r++) for (let c = t.rect.c0; c <= t.rect.c1; c++) f(t.sheet.ensure(r, c), r, c);
}

function is2D(value: unknown): value is unknown[][] {
  return Array.isArray(value) && value.every((row) => Array.isArray(row));
}

function checkShape(rect: Rect, value: unknown[][], what: string): void {
  const rows = rectRows(rect);
  const columns = rectColumns(rect);
  if (value.length !== rows || value.some((row) => row.length !== columns)) {
    const got = `${value.length}×${value[0]?.length ?? 0}`;
    throw invalidArgument(
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}: range is ${rows}×${columns}, array is ${got}).`,
    );
  }
}

function isScalar(v: unknown): v is ScalarValue {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** Writes one input into a cell the way Excel does. */
function writeInput(sheet: SheetModel, cell: CellData, input: unknown): void {
  if (input === null || input === undefined) return;
  if (!isScalar(input)) throw invalidArgument(`A cell value must be text, a number or a boolean, not ${typeof input}.`);
  const parsed = parseInput(input, cell.nf);
  cell.quoted = parsed.quoted ? true : undefined;
  if (!cell.quoted) delete cell.quoted;
  if (parsed.formula) {
    cell.f = parsed.formula;
    sheet.recalc(cell);
  } else {
    delete cell.f;
    cell.v = parsed.value;
  }
  if (parsed.numberFormat && (cell.nf === undefined || cell.nf === 'General')) cell.nf = parsed.numberFormat;
}

function setCellArray(t: RangeTarget, value: unknown, what: string): void {
  assertWritable(t.sheet);
  if (is2D(value)) {
    checkShape(t.rect, value, what);
    for (let i = 0; i < value.length; i++) {
      const line = value[i];
      for (let j = 0; j < line.length; j++) {
        const input = line[j];
        if (input === null || input === undefined) continue;
        writeInput(t.sheet, t.sheet.ensure(t.rect.r0 + i, t.rect.c0 + j), input);
      }
    }
  } else if (isScalar(value)) {
    forEveryCell(t, (cell) => writeInput(t.sheet, cell, value));
  } else if (value !== null && value !== undefined) {
    throw invalidArgument(`${what} must be a two-dimensional array or a single value.`);
  }
}

function setNumberFormats(t: RangeTarget, value: unknown): void {
  assertWritable(t.sheet);
  const apply = (cell: CellData, nf: unknown) => {
    if (nf === null || nf === undefined) return;
    if (typeof nf !== 'string') throw invalidArgument('A number format must be text.');
    if (nf === 'General') delete cell.nf;
    else cell.nf = nf;
  };
  if (is2D(value)) {
    checkShape(t.rect, value, 'numberFormat');
    value.forEach((line, i) => line.forEach((nf, j) => {
      if (nf !== null && nf !== undefined) apply(t.sheet.ensure(t.rect.r0 + i, t.rect.c0 + j), nf);
    }));
  } else forEveryCell(t, (cell) => apply(cell, value));
}

function sheetOf(context: FakeRequestContextBase, resolve: () => SheetModel | null): FakeClientObject<SheetModel> {
  if (!worksheetFactory) throw new Error('fake-excel: worksheet factory not registered');
  return worksheetFactory(context, resolve);
}

/** Cells' fill. Excel returns "#FFFFFF" for no fill and null when the cells differ. */
export class FakeRangeFill extends FakeClientObject<RangeTarget> {
  protected override _scalars() {
    return { color: (t: RangeTarget) => uniform(t, (c) => c?.fill ?? '#FFFFFF') };
  }
  get color(): string {
    return this._get('color');
  }
  set color(value: string) {
    this._queue(jsonBytes(value), (t) => {
      assertWritable(t.sheet);
      const color = normaliseColor(value);
      forEveryCell(t, (cell) => { cell.fill = color; });
    });
  }
  clear(): void {
    this._queue(10, (t) => {
      assertWritable(t.sheet);
      forExisting(t, (cell) => { delete cell.fill; });
    });
  }
}

export class FakeRangeFont extends FakeClientObject<RangeTarget> {
  protected override _scalars() {
    return {
      color: (t: RangeTarget) => uniform(t, (c) => c?.fontColor ?? '#000000'),
      bold: (t: RangeTarget) => uniform(t, (c) => c?.bold ?? false),
      name: () => 'Calibri',
      size: () => 11,
    };
  }
  get color(): string {
    return this._get('color');
  }
  set color(value: string) {
    this._queue(jsonBytes(value), (t) => {
      assertWritable(t.sheet);
      const color = normaliseColor(value);
      forEveryCell(t, (cell) => { cell.fontColor = color; });
    });
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(value: boolean) {
    this._queue(5, (t) => {
      assertWritable(t.sheet);
      forEveryCell(t, (cell) => { cell.bold = value; });
    });
  }
  get name(): string {
    return this._get('name');
  }
  set name(_v: string) {
    this._queue(20, (t) => assertWritable(t.sheet));
  }
  get size(): number {
    return this._get('size');
  }
  set size(_v: number) {
    this._queue(5, (t) => assertWritable(t.sheet));
  }
}

/** Range formatting: fill, font, column widths and row heights are modelled; alignment and wrapping are accepted and not kept. */
export class FakeRangeFormat extends FakeClientObject<RangeTarget> {
  private _fill?: FakeRangeFill;
  private _font?: FakeRangeFont;
  private _resolveParent: () => RangeTarget | null;

  constructor(context: FakeRequestContextBase, resolve: () => RangeTarget | null) {
    super(context, resolve);
    this._resolveParent = () => this._target();
  }
  get fill(): FakeRangeFill {
    return (this._fill ??= new FakeRangeFill(this.context, this._resolveParent));
  }
  get font(): FakeRangeFont {
    return (this._font ??= new FakeRangeFont(this.context, this._resolveParent));
  }
  protected override _nav(name: string) {
    if (name === 'fill') return this.fill;
    if (name === 'font') return this.font;
    return undefined;
  }
  protected override _scalars() {
    const same = (t: RangeTarget, map: Map<number, number>, from: number, to: number, fallback: number): number | null => {
      let value: number | null = null;
      for (let i = from; i <= to; i++) {
        const v = map.get(i) ?? fallback;
        if (value === null) value = v;
        else if (v !== value) return null;
      }
      return value;
    };
    return {
      columnWidth: (t: RangeTarget) => same(t, t.sheet.columnWidths, t.rect.c0, t.rect.c1, DEFAULT_COLUMN_WIDTH),
      rowHeight: (t: RangeTarget) => same(t, t.sheet.rowHeights, t.rect.r0, t.rect.r1, DEFAULT_ROW_HEIGHT),
      wrapText: () => false, horizontalAlignment: () => 'General', verticalAlignment: () => 'Bottom',
    };
  }
  /** Sets a width or height on each column (row) of the range, as Excel does; a number from 0 to 409 points (heights) or more (widths). */
  private _size(what: 'columnWidth' | 'rowHeight', v: number): void {
    this._queue(jsonBytes(v) + what.length, (t) => {
      assertWritable(t.sheet);
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (what === 'rowHeight' && v > 409)) {
        throw invalidArgument(`${what} must be a number of points${what === 'rowHeight' ? ' from 0 to 409' : ' of at least 0'}, not ${String(v)}.`);
      }
      const [from, to, map] = what === 'columnWidth' ? [t.rect.c0, t.rect.c1, t.sheet.columnWidths] : [t.rect.r0, t.rect.r1, t.sheet.rowHeights];
      for (let i = from; i <= to; i++) map.set(i, v);
    });
  }
  private _ignored(name: string, value: unknown): void {
    this._queue(jsonBytes(value) + name.length, (t) => assertWritable(t.sheet));
  }
  get columnWidth(): number { return this._get('columnWidth'); }
  set columnWidth(v: number) { this._size('columnWidth', v); }
  get rowHeight(): number { return this._get('rowHeight'); }
  set rowHeight(v: number) { this._size('rowHeight', v); }
  get wrapText(): boolean { return this._get('wrapText'); }
  set wrapText(v: boolean) { this._ignored('wrapText', v); }
  get horizontalAlignment(): string { return this._get('horizontalAlignment'); }
  set horizontalAlignment(v: string) { this._ignored('horizontalAlignment', v); }
  get verticalAlignment(): string { return this._get('verticalAlignment'); }
  set verticalAlignment(v: string) { this._ignored('verticalAlignment', v); }
  autofitColumns(): void { this._queue(10, () => undefined); }
  autofitRows(): void { this._queue(10, () => undefined); }
}

// ---------- conditional formats ----------

interface CfTarget {
  sheet: SheetModel;
  cf: ConditionalFormatData;
}

export class FakeConditionalFill extends FakeClientObject<CfTarget> {
  protected override _scalars() {
    return { color: (t: CfTarget) => t.cf.fill ?? null };
  }
  get color(): string { return this._get('color'); }
  set color(value: string) {
    this._queue(jsonBytes(value), (t) => { t.cf.fill = normaliseColor(value); });
  }
  clear(): void { this._queue(10, (t) => { delete t.cf.fill; }); }
}

export class FakeConditionalFont extends FakeClientObject<CfTarget> {
  protected override _scalars() {
    return { color: (t: CfTarget) => t.cf.fontColor ?? null, bold: (t: CfTarget) => t.cf.bold ?? null };
  }
  get color(): string { return this._get('color'); }
  set color(value: string) { this._queue(jsonBytes(value), (t) => { t.cf.fontColor = normaliseColor(value); }); }
  get bold(): boolean { return this._get('bold'); }
  set bold(value: boolean) { this._queue(5, (t) => { t.cf.bold = value; }); }
}

export class FakeConditionalRangeFormat extends FakeClientObject<CfTarget> {
  private _fill?: FakeConditionalFill;
  private _font?: FakeConditionalFont;
  get fill(): FakeConditionalFill { return (this._fill ??= new FakeConditionalFill(this.context, () => this._target())); }
  get font(): FakeConditionalFont { return (this._font ??= new FakeConditionalFont(this.context, () => this._target())); }
  protected override _nav(name: string) {
    if (name === 'fill') return this.fill;
    if (name === 'font') return this.font;
    return undefined;
  }
}

export class FakeConditionalFormatRule extends FakeClientObject<CfTarget> {
  protected override _scalars() {
    return { formula: (t: CfTarget) => t.cf.formula ?? null };
  }
  get formula(): string { return this._get('formula'); }
  set formula(value: string) {
    this._queue(jsonBytes(value), (t) => {
      if (typeof value !== 'string' || !value.startsWith('=')) throw invalidArgument('A conditional format rule must be a formula starting with "=".');
      t.cf.formula = value;
    });
  }
}

export class FakeCustomConditionalFormat extends FakeClientObject<CfTarget> {
  private _rule?: FakeConditionalFormatRule;
  private _format?: FakeConditionalRangeFormat;
  get rule(): FakeConditionalFormatRule { return (this._rule ??= new FakeConditionalFormatRule(this.context, () => this._target())); }
  get format(): FakeConditionalRangeFormat { return (this._format ??= new FakeConditionalRangeFormat(this.context, () => this._target())); }
  protected override _nav(name: string) {
    if (name === 'rule') return this.rule;
    if (name === 'format') return this.format;
    return undefined;
  }
}

export class FakeConditionalFormat extends FakeClientObject<CfTarget> {
  private _custom?: FakeCustomConditionalFormat;
  private _customOrNull?: FakeCustomConditionalFormat;

  protected override _checkAlive(t: CfTarget): void {
    assertSheetAlive(t.sheet);
    if (!t.sheet.conditionalFormats.includes(t.cf)) throw itemNotFound('conditional format was deleted');
  }
  protected override _scalars() {
    return {
      id: (t: CfTarget) => t.cf.id,
      type: (t: CfTarget) => t.cf.type,
      priority: (t: CfTarget) => t.sheet.conditionalFormats.indexOf(t.cf),
      stopIfTrue: (t: CfTarget) => t.cf.stopIfTrue,
    };
  }
  protected override _nav(name: string) {
    if (name === 'custom') return this.custom;
    if (name === 'customOrNullObject') return this.customOrNullObject;
    return undefined;
  }
  get id(): string { return this._get('id'); }
  get type(): string { return this._get('type'); }
  get priority(): number { return this._get('priority'); }
  set priority(value: number) {
    this._queue(5, (t) => {
      const list = t.sheet.conditionalFormats;
      list.splice(list.indexOf(t.cf), 1);
      list.splice(Math.max(0, Math.min(value, list.length)), 0, t.cf);
    });
  }
  get stopIfTrue(): boolean { return this._get('stopIfTrue'); }
  set stopIfTrue(value: boolean) { this._queue(5, (t) => { t.cf.stopIfTrue = value; }); }

  get custom(): FakeCustomConditionalFormat {
    return (this._custom ??= new FakeCustomConditionalFormat(this.context, () => {
      const t = this._target();
      if (t && t.cf.type !== 'Custom') throw new FakeExcelError('InvalidOperation', `The conditional format is of type ${t.cf.type}, not Custom.`);
      return t;
    }));
  }
  get customOrNullObject(): FakeCustomConditionalFormat {
    return (this._customOrNull ??= new FakeCustomConditionalFormat(this.context, () => {
      const t = this._target();
      return t && t.cf.type === 'Custom' ? t : null;
    }, true));
  }
  delete(): void {
    this._queue(10, (t) => {
      assertWritable(t.sheet);
      const list = t.sheet.conditionalFormats;
      list.splice(list.indexOf(t.cf), 1);
    });
  }
  getRanges(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      const t = this._target();
      return t ? { sheet: t.sheet, rects: t.cf.areas.map((r) => ({ ...r })) } : null;
    });
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this._target();
      if (!t) return null;
      if (t.cf.areas.length !== 1) throw new FakeExcelError('InvalidOperation', 'The conditional format applies to several ranges.');
      return { sheet: t.sheet, rect: { ...t.cf.areas[0] } };
    });
  }
}

const CF_TYPES = new Set(['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue']);

/** Conditional formats that touch a range (or range areas). */
export class FakeConditionalFormatCollection extends FakeCollection<FakeConditionalFormat, ConditionalFormatData, AreasTarget> {
  protected override _models(t: AreasTarget): ConditionalFormatData[] {
    return t.sheet.conditionalFormats.filter((cf) => cf.areas.some((a) => t.rects.some((r) => intersects(a, r))));
  }
  protected override _makeItem(cf: ConditionalFormatData): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, () => {
      const t = this._target();
      return t ? { sheet: t.sheet, cf } : null;
    });
  }
  add(type: string): FakeConditionalFormat {
    let created: CfTarget | null = null;
    this._queue(jsonBytes(type), (t) => {
      assertWritable(t.sheet);
      if (!CF_TYPES.has(type)) throw invalidArgument(`"${type}" is not a conditional format type.`);
      const cf: ConditionalFormatData = { id: newId('cf'), type, areas: t.rects.map((r) => ({ ...r })), stopIfTrue: false };
      t.sheet.conditionalFormats.unshift(cf);
      created = { sheet: t.sheet, cf };
    });
    return new FakeConditionalFormat(this.context, () => created);
  }
  clearAll(): void {
    this._queue(10, (t) => {
      assertWritable(t.sheet);
      const touched = new Set(this._models(t));
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !touched.has(cf));
    });
  }
  private _byId(id: string, nullable: boolean): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, () => {
      const t = this._target();
      if (!t) return null;
      const cf = this._models(t).find((c) => c.id === id);
      if (cf) return { sheet: t.sheet, cf };
      if (nullable) return null;
      throw itemNotFound(`conditional format ${id}`);
    }, nullable);
  }
  getItem(id: string): FakeConditionalFormat {
    return this._byId(id, false);
  }
  getItemOrNullObject(id: string): FakeConditionalFormat {
    return this._byId(id, true);
  }
  getItemAt(index: number): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, () => {
      const t = this._target();
      if (!t) return null;
      const cf = this._models(t)[index];
      if (!cf) throw itemNotFound(`conditional format at ${index}`);
      return { sheet: t.sheet, cf };
    });
  }
}

// ---------- ranges ----------

/** A block of cells on one sheet. */
export class FakeRange extends FakeClientObject<RangeTarget> {
  private _format?: FakeRangeFormat;
  private _cfs?: FakeConditionalFormatCollection;
  private _worksheet?: FakeClientObject<SheetModel>;

  protected override _checkAlive(t: RangeTarget): void {
    assertSheetAlive(t.sheet);
  }

  protected override _scalars() {
    const ctx = this.context;
    return {
      address: (t: RangeTarget) => formatAddress(t.sheet.name, t.rect),
      addressLocal: (t: RangeTarget) => formatAddress(t.sheet.name, t.rect),
      rowCount: (t: RangeTarget) => rectRows(t.rect),
      columnCount: (t: RangeTarget) => rectColumns(t.rect),
      cellCount: (t: RangeTarget) => rectCells(t.rect),
      rowIndex: (t: RangeTarget) => t.rect.r0,
      columnIndex: (t: RangeTarget) => t.rect.c0,
      isEntireRow: (t: RangeTarget) => t.rect.c0 === 0 && t.rect.c1 === MAX_COLUMNS - 1,
      isEntireColumn: (t: RangeTarget) => t.rect.r0 === 0 && t.rect.r1 === MAX_ROWS - 1,
      values: (t: RangeTarget) => {
        checkCellLimit(ctx, t.rect, 'values');
        return cellGrid(t, (c) => (c ? c.v : ''));
      },
      formulas: (t: RangeTarget) => {
        checkCellLimit(ctx, t.rect, 'formulas');
        return cellGrid(t, (c) => (!c ? '' : c.f ? c.f : c.quoted ? `'${c.v}` : c.v));
      },
      numberFormat: (t: RangeTarget) => {
        checkCellLimit(ctx, t.rect, 'numberFormat');
        return cellGrid(t, (c) => c?.nf ?? 'General');
      },
      text: (t: RangeTarget) => {
        checkCellLimit(ctx, t.rect, 'text');
        return cellGrid(t, (c) => (c ? displayText(c.v, c.nf) : ''));
      },
      valueTypes: (t: RangeTarget) => {
        checkCellLimit(ctx, t.rect, 'valueTypes');
        return cellGrid(t, valueType);
      },
      rowHidden: (t: RangeTarget) => {
        let hidden = 0;
        for (const r of t.sheet.hiddenRows) if (r >= t.rect.r0 && r <= t.rect.r1) hidden += 1;
        return hidden === 0 ? false : hidden === rectRows(t.rect) ? true : null;
      },
      hyperlink: (t: RangeTarget) => {
        const link = t.sheet.cell(t.rect.r0, t.rect.c0)?.link;
        return link ? { ...link } : null;
      },
    };
  }

  protected override _nav(name: string) {
    if (name === 'format') return this.format;
    if (name === 'conditionalFormats') return this.conditionalFormats;
    if (name === 'worksheet') return this.worksheet;
    return undefined;
  }

  get address(): string { return this._get('address'); }
  get addressLocal(): string { return this._get('addressLocal'); }
  get rowCount(): number { return this._get('rowCount'); }
  get columnCount(): number { return this._get('columnCount'); }
  get cellCount(): number { return this._get('cellCount'); }
  get rowIndex(): number { return this._get('rowIndex'); }
  get columnIndex(): number { return this._get('columnIndex'); }
  get isEntireRow(): boolean { return this._get('isEntireRow'); }
  get isEntireColumn(): boolean { return this._get('isEntireColumn'); }

  get values(): unknown[][] { return this._get('values'); }
  set values(value: unknown[][]) {
    this._queue(jsonBytes(value), (t) => setCellArray(t, value, 'values'));
  }
  get formulas(): unknown[][] { return this._get('formulas'); }
  set formulas(value: unknown[][]) {
    this._queue(jsonBytes(value), (t) => setCellArray(t, value, 'formulas'));
  }
  get numberFormat(): unknown[][] { return this._get('numberFormat'); }
  set numberFormat(value: unknown[][]) {
    this._queue(jsonBytes(value), (t) => setNumberFormats(t, value));
  }
  get text(): string[][] { return this._get('text'); }
  get valueTypes(): string[][] { return this._get('valueTypes'); }

  get rowHidden(): boolean { return this._get('rowHidden'); }
  set rowHidden(value: boolean) {
    this._queue(5, (t) => {
      for (let r = t.rect.r0; r <= t.rect.r1; r++) {
        if (value) t.sheet.hiddenRows.add(r);
        else t.sheet.hiddenRows.delete(r);
      }
    });
  }

  get hyperlink(): HyperlinkData | null { return this._get('hyperlink'); }
  set hyperlink(value: HyperlinkData | null) {
    this._queue(jsonBytes(value), (t) => {
      assertWritable(t.sheet);
      forEveryCell(t, (cell) => {
        if (!value || (!value.address && !value.documentReference)) {
          delete cell.link;
          return;
        }
        cell.link = { ...value };
        if (value.textToDisplay !== undefined) {
          delete cell.f;
          cell.v = value.textToDisplay;
        } else if (cell.v === '') cell.v = value.address ?? value.documentReference ?? '';
      });
    });
  }

  get format(): FakeRangeFormat {
    return (this._format ??= new FakeRangeFormat(this.context, () => this._target()));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return (this._cfs ??= new FakeConditionalFormatCollection(this.context, () => {
      const t = this._target();
      return t ? { sheet: t.sheet, rects: [t.rect] } : null;
    }));
  }
  get worksheet(): FakeClientObject<SheetModel> {
    return (this._worksheet ??= sheetOf(this.context, () => this._target()?.sheet ?? null));
  }

  private _derive(f: (t: RangeTarget) => Rect | null, nullable = false): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this._target();
      if (!t) return null;
      const rect = f(t);
      if (!rect) return null;
      if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLUMNS || rect.r1 < rect.r0 || rect.c1 < rect.c0) {
        throw invalidArgument('The resulting range is outside the sheet.');
      }
      return { sheet: t.sheet, rect };
    }, nullable);
  }

  getCell(row: number, column: number): FakeRange {
    return this._derive((t) => ({ r0: t.rect.r0 + row, c0: t.rect.c0 + column, r1: t.rect.r0 + row, c1: t.rect.c0 + column }));
  }
  getRow(row: number): FakeRange {
    return this._derive((t) => ({ r0: t.rect.r0 + row, r1: t.rect.r0 + row, c0: t.rect.c0, c1: t.rect.c1 }));
  }
  getColumn(column: number): FakeRange {
    return this._derive((t) => ({ r0: t.rect.r0, r1: t.rect.r1, c0: t.rect.c0 + column, c1: t.rect.c0 + column }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this._derive((t) => ({ ...t.rect, r1: t.rect.r1 + deltaRows, c1: t.rect.c1 + deltaColumns }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this._derive((t) => ({ r0: t.rect.r0 + rowOffset, r1: t.rect.r1 + rowOffset, c0: t.rect.c0 + columnOffset, c1: t.rect.c1 + columnOffset }));
  }
  getEntireRow(): FakeRange {
    return this._derive((t) => ({ r0: t.rect.r0, r1: t.rect.r1, c0: 0, c1: MAX_COLUMNS - 1 }));
  }
  getEntireColumn(): FakeRange {
    return this._derive((t) => ({ r0: 0, r1: MAX_ROWS - 1, c0: t.rect.c0, c1: t.rect.c1 }));
  }
  getLastRow(): FakeRange {
    return this._derive((t) => ({ r0: t.rect.r1, r1: t.rect.r1, c0: t.rect.c0, c1: t.rect.c1 }));
  }
  getIntersectionOrNullObject(other: FakeRange | string): FakeRange {
    return this._derive((t) => {
      const o = typeof other === 'string' ? parseRect(other) : (other._target() as RangeTarget).rect;
      if (!intersects(t.rect, o)) return null;
      return { r0: Math.max(t.rect.r0, o.r0), c0: Math.max(t.rect.c0, o.c0), r1: Math.min(t.rect.r1, o.r1), c1: Math.min(t.rect.c1, o.c1) };
    }, true);
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return this._derive((t) => {
      const used = t.sheet.usedRect(valuesOnly);
      const clipped = used && intersects(used, t.rect)
        ? { r0: Math.max(used.r0, t.rect.r0), c0: Math.max(used.c0, t.rect.c0), r1: Math.min(used.r1, t.rect.r1), c1: Math.min(used.c1, t.rect.c1) }
        : null;
      if (!clipped) throw itemNotFound('the range has no used cells');
      return clipped;
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this._derive((t) => {
      const used = t.sheet.usedRect(valuesOnly);
      if (!used || !intersects(used, t.rect)) return null;
      return { r0: Math.max(used.r0, t.rect.r0), c0: Math.max(used.c0, t.rect.c0), r1: Math.min(used.r1, t.rect.r1), c1: Math.min(used.c1, t.rect.c1) };
    }, true);
  }

  /** Merged areas that lie in this range; a null object when there are none. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      const t = this._target();
      if (!t) return null;
      const rects = t.sheet.merges.filter((m) => intersects(m, t.rect)).map((m) => ({ ...m }));
      return rects.length ? { sheet: t.sheet, rects } : null;
    }, true);
  }

  /** Special cells: Visible (rows not hidden), Constants, Formulas, Blanks; a null object when there are none. */
  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      const t = this._target();
      if (!t) return null;
      const rects = specialCells(t, cellType);
      return rects.length ? { sheet: t.sheet, rects } : null;
    }, true);
  }

  getSpecialCells(cellType: string): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      const t = this._target();
      if (!t) return null;
      const rects = specialCells(t, cellType);
      if (!rects.length) throw itemNotFound('No cells were found.');
      return { sheet: t.sheet, rects };
    });
  }

  merge(across = false): void {
    this._queue(10, (t) => {
      assertWritable(t.sheet);
      const rects: Rect[] = across
        ? Array.from({ length: rectRows(t.rect) }, (_, i) => ({ r0: t.rect.r0 + i, r1: t.rect.r0 + i, c0: t.rect.c0, c1: t.rect.c1 }))
        : [t.rect];
      for (const rect of rects) {
        if (rectCells(rect) < 2) continue;
        t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, rect));
        t.sheet.merges.push({ ...rect });
        // Excel keeps the upper-left value only.
        for (let r = rect.r0; r <= rect.r1; r++) {
          for (let c = rect.c0; c <= rect.c1; c++) {
            if (r === rect.r0 && c === rect.c0) continue;
            const cell = t.sheet.cell(r, c);
            if (cell) {
              cell.v = '';
              delete cell.f;
            }
          }
        }
      }
    });
  }

  unmerge(): void {
    this._queue(10, (t) => {
      assertWritable(t.sheet);
      t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, t.rect));
    });
  }

  /** Excel's clear: "All" (default), "Contents", "Formats", "Hyperlinks". */
  clear(applyTo: string = 'All'): void {
    this._queue(20, (t) => {
      assertWritable(t.sheet);
      const contents = applyTo === 'All' || applyTo === 'Contents';
      const formats = applyTo === 'All' || applyTo === 'Formats';
      const links = applyTo === 'All' || applyTo === 'Hyperlinks' || applyTo === 'RemoveHyperlinks';
      forExisting(t, (cell) => {
        if (contents) {
          cell.v = '';
          delete cell.f;
          delete cell.quoted;
        }
        if (formats) {
          delete cell.nf;
          delete cell.fill;
          delete cell.fontColor;
          delete cell.bold;
        }
        if (links) delete cell.link;
      });
    });
  }

  /** Selects the range and makes its sheet active (a hidden sheet cannot be selected). */
  select(): void {
    this._queue(10, (t) => {
      if (t.sheet.visibility !== 'Visible') {
        throw new FakeExcelError('InvalidOperation', `The sheet '${t.sheet.name}' is hidden; its cells cannot be selected.`);
      }
      const wb = this.context._model;
      wb.activeSheet = t.sheet;
      wb.selection = { sheet: t.sheet, rect: { ...t.rect } };
      t.sheet.lastSelection = { ...t.rect };
    });
  }
}

function specialCells(t: RangeTarget, cellType: string): Rect[] {
  const { sheet, rect } = t;
  if (cellType === 'Visible') {
    const hidden = [...sheet.hiddenRows].filter((r) => r >= rect.r0 && r <= rect.r1).sort((a, b) => a - b);
    const rects: Rect[] = [];
    let start = rect.r0;
    for (const h of [...hidden, rect.r1 + 1]) {
      if (h > start) rects.push({ r0: start, r1: h - 1, c0: rect.c0, c1: rect.c1 });
      start = h + 1;
    }
    return rects;
  }
  const test = (cell: CellData | undefined): boolean => {
    switch (cellType) {
      case 'Constants': return !!cell && cell.v !== '' && !cell.f;
      case 'Formulas': return !!cell && !!cell.f;
      case 'Blanks': return !cell || (cell.v === '' && !cell.f);
      default: throw invalidArgument(`The fake Excel does not support special cells of type ${cellType}.`);
    }
  };
  const rects: Rect[] = [];
  for (let r = rect.r0; r <= rect.r1; r++) {
    for (let c = rect.c0; c <= rect.c1; c++) {
      if (test(sheet.cell(r, c))) rects.push({ r0: r, r1: r, c0: c, c1: c });
    }
  }
  return rects;
}

/** Ranges of a RangeAreas, as a collection. */
export class FakeRangeCollection extends FakeCollection<FakeRange, Rect, AreasTarget> {
  protected override _models(t: AreasTarget): Rect[] {
    return t.rects;
  }
  protected override _makeItem(rect: Rect): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this._target();
      return t ? { sheet: t.sheet, rect } : null;
    });
  }
}

/** Several rectangles of one sheet (getRanges, merged areas, special cells). */
export class FakeRangeAreas extends FakeClientObject<AreasTarget> {
  private _areas?: FakeRangeCollection;
  private _cfs?: FakeConditionalFormatCollection;

  protected override _checkAlive(t: AreasTarget): void {
    assertSheetAlive(t.sheet);
  }
  protected override _scalars() {
    return {
      address: (t: AreasTarget) => t.rects.map((r) => formatAddress(t.sheet.name, r)).join(','),
      addressLocal: (t: AreasTarget) => t.rects.map((r) => formatRect(r)).join(','),
      areaCount: (t: AreasTarget) => t.rects.length,
      cellCount: (t: AreasTarget) => t.rects.reduce((n, r) => n + rectCells(r), 0),
    };
  }
  protected override _nav(name: string) {
    if (name === 'areas') return this.areas;
    if (name === 'conditionalFormats') return this.conditionalFormats;
    return undefined;
  }
  get address(): string { return this._get('address'); }
  get addressLocal(): string { return this._get('addressLocal'); }
  get areaCount(): number { return this._get('areaCount'); }
  get cellCount(): number { return this._get('cellCount'); }
  get areas(): FakeRangeCollection {
    return (this._areas ??= new FakeRangeCollection(this.context, () => this._target()));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return (this._cfs ??= new FakeConditionalFormatCollection(this.context, () => this._target()));
  }
  /** Sets a fill on every area. */
  setFillColor(color: string): void {
    this._queue(jsonBytes(color), (t) => {
      assertWritable(t.sheet);
      const c = normaliseColor(color);
      for (const rect of t.rects) forEveryCell({ sheet: t.sheet, rect }, (cell) => { cell.fill = c; });
    });
  }
  select(): void {
    this._queue(10, (t) => {
      const wb = this.context._model;
      wb.activeSheet = t.sheet;
      wb.selection = { sheet: t.sheet, rect: { ...t.rects[0] } };
    });
  }
}
