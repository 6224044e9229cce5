/**
 * Creating a standard statistics sheet (a SheetSpec from src/domain/summary/standard-sheet) in the open workbook:
 * values, number formats, merges, fonts, header fill, borders, column widths, row heights, frozen header rows and
 * the print setup (landscape A4, one page wide, header rows repeated on every page, margins, centred). The sheet is
 * written in one round trip; if that fails it is deleted again, so nothing is half-written. The print setup needs
 * ExcelApi 1.9 (PageLayout): where Excel lacks it, or refuses it, the sheet stays and a note says what to set by hand.
 */
import { Message } from '../../domain/common/problem';
import { SheetSpec, SpecCell, SpecStyle } from '../../domain/summary/standard-sheet';
import { AdapterError, describeError, excelCode } from './adapter-error';
import { fitCell, literalText } from './excel-text';

export interface SheetSpecReport {
  sheet: string;
  /** Parts that could not be applied (the print setup on an old Excel), for the clerk. */
  notes: Message[];
}

export interface SheetSpecOptions {
  /** Whether Excel has PageLayout (ExcelApi 1.9); default: asks Office when it can, else tries. */
  pageLayoutSupported?: boolean;
}

const FONT = '宋体';
const HEADER_FILL = '#F2F2F2';
/** Excel's column width unit is points: one character of the default font is about 7 pixels = 5.25 points, plus padding. */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

interface StyleLook {
  bold: boolean;
  size: number;
  horizontal: 'Center' | 'Left' | 'Right';
  wrap: boolean;
  fill?: string;
  borders: boolean;
}

export const STYLE_LOOKS: Record<SpecStyle, StyleLook> = {
  title: { bold: true, size: 16, horizontal: 'Center', wrap: false, borders: false },
  subtitle: { bold: false, size: 11, horizontal: 'Left', wrap: false, borders: false },
  header: { bold: true, size: 10, horizontal: 'Center', wrap: true, fill: HEADER_FILL, borders: true },
  label: { bold: false, size: 10, horizontal: 'Center', wrap: true, borders: true },
  'total-label': { bold: true, size: 10, horizontal: 'Center', wrap: true, borders: true },
  number: { bold: false, size: 10, horizontal: 'Right', wrap: false, borders: true },
  'total-number': { bold: true, size: 10, horizontal: 'Right', wrap: false, borders: true },
  footer: { bold: false, size: 11, horizontal: 'Left', wrap: false, borders: false },
};

/** A run of cells of one style on one row: columns c0..c1 (1-based, inclusive). */
export interface StyleRun {
  style: SpecStyle;
  row: number;
  c0: number;
  c1: number;
}

/** Groups the spec's cells into runs of adjacent cells of the same style on each row (few ranges to format). */
export function styleRuns(cells: readonly SpecCell[]): StyleRun[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.column - b.column);
  const runs: StyleRun[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.row === c.row && last.style === c.style && last.c1 + 1 === c.column) last.c1 = c.column;
    else runs.push({ style: c.style, row: c.row, c0: c.column, c1: c.column });
  }
  return runs;
}

/** The matrices written in one go: cell inputs (text kept literal) and number formats; null leaves a cell alone. */
export function specMatrices(spec: SheetSpec): { rows: number; columns: number; inputs: (string | number | null)[][]; formats: (string | null)[][] } {
  const rows = Math.max(1, ...spec.cells.map((c) => c.row), ...spec.merges.map((m) => m.endRow));
  const columns = Math.max(1, spec.columnWidths.length, ...spec.cells.map((c) => c.column), ...spec.merges.map((m) => m.endColumn));
  const inputs: (string | number | null)[][] = Array.from({ length: rows }, () => new Array<string | number | null>(columns).fill(null));
  const formats: (string | null)[][] = Array.from({ length: rows }, () => new Array<string | null>(columns).fill(null));
  for (const c of spec.cells) {
    if (typeof c.value === 'number') inputs[c.row - 1][c.column - 1] = c.value;
    else if (typeof c.value === 'string' && c.value !== '') inputs[c.row - 1][c.column - 1] = literalText(fitCell(c.value));
    if (c.numberFormat) formats[c.row - 1][c.column - 1] = c.numberFormat;
  }
  return { rows, columns, inputs, formats };
}

type BorderIndex = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';
interface BordersApi { getItem?: (index: BorderIndex) => { style: string; weight?: string } }

function setBorders(range: Excel.Range): void {
  const borders = (range.format as unknown as { borders?: BordersApi }).borders;
  if (!borders?.getItem) return;
  for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as BorderIndex[]) {
    const border = borders.getItem(edge);
    border.style = 'Continuous';
    border.weight = 'Thin';
  }
}

function pageLayoutSupported(options: SheetSpecOptions): boolean {
  if (options.pageLayoutSupported !== undefined) return options.pageLayoutSupported;
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: (set: string, version: string) => boolean } } } }).Office;
  const check = office?.context?.requirements?.isSetSupported;
  return check ? check.call(office!.context!.requirements, 'ExcelApi', '1.9') : true;
}

/** Creates the sheet `spec.name` laid out by the spec. Refuses (writing nothing) when a sheet of that name exists. */
export async function createSpecSheet(context: Excel.RequestContext, spec: SheetSpec, options: SheetSpecOptions = {}): Promise<SheetSpecReport> {
  const worksheets = context.workbook.worksheets;
  const existing = worksheets.getItemOrNullObject(spec.name);
  try {
    await context.sync();
  } catch (error) {
    throw new AdapterError({
      zh: `准备新建工作表“${spec.name}”时读取工作簿失败：${describeError(error)}。没有写入任何内容。`,
      en: `Reading the workbook before creating the sheet "${spec.name}" failed: ${describeError(error)}. Nothing was written.`,
    }, excelCode(error) ?? 'WriteFailed', error);
  }
  if (!existing.isNullObject) {
    throw new AdapterError({
      zh: `工作簿中已有名为“${spec.name}”的工作表。为免覆盖，没有新建。请把该工作表改名后重试。`,
      en: `The workbook already has a sheet named "${spec.name}". To avoid overwriting it, nothing was created. Rename that sheet and try again.`,
    }, 'ItemAlreadyExists');
  }

  try {
    const sheet = worksheets.add(spec.name);
    const { rows, columns, inputs, formats } = specMatrices(spec);
    const all = sheet.getRangeByIndexes(0, 0, rows, columns);
    all.formulas = inputs as unknown as string[][];
    all.numberFormat = formats as unknown as string[][];
    all.format.font.name = FONT;
    all.format.verticalAlignment = 'Center';
    for (const m of spec.merges) {
      sheet.getRangeByIndexes(m.startRow - 1, m.startColumn - 1, m.endRow - m.startRow + 1, m.endColumn - m.startColumn + 1).merge(false);
    }
    for (const run of styleRuns(spec.cells)) {
      const look = STYLE_LOOKS[run.style];
      const range = sheet.getRangeByIndexes(run.row - 1, run.c0 - 1, 1, run.c1 - run.c0 + 1);
      range.format.font.bold = look.bold;
      range.format.font.size = look.size;
      range.format.horizontalAlignment = look.horizontal;
      if (look.wrap) range.format.wrapText = true;
      if (look.fill) range.format.fill.color = look.fill;
      if (look.borders) setBorders(range);
    }
    spec.columnWidths.forEach((w, i) => {
      sheet.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = columnWidthPoints(w);
    });
    for (const [row, height] of Object.entries(spec.rowHeights)) {
      sheet.getRangeByIndexes(Number(row) - 1, 0, 1, 1).getEntireRow().format.rowHeight = height;
    }
    sheet.freezePanes.freezeRows(spec.headerRows.last);
    await context.sync();
  } catch (error) {
    let removed = true;
    try {
      const half = context.workbook.worksheets.getItemOrNullObject(spec.name);
      await context.sync();
      if (!half.isNullObject) {
        half.delete();
        await context.sync();
      }
    } catch {
      removed = false;
    }
    throw new AdapterError(removed
      ? {
          zh: `新建工作表“${spec.name}”未能完成（${describeError(error)}），已删除写了一半的工作表，工作簿保持原样。请重试。`,
          en: `Creating the sheet "${spec.name}" could not be completed (${describeError(error)}); the half-written sheet was deleted and the workbook is as it was. Try again.`,
        }
      : {
          zh: `新建工作表“${spec.name}”未能完成（${describeError(error)}），写了一半的工作表也未能删除，请手动删除它。`,
          en: `Creating the sheet "${spec.name}" could not be completed (${describeError(error)}) and the half-written sheet could not be deleted: delete it by hand.`,
        }, excelCode(error) ?? 'WriteFailed', error);
  }

  const notes: Message[] = [];
  const printHint: Message = {
    zh: `工作表“${spec.name}”的打印设置请在“页面布局”中手动设置：横向、A4、将所有列调整为一页、打印标题行 ${spec.print.repeatRows.first}–${spec.print.repeatRows.last}。`,
    en: `Set the print layout of "${spec.name}" by hand (Page Layout): landscape, A4, fit all columns on one page, print titles rows ${spec.print.repeatRows.first}–${spec.print.repeatRows.last}.`,
  };
  const layout = pageLayoutSupported(options)
    ? (context.workbook.worksheets.getItem(spec.name) as unknown as { pageLayout?: Excel.PageLayout }).pageLayout
    : undefined;
  if (!layout) {
    notes.push(printHint);
    return { sheet: spec.name, notes };
  }
  try {
    applyPrintSettings(layout, spec);
    await context.sync();
  } catch {
    notes.push(printHint);
  }
  return { sheet: spec.name, notes };
}

/** Queues the spec's print settings on a PageLayout (margins are in points: inches × 72). */
export function applyPrintSettings(layout: Excel.PageLayout, spec: SheetSpec): void {
  const p = spec.print;
  const points = (inches: number) => Math.round(inches * 72 * 100) / 100;
  layout.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.paperSize = p.paperSize;
  layout.centerHorizontally = p.horizontalCentered;
  layout.leftMargin = points(p.margins.left);
  layout.rightMargin = points(p.margins.right);
  layout.topMargin = points(p.margins.top);
  layout.bottomMargin = points(p.margins.bottom);
  layout.headerMargin = points(p.margins.header);
  layout.footerMargin = points(p.margins.footer);
  layout.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight };
  layout.setPrintTitleRows(`$${p.repeatRows.first}:$${p.repeatRows.last}`);
}
