/**
 * The summary tables on .xlsx files: fills a copy of the clerk's template (the template file itself is never
 * written), or creates the standard sheets, with ExcelJS. Writes only the cells a WritePlan names (refusing any
 * cell that holds a formula), renders SheetSpecs with their merges, borders, number formats and print setup,
 * updates the cached results of kept simple formulas (a 合计 row of SUMs) and asks Excel to recalculate on
 * opening, so that kept 合计 formulas show the new sums in every program.
 * Everything else ExcelJS reads from the template is written back as it was (styles, merges, formulas, page
 * setup, data validation, comments); ExcelJS does not carry charts or pivot tables.
 */
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { WritePlan } from '../../domain/workbook/cell-writes';
import { SheetGrid } from '../../domain/workbook/sheet-grid';
import { CellLookup, evaluateFormula } from '../../domain/summary/formula-results';
import { SheetSpec, SpecCell } from '../../domain/summary/standard-sheet';
import { readWorkbookGrids } from './read-workbook';

/** Writes the plan's cells into the workbook. Throws (before writing anything) when a target holds a formula or a sheet is missing. */
export function applyWritePlan(workbook: ExcelJS.Workbook, plan: WritePlan): void {
  for (const w of plan.writes) {
    const ws = workbook.getWorksheet(w.sheet);
    if (!ws) throw new Error(`工作表“${w.sheet}”不存在。 (No sheet named "${w.sheet}".)`);
    const cell = ws.getCell(w.row, w.column);
    if (cell.formula || (cell.value && typeof cell.value === 'object' && ('formula' in cell.value || 'sharedFormula' in cell.value))) {
      throw new Error(`拒绝覆盖公式：${w.sheet}!${cell.address}。 (Refusing to overwrite the formula in ${w.sheet}!${cell.address}.)`);
    }
  }
  for (const w of plan.writes) {
    const cell = workbook.getWorksheet(w.sheet)!.getCell(w.row, w.column);
    cell.value = w.value;
  }
  if (plan.writes.length > 0) {
    for (const sheet of new Set(plan.writes.map((w) => w.sheet))) refreshFormulaResults(workbook.getWorksheet(sheet)!);
    workbook.calcProperties = { ...(workbook.calcProperties ?? {}), fullCalcOnLoad: true };
  }
}

type FormulaObject = { formula?: string; sharedFormula?: string; result?: unknown };

function formulaObject(cell: ExcelJS.Cell): FormulaObject | null {
  const v = cell.value as unknown;
  if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) return v as FormulaObject;
  return null;
}

/**
 * Updates the cached results of the sheet's simple formulas (SUM of the filled cells and the like) so that
 * programs that do not recalculate on opening show the new totals. The formulas themselves are not changed;
 * formulas the evaluator does not understand keep their old result (Excel recalculates them: fullCalcOnLoad).
 */
export function refreshFormulaResults(ws: ExcelJS.Worksheet): void {
  const formulaText = (cell: ExcelJS.Cell): string | null => {
    const f = formulaObject(cell);
    if (!f) return null;
    return typeof f.formula === 'string' ? f.formula : cell.formula ?? null;
  };
  const lookup: CellLookup = (row, column) => {
    const cell = ws.getCell(row, column);
    if (cell.isMerged && cell.master !== cell) return { value: null, formula: null };
    const f = formulaText(cell);
    return { value: f ? null : (cell.value as unknown), formula: f };
  };
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      const f = formulaObject(cell);
      const text = formulaText(cell);
      if (!f || !text) return;
      const result = evaluateFormula(text, lookup);
      if (result !== null) cell.value = { ...f, result } as ExcelJS.CellValue;
    });
  });
}

/** A sheet name not yet used in the workbook (Excel: at most 31 characters, unique ignoring case). */
export function uniqueSheetName(workbook: ExcelJS.Workbook, wanted: string): string {
  const clean = wanted.replace(/[\\/?*[\]:]/g, '').slice(0, 31) || 'Sheet';
  const taken = new Set(workbook.worksheets.map((w) => w.name.toLowerCase()));
  if (!taken.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const name = `${clean.slice(0, 31 - String(i).length - 1)}_${i}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' },
};
const FONT = '宋体';

function styleCell(cell: ExcelJS.Cell, spec: SpecCell): void {
  switch (spec.style) {
    case 'title':
      cell.font = { name: FONT, size: 16, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
      break;
    case 'subtitle':
      cell.font = { name: FONT, size: 11 };
      cell.alignment = { horizontal: 'left', vertical: 'middle' };
      break;
    case 'header':
      cell.font = { name: FONT, size: 10, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = THIN;
      break;
    case 'label':
    case 'total-label':
      cell.font = { name: FONT, size: 10, bold: spec.style === 'total-label' };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = THIN;
      break;
    case 'number':
    case 'total-number':
      cell.font = { name: FONT, size: 10, bold: spec.style === 'total-number' };
      cell.alignment = { horizontal: 'right', vertical: 'middle' };
      cell.border = THIN;
      if (spec.numberFormat) cell.numFmt = spec.numberFormat;
      break;
    case 'footer':
      cell.font = { name: FONT, size: 11 };
      cell.alignment = { horizontal: 'left', vertical: 'middle' };
      break;
  }
}

/** Adds a standard sheet (cells, merges, widths, print setup); returns the sheet name actually used. */
export function addSheetSpec(workbook: ExcelJS.Workbook, spec: SheetSpec): string {
  const name = uniqueSheetName(workbook, spec.name);
  const ws = workbook.addWorksheet(name, {
    pageSetup: {
      orientation: spec.print.orientation,
      paperSize: 9, // A4
      fitToPage: true,
      fitToWidth: spec.print.fitToWidth,
      fitToHeight: spec.print.fitToHeight,
      horizontalCentered: spec.print.horizontalCentered,
      margins: spec.print.margins,
      printTitlesRow: `${spec.print.repeatRows.first}:${spec.print.repeatRows.last}`,
    },
    views: [{ state: 'frozen', ySplit: spec.headerRows.last, xSplit: 0 }],
  });
  spec.columnWidths.forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  for (const [row, height] of Object.entries(spec.rowHeights)) ws.getRow(Number(row)).height = height;
  for (const c of spec.cells) {
    const cell = ws.getCell(c.row, c.column);
    if (c.value !== null) cell.value = c.value;
    styleCell(cell, c);
  }
  for (const m of spec.merges) ws.mergeCells(m.startRow, m.startColumn, m.endRow, m.endColumn);
  return name;
}

/** Reads a template's sheets as grids (values, merges, formulas) for matching. */
export async function readTemplateGrids(file: string): Promise<SheetGrid[]> {
  return readWorkbookGrids(file, { streaming: false });
}

export interface SummaryOutput {
  /** Sheet names of standard sheets created, in order. */
  createdSheets: string[];
}

/**
 * Writes OUT: the template with the plan applied and the standard sheets added (when a template is given),
 * or a new workbook of standard sheets. The template must not be OUT itself.
 */
export async function writeSummaryWorkbook(
  out: string, template: string | null, plan: WritePlan, specs: readonly SheetSpec[],
): Promise<SummaryOutput> {
  if (template && path.resolve(out) === path.resolve(template)) {
    throw new Error(`输出文件不能与模板相同（${out}），模板本身不会被修改。请用 --out 指定另一个文件。 (OUT must differ from the template ${out}: the template itself is never changed; give another --out.)`);
  }
  const workbook = new ExcelJS.Workbook();
  if (template) {
    await workbook.xlsx.readFile(template);
    applyWritePlan(workbook, plan);
  } else {
    workbook.creator = '选务助手 Election Clerk';
    workbook.created = new Date();
  }
  const createdSheets = specs.map((s) => addSheetSpec(workbook, s));
  await workbook.xlsx.writeFile(out);
  return { createdSheets };
}
