/**
 * A standard statistics sheet for when the clerk has no template: laid out like the official forms (title,
 * 填报单位/填报日期 line, one to three header rows with merged parent cells, a row per district, 合计, and a
 * 填表人/审核人 line) with its print settings, as plain data that the ExcelJS and office.js adapters both render.
 */
import { MergedArea } from '../workbook/sheet-grid';
import { ColumnDefinition, standardHeaderPath } from './table-definitions';
import { TableValues } from './table-values';

export type SpecStyle = 'title' | 'subtitle' | 'header' | 'label' | 'number' | 'total-label' | 'total-number' | 'footer';

export interface SpecCell {
  /** Excel's 1-based row and column. */
  row: number;
  column: number;
  value: string | number | null;
  style: SpecStyle;
  /** Excel number format for numbers, e.g. "0" or "0.0". */
  numberFormat?: string;
}

export interface PrintSettings {
  orientation: 'landscape' | 'portrait';
  paperSize: 'A4';
  /** Fit all columns on one page width; as many pages tall as needed (fitToHeight 0). */
  fitToWidth: number;
  fitToHeight: number;
  /** Header rows repeated on every printed page (Excel rows, inclusive). */
  repeatRows: { first: number; last: number };
  /** Margins in inches, as Excel's page setup takes them. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  horizontalCentered: boolean;
}

export interface SheetSpec {
  name: string;
  /** The table laid out on the sheet. */
  table: TableValues['table'];
  cells: SpecCell[];
  merges: MergedArea[];
  /** Widths in Excel character units, for columns 1, 2, …. */
  columnWidths: number[];
  /** Heights in points by Excel row number (rows not listed keep the default). */
  rowHeights: Record<number, number>;
  print: PrintSettings;
  /** Where the parts are, for adapters and tests. */
  headerRows: { first: number; last: number };
  dataRows: { first: number; last: number };
  /** The column of each table column key (label columns included). */
  columnOf: Record<string, number>;
}

export interface StandardSheetOptions {
  /** 填报单位 (e.g. "××镇选举委员会"); blank line to fill by hand when absent. */
  unit?: string;
  /** 填报日期, YYYY-MM-DD or any text; blank when absent. */
  date?: string;
  /** Sheet name (default: the table's title). */
  sheetName?: string;
}

function formatDateLine(date: string | undefined): string {
  if (!date) return '　　年　　月　　日';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : date;
}

function numberFormat(col: ColumnDefinition): string {
  const d = col.kind === 'count' ? 0 : col.decimals ?? 1;
  return d === 0 ? '0' : `0.${'0'.repeat(d)}`;
}

/** Label columns of the standard form: 选区编号 and 选区名称 for the allocation table, 选区 for the others. */
function labelColumns(values: TableValues): ColumnDefinition[] {
  const labels = values.definition.columns.filter((c) => c.kind === 'label');
  return values.table === 'allocation' ? labels : labels.filter((c) => c.key === 'districtName');
}

/** Builds the sheet spec of a table with its values. */
export function standardSheet(values: TableValues, options: StandardSheetOptions = {}): SheetSpec {
  const def = values.definition;
  const columns = [...labelColumns(values), ...def.columns.filter((c) => c.kind !== 'label')];
  const paths = columns.map((c) => [...standardHeaderPath(c)]);
  const depth = Math.max(...paths.map((p) => p.length));
  const width = columns.length;
  const cells: SpecCell[] = [];
  const merges: MergedArea[] = [];
  const merge = (startRow: number, startColumn: number, endRow: number, endColumn: number) => {
    if (endRow > startRow || endColumn > startColumn) merges.push({ startRow, startColumn, endRow, endColumn });
  };

  // Title and the unit/date line.
  cells.push({ row: 1, column: 1, value: def.title, style: 'title' });
  merge(1, 1, 1, width);
  const half = Math.max(1, Math.floor(width / 2));
  cells.push({ row: 2, column: 1, value: `填报单位（盖章）：${options.unit ?? ''}`, style: 'subtitle' });
  merge(2, 1, 2, half);
  cells.push({ row: 2, column: half + 1, value: `填报日期：${formatDateLine(options.date)}`, style: 'subtitle' });
  merge(2, half + 1, 2, width);

  // Header rows: each level's runs of equal parents merged across, leaves merged down to the last header row.
  const headerFirst = 3;
  const headerLast = headerFirst + depth - 1;
  for (let level = 0; level < depth; level++) {
    let c = 0;
    while (c < width) {
      const p = paths[c];
      if (p.length <= level) {
        c++;
        continue;
      }
      const prefix = p.slice(0, level + 1).join('\u0000');
      let end = c;
      while (end + 1 < width && paths[end + 1].length > level + 1 && p.length > level + 1 && paths[end + 1].slice(0, level + 1).join('\u0000') === prefix) end++;
      const row = headerFirst + level;
      cells.push({ row, column: c + 1, value: p[level], style: 'header' });
      // blank header cells under a merge still get the header style (borders) for printing
      for (let k = c + 1; k <= end; k++) cells.push({ row, column: k + 1, value: null, style: 'header' });
      const isLeaf = p.length === level + 1;
      if (isLeaf && row < headerLast) {
        for (let r = row + 1; r <= headerLast; r++) cells.push({ row: r, column: c + 1, value: null, style: 'header' });
        merge(row, c + 1, headerLast, c + 1);
      } else {
        merge(row, c + 1, row, end + 1);
      }
      c = end + 1;
    }
  }

  // Data rows and 合计.
  const columnOf: Record<string, number> = {};
  columns.forEach((col, i) => { columnOf[col.key] = i + 1; });
  const dataFirst = headerLast + 1;
  values.rows.forEach((vr, i) => {
    const row = dataFirst + i;
    columns.forEach((col, ci) => {
      const column = ci + 1;
      if (col.kind === 'label') {
        if (vr.isTotal) {
          cells.push({ row, column, value: ci === 0 ? '合计' : null, style: 'total-label' });
        } else {
          cells.push({ row, column, value: col.key === 'districtNo' ? vr.number : vr.label, style: 'label' });
        }
        return;
      }
      const v = vr.values[col.key];
      cells.push({ row, column, value: v === undefined ? null : v, style: vr.isTotal ? 'total-number' : 'number', numberFormat: numberFormat(col) });
    });
    if (vr.isTotal) {
      const labelCount = columns.filter((c) => c.kind === 'label').length;
      if (labelCount > 1) merge(row, 1, row, labelCount);
    }
  });
  const dataLast = dataFirst + values.rows.length - 1;

  // 填表人 / 审核人 line, one blank row below the table.
  const footer = dataLast + 2;
  const third = Math.max(1, Math.floor(width / 3));
  cells.push({ row: footer, column: 1, value: '填表人：', style: 'footer' });
  merge(footer, 1, footer, third);
  cells.push({ row: footer, column: third + 1, value: '审核人：', style: 'footer' });
  merge(footer, third + 1, footer, Math.max(third + 1, 2 * third));
  if (2 * third + 1 <= width) {
    cells.push({ row: footer, column: 2 * third + 1, value: '单位负责人：', style: 'footer' });
    merge(footer, 2 * third + 1, footer, width);
  }

  const columnWidths = columns.map((col) => (col.kind === 'label' ? (col.key === 'districtNo' ? 8 : 16) : col.kind === 'value' ? 12 : 9));
  const rowHeights: Record<number, number> = { 1: 30, 2: 20 };
  for (let r = headerFirst; r <= headerLast; r++) rowHeights[r] = depth === 1 ? 42 : 30;

  return {
    name: options.sheetName ?? def.title,
    table: values.table,
    cells,
    merges,
    columnWidths,
    rowHeights,
    print: {
      orientation: 'landscape',
      paperSize: 'A4',
      fitToWidth: 1,
      fitToHeight: 0,
      repeatRows: { first: headerFirst, last: headerLast },
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      horizontalCentered: true,
    },
    headerRows: { first: headerFirst, last: headerLast },
    dataRows: { first: dataFirst, last: dataLast },
    columnOf,
  };
}
