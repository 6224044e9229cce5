/**
 * Turns a matched template and the computed table values into a WritePlan: numbers go only into the cells
 * where a matched row meets a matched column, and only when the cell is empty or already holds a number (a
 * previous fill, or a number typed by hand). Formulas (a 合计 row that sums its column) are kept, and so is
 * every text, title, note and signature; nothing outside the table is touched. Each write records what the
 * cell held before, for undo. A hand-entered number that differs from the computed one is reported.
 */
import { Message } from '../common/problem';
import { CellWrite, WritePlan } from '../workbook/cell-writes';
import { CellValue, SheetGrid, columnLetter } from '../workbook/sheet-grid';
import { CellLookup, evaluateFormula } from './formula-results';
import { numericValue } from './labels';
import { GridView, MatchedEntry, MatchedMeasure, TemplateMatch, UnmatchedLabel, targetCell } from './template-match';
import { TableValues } from './table-values';

export interface FillOptions {
  /** Keep numbers already in the template when they differ from the computed ones (default false: overwrite, and warn). */
  keepHandEntered?: boolean;
}

export interface FilledCell {
  row: number;
  column: number;
  address: string;
  key: string;
  /** Row label (district or 合计) and column header as the template writes them. */
  entry: string;
  header: string;
  value: number;
}

export interface KeptFormula {
  address: string;
  formula: string;
  entry: string;
  header: string;
}

export interface SkippedCell {
  address: string;
  reason: Message;
}

export interface Mismatch {
  address: string;
  entry: string;
  header: string;
  /** The number the template has: typed in the cell, or what its kept formula gives after the fill. */
  handEntered: number;
  computed: number;
  message: Message;
}

export interface FillResult {
  table: TemplateMatch['table'];
  sheet: string;
  plan: WritePlan;
  filled: FilledCell[];
  /** Cells already holding the computed number (nothing to write). */
  unchanged: number;
  keptFormulas: KeptFormula[];
  skipped: SkippedCell[];
  /** Hand-entered numbers that differ from the computed ones (consistency check). */
  mismatches: Mismatch[];
  /** Labels that could not be matched (from the template match). */
  unmatched: UnmatchedLabel[];
  notes: Message[];
}

const EPSILON = 1e-9;

function describe(sheet: string, address: string, entry: string, header: string): { zh: string; en: string } {
  return { zh: `工作表“${sheet}”${address}（${entry}，${header}）`, en: `Sheet "${sheet}" ${address} (${entry}, ${header})` };
}

/** What kind of content a target cell holds, for deciding whether it may be written. */
function contentOf(view: GridView, row: number, column: number): 'formula' | 'covered' | 'empty' | 'number' | 'numeric-text' | 'other' {
  if (view.formula(row, column)) return 'formula';
  if (view.isCovered(row, column)) return 'covered';
  const v: CellValue = view.value(row, column);
  if (v === null || (typeof v === 'string' && v.trim() === '')) return 'empty';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string' && numericValue(v) !== null) return 'numeric-text';
  return 'other';
}

/**
 * Plans the writes for one table into one template sheet. `grid` is the template sheet as read (values,
 * merges and formulas: the reader must load `formulas`, or a formula cell looks like the number it shows);
 * `match` comes from matchTemplate on the same grid. Kept formulas that the evaluator understands (SUM and
 * arithmetic) are checked against the computed value too.
 */
export function fillTemplate(grid: SheetGrid, match: TemplateMatch, values: TableValues, options: FillOptions = {}): FillResult {
  const view = new GridView(grid);
  const sheet = grid.sheet;
  const writes: CellWrite[] = [];
  const filled: FilledCell[] = [];
  const keptFormulas: KeptFormula[] = [];
  const skipped: SkippedCell[] = [];
  const mismatches: Mismatch[] = [];
  const notes: Message[] = [...values.notes];
  let unchanged = 0;
  const formulaChecks: { row: number; column: number; address: string; entry: string; header: string; computed: number; where: Message }[] = [];
  const byDistrict = new Map(values.rows.filter((r) => !r.isTotal).map((r) => [r.district!, r]));
  const total = values.rows.find((r) => r.isTotal);

  const cell = (entry: MatchedEntry, measure: MatchedMeasure) => {
    const row = entry.isTotal ? total : byDistrict.get(entry.district!);
    // a 比例 row of a categories-by-measure table takes the percentage of the column's category
    const key = entry.marker === 'percent' && measure.kind === 'count'
      ? values.definition.columns.find((c) => c.percentOf === measure.key)?.key
      : measure.key;
    if (key === undefined) return;
    const computed = row?.values[key];
    const { row: r, column: c } = targetCell(match, entry, measure);
    const address = `${columnLetter(c)}${r}`;
    const where = describe(sheet, address, entry.label, measure.label);
    const content = contentOf(view, r, c);
    if (content === 'formula') {
      keptFormulas.push({ address, formula: view.formula(r, c)!, entry: entry.label, header: measure.label });
      if (computed !== null && computed !== undefined) formulaChecks.push({ row: r, column: c, address, entry: entry.label, header: measure.label, computed, where });
      return;
    }
    // No number for this cell (a population not known, the 合计 of a deviation): the cell is left as it is;
    // the table's notes say why when it is something the clerk can supply.
    if (computed === null || computed === undefined) return;
    if (content === 'covered') {
      skipped.push({ address, reason: { zh: `${where.zh}：位于合并单元格内，未填写。`, en: `${where.en}: inside a merged cell; not filled.` } });
      return;
    }
    if (content === 'other') {
      const shown = view.value(r, c);
      skipped.push({
        address,
        reason: {
          zh: `${where.zh}：单元格内是文字“${String(shown)}”，不是数字，未改动。`,
          en: `${where.en}: holds text "${String(shown)}", not a number; left unchanged.`,
        },
      });
      return;
    }
    const previous = view.value(r, c);
    if (content === 'number' || content === 'numeric-text') {
      const old = numericValue(previous)!;
      if (Math.abs(old - computed) <= EPSILON && content === 'number') {
        unchanged++;
        return;
      }
      if (Math.abs(old - computed) > EPSILON) {
        const keep = options.keepHandEntered === true;
        mismatches.push({
          address, entry: entry.label, header: measure.label, handEntered: old, computed,
          message: {
            zh: `${where.zh}：表中原有数字${old}，按名册计算为${computed}。${keep ? '保留原数字，请核对。' : `已改为${computed}（可撤销），请核对。`}`,
            en: `${where.en}: the sheet had ${old}, the rolls give ${computed}. ${keep ? 'Kept the old number; please check.' : `Changed to ${computed} (can be undone); please check.`}`,
          },
        });
        if (keep) return;
      }
    }
    writes.push({ sheet, row: r, column: c, value: computed, previous });
    filled.push({ row: r, column: c, address, key, entry: entry.label, header: measure.label, value: computed });
  };

  for (const entry of match.entries) for (const measure of match.measures) cell(entry, measure);

  // Consistency of kept formulas: what the formula gives once the numbers are in, against the computed value
  // (a 合计 that sums the wrong rows, or misses a district the rolls have).
  const written = new Map(writes.map((w) => [`${w.row},${w.column}`, w.value]));
  const lookup: CellLookup = (row, column) => {
    const key = `${row},${column}`;
    const formula = view.formula(row, column);
    if (formula) return { value: null, formula };
    return { value: written.has(key) ? written.get(key) : view.isCovered(row, column) ? null : view.value(row, column), formula: null };
  };
  for (const f of formulaChecks) {
    const result = evaluateFormula(view.formula(f.row, f.column)!, lookup);
    if (result === null || Math.abs(result - f.computed) <= 1e-6) continue;
    mismatches.push({
      address: f.address, entry: f.entry, header: f.header, handEntered: result, computed: f.computed,
      message: {
        zh: `${f.where.zh}：公式 ${view.formula(f.row, f.column)} 的结果为${result}，按名册应为${f.computed}。公式已保留，请核对公式引用的范围。`,
        en: `${f.where.en}: the formula ${view.formula(f.row, f.column)} gives ${result}, the rolls give ${f.computed}. The formula is kept; check the range it refers to.`,
      },
    });
  }

  if (keptFormulas.length > 0) {
    const list = keptFormulas.map((k) => k.address).join('、');
    notes.push({
      zh: `工作表“${sheet}”中${list}是公式，已保留（Excel 打开时重新计算）。`,
      en: `Sheet "${sheet}": ${keptFormulas.map((k) => k.address).join(', ')} hold formulas; kept (Excel recalculates them on opening).`,
    });
  }
  return {
    table: match.table, sheet, plan: { writes, newSheets: [] }, filled, unchanged, keptFormulas, skipped, mismatches,
    unmatched: match.unmatched, notes,
  };
}
