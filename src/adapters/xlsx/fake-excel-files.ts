/**
 * The bridge between `.xlsx` files and the fake Excel, so the same fixtures serve the CLI, jest and the playground:
 * load a workbook file (ExcelJS) into a FakeWorkbookJSON snapshot / FakeExcel, and save a fake workbook back to
 * a file. Dates become serial numbers with their number format, as Excel holds them; formulas keep their cached
 * result; hyperlinks, fills, fonts, merges, hidden rows, visibility, protection, freeze panes and custom
 * conditional formats (the flags) are carried both ways. Not carried: charts, tables on save, and workbook
 * settings (office.js keeps those in the add-in's own part of the file, which ExcelJS cannot write).
 */
import ExcelJS from 'exceljs';
import { FakeExcel } from '../../fake-excel/fake-excel';
import { CellExtrasJSON, FakeSheetJSON, FakeWorkbookJSON } from '../../fake-excel/model';
import { CellValue } from '../../domain/workbook/sheet-grid';
import { columnLetter } from '../../domain/workbook/sheet-grid';
import { toExcelSerial } from '../../domain/common/calendar-date';

function dateSerial(d: Date): number {
  return toExcelSerial({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

function argbToHex(argb: unknown): string | undefined {
  return typeof argb === 'string' && /^[0-9a-f]{8}$/i.test(argb) ? `#${argb.slice(2).toUpperCase()}` : undefined;
}

function hexToArgb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

function address(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

type AnyRecord = Record<string, unknown>;

/** A cell's value as the fake holds it (serial for dates), and its formula if any. */
function cellContent(cell: ExcelJS.Cell): { value: CellValue; formula?: string; link?: string; dateFormat?: boolean } {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return { value: null };
  if (v instanceof Date) return { value: dateSerial(v), dateFormat: true };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { value: v };
  const o = v as AnyRecord;
  if ('formula' in o || 'sharedFormula' in o) {
    const formula = typeof cell.formula === 'string' && cell.formula ? cell.formula : String(o.formula ?? o.sharedFormula ?? '');
    const result = o.result as unknown;
    let value: CellValue = null;
    if (result instanceof Date) value = dateSerial(result);
    else if (result && typeof result === 'object' && 'error' in (result as AnyRecord)) value = String((result as AnyRecord).error);
    else if (typeof result === 'string' || typeof result === 'number' || typeof result === 'boolean') value = result;
    return { value, formula: `=${formula}` };
  }
  if ('richText' in o && Array.isArray(o.richText)) return { value: (o.richText as AnyRecord[]).map((r) => String(r.text ?? '')).join('') };
  if ('hyperlink' in o) {
    const text = o.text as unknown;
    const shown = typeof text === 'string' ? text : text && typeof text === 'object' && Array.isArray((text as AnyRecord).richText)
      ? ((text as AnyRecord).richText as AnyRecord[]).map((r) => String(r.text ?? '')).join('') : String(o.hyperlink);
    return { value: shown, link: String(o.hyperlink) };
  }
  if ('error' in o) return { value: String(o.error) };
  return { value: String(v) };
}

/** Reads an ExcelJS workbook into a fake-workbook snapshot. */
export function snapshotFromExcelJS(workbook: ExcelJS.Workbook, name = 'Book1.xlsx'): FakeWorkbookJSON {
  const sheets: FakeSheetJSON[] = [];
  workbook.eachSheet((ws) => {
    const rows: CellValue[][] = [];
    const cells: Record<string, CellExtrasJSON> = {};
    const hiddenRows: number[] = [];
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      if (row.hidden) hiddenRows.push(rowNumber);
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const content = cellContent(cell);
        const extras: CellExtrasJSON = {};
        if (content.value !== null) {
          while (rows.length < rowNumber) rows.push([]);
          const line = rows[rowNumber - 1];
          while (line.length < col - 1) line.push(null);
          line[col - 1] = content.value;
        }
        if (content.formula) extras.formula = content.formula;
        if (content.link) extras.hyperlink = content.link.startsWith('#') ? { documentReference: content.link.slice(1) } : { address: content.link };
        const numFmt = cell.numFmt;
        if (numFmt && numFmt !== 'General') extras.numberFormat = numFmt;
        else if (content.dateFormat) extras.numberFormat = 'yyyy-mm-dd';
        const fill = cell.fill as unknown as AnyRecord | undefined;
        if (fill && fill.type === 'pattern' && fill.pattern === 'solid') {
          const hex = argbToHex((fill.fgColor as AnyRecord | undefined)?.argb);
          if (hex) extras.fill = hex;
        }
        const font = cell.font as unknown as AnyRecord | undefined;
        const fontColor = argbToHex((font?.color as AnyRecord | undefined)?.argb);
        if (fontColor) extras.fontColor = fontColor;
        if (font?.bold) extras.bold = true;
        if (Object.keys(extras).length) cells[address(rowNumber, col)] = extras;
      });
    });
    for (const line of rows) for (let i = 0; i < line.length; i++) if (line[i] === undefined) line[i] = null;
    const json: FakeSheetJSON = { name: ws.name, rows };
    if (Object.keys(cells).length) json.cells = cells;
    if (ws.state === 'hidden') json.visibility = 'Hidden';
    if (ws.state === 'veryHidden') json.visibility = 'VeryHidden';
    const protection = (ws as unknown as { sheetProtection?: AnyRecord }).sheetProtection;
    if (protection && protection.sheet) json.protected = true;
    const merges = (ws.model as unknown as { merges?: string[] }).merges ?? [];
    if (merges.length) json.merges = [...merges];
    if (hiddenRows.length) json.hiddenRows = hiddenRows;
    const view = (ws.views ?? [])[0] as AnyRecord | undefined;
    if (view && view.state === 'frozen') json.freeze = { rows: Number(view.ySplit ?? 0), columns: Number(view.xSplit ?? 0) };
    if (ws.autoFilter) json.autoFilter = { enabled: true, filtered: hiddenRows.length > 0 };
    const cfs = (ws as unknown as { conditionalFormattings?: AnyRecord[] }).conditionalFormattings ?? [];
    const conditional: NonNullable<FakeSheetJSON['conditionalFormats']> = [];
    for (const cf of cfs) {
      for (const rule of (cf.rules as AnyRecord[] | undefined) ?? []) {
        if (rule.type !== 'expression') continue;
        const style = (rule.style ?? {}) as AnyRecord;
        const fill = style.fill as AnyRecord | undefined;
        const font = style.font as AnyRecord | undefined;
        conditional.push({
          type: 'Custom',
          address: String(cf.ref).replace(/ /g, ','),
          formula: `=${String(((rule.formulae as unknown[]) ?? [])[0] ?? 'TRUE')}`,
          fill: argbToHex((fill?.bgColor as AnyRecord | undefined)?.argb ?? (fill?.fgColor as AnyRecord | undefined)?.argb),
          fontColor: argbToHex((font?.color as AnyRecord | undefined)?.argb),
        });
      }
    }
    if (conditional.length) json.conditionalFormats = conditional;
    sheets.push(json);
  });
  return { name, sheets };
}

/** Loads an .xlsx file as a fake-workbook snapshot. */
export async function loadFakeWorkbookJSON(file: string): Promise<FakeWorkbookJSON> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const base = file.split(/[\\/]/).pop() ?? file;
  return snapshotFromExcelJS(workbook, base);
}

/** Loads an .xlsx file into a FakeExcel. */
export async function loadFakeExcel(file: string): Promise<FakeExcel> {
  return FakeExcel.fromJSON(await loadFakeWorkbookJSON(file));
}

/** Builds an ExcelJS workbook from a fake-workbook snapshot. */
export function excelJSFromSnapshot(json: FakeWorkbookJSON): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const s of json.sheets) {
    const state = s.visibility === 'Hidden' ? 'hidden' : s.visibility === 'VeryHidden' ? 'veryHidden' : 'visible';
    const ws = workbook.addWorksheet(s.name, { state });
    const r0 = s.startRow ?? 1;
    const c0 = s.startColumn ?? 1;
    (s.rows ?? []).forEach((line, i) => line.forEach((value, j) => {
      if (value === null || value === undefined) return;
      const cell = ws.getCell(r0 + i, c0 + j);
      if (value instanceof Date) {
        cell.value = dateSerial(value);
        cell.numFmt = 'yyyy-mm-dd';
      } else cell.value = value;
    }));
    for (const [addr, extras] of Object.entries(s.cells ?? {})) {
      const cell = ws.getCell(addr);
      const current = cell.value as ExcelJS.CellValue;
      if (extras.formula) {
        const result = current === null || current === undefined ? undefined : current;
        cell.value = { formula: extras.formula.replace(/^=/, ''), result } as ExcelJS.CellFormulaValue;
      } else if (extras.hyperlink) {
        const target = extras.hyperlink.address ?? (extras.hyperlink.documentReference ? `#${extras.hyperlink.documentReference}` : '');
        cell.value = { text: String(current ?? extras.hyperlink.textToDisplay ?? target), hyperlink: target } as ExcelJS.CellHyperlinkValue;
      }
      if (extras.numberFormat) cell.numFmt = extras.numberFormat;
      if (extras.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: hexToArgb(extras.fill) } };
      if (extras.fontColor || extras.bold) {
        cell.font = { ...(extras.fontColor ? { color: { argb: hexToArgb(extras.fontColor) } } : {}), ...(extras.bold ? { bold: true } : {}) };
      }
    }
    for (const m of s.merges ?? []) {
      if (typeof m === 'string') ws.mergeCells(m);
      else ws.mergeCells(m.startRow, m.startColumn, m.endRow, m.endColumn);
    }
    for (const r of s.hiddenRows ?? []) ws.getRow(r).hidden = true;
    if (s.freeze && (s.freeze.rows || s.freeze.columns)) {
      ws.views = [{ state: 'frozen', xSplit: s.freeze.columns, ySplit: s.freeze.rows }];
    }
    (s.conditionalFormats ?? []).forEach((cf, i) => {
      if (cf.type !== 'Custom' || !cf.formula) return;
      ws.addConditionalFormatting({
        ref: cf.address.split(',').join(' '),
        rules: [{
          type: 'expression',
          priority: i + 1,
          formulae: [cf.formula.replace(/^=/, '')],
          style: {
            ...(cf.fill ? { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: hexToArgb(cf.fill) } } } : {}),
            ...(cf.fontColor ? { font: { color: { argb: hexToArgb(cf.fontColor) } } } : {}),
          },
        }],
      } as ExcelJS.ConditionalFormattingOptions);
    });
    if (s.protected) void ws.protect('', {});
  }
  return workbook;
}

/** Saves a fake workbook (or a snapshot) to an .xlsx file. */
export async function saveFakeExcel(source: FakeExcel | FakeWorkbookJSON, file: string): Promise<void> {
  const json = source instanceof FakeExcel ? source.toJSON() : source;
  await excelJSFromSnapshot(json).xlsx.writeFile(file);
}
