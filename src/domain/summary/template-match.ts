/**
 * Finds a statistics table in a clerk's own template: the sheet (by its title or sheet name), the header
 * (one row, or two or three levels with merged parent cells such as 其中 → 男/女), which column holds what,
 * and which row is which district or 合计. Works the same when the districts are columns and the measures rows
 * (the sheet is matched transposed). Every label that cannot be matched is returned, with its cell.
 */
import { Message } from '../common/problem';
import { CellValue, MergedArea, SheetGrid, columnLetter } from '../workbook/sheet-grid';
import { districtKey, isTotalLabel, normaliseLabel, splitMeasureMarker } from './labels';
import { ColumnDefinition, TableDefinition } from './table-definitions';
import { TableValues } from './table-values';

export type Orientation = 'districts-as-rows' | 'districts-as-columns';

export interface MatchedMeasure {
  key: string;
  kind: ColumnDefinition['kind'];
  /** The column (districts as rows) or row (districts as columns) that holds this measure, Excel-numbered. */
  index: number;
  /** The header as the template writes it, levels joined with " → ". */
  label: string;
  /** Address of the header cell, e.g. "D4". */
  address: string;
}

export interface MatchedEntry {
  /** The row (districts as rows) or column (districts as columns), Excel-numbered. */
  index: number;
  /** The row label as the template writes it. */
  label: string;
  /** The district of the table values it was matched to; null for 合计. */
  district: string | null;
  isTotal: boolean;
  address: string;
  /**
   * For a table laid out as categories × (人数, 比例): this row (or column) holds the 合计's counts or its
   * percentages, whichever its label names.
   */
  marker?: 'count' | 'percent';
}

export type UnmatchedKind = 'header' | 'row-label' | 'district' | 'duplicate-header';

export interface UnmatchedLabel {
  kind: UnmatchedKind;
  text: string;
  address?: string;
  message: Message;
}

export interface TemplateMatch {
  table: TableDefinition['key'];
  sheet: string;
  orientation: Orientation;
  /** The cell whose text identified the table (or null when the sheet name did). */
  titleAddress: string | null;
  /** First and last header rows (districts as rows) or columns (districts as columns), Excel-numbered. */
  headerStart: number;
  headerEnd: number;
  measures: MatchedMeasure[];
  entries: MatchedEntry[];
  /** Template labels that could not be matched, and districts that have no row in the template. */
  unmatched: UnmatchedLabel[];
  /** Columns of the table that the template does not have (not an error: forms vary). */
  notInTemplate: string[];
}

/** The Excel row and column of the cell where a measure meets an entry. */
export function targetCell(match: TemplateMatch, entry: MatchedEntry, measure: MatchedMeasure): { row: number; column: number } {
  return match.orientation === 'districts-as-rows'
    ? { row: entry.index, column: measure.index }
    : { row: measure.index, column: entry.index };
}

/** A sheet with rows and columns swapped (merges and formulas too), for matching districts-as-columns layouts. */
export function transposeGrid(grid: SheetGrid): SheetGrid {
  const height = grid.rows.length;
  const width = Math.max(0, ...grid.rows.map((r) => r.length), ...(grid.formulas ?? []).map((r) => r.length));
  const rows: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  for (let c = 0; c < width; c++) {
    const row: CellValue[] = [];
    const frow: (string | null)[] = [];
    for (let r = 0; r < height; r++) {
      row.push(grid.rows[r]?.[c] ?? null);
      frow.push(grid.formulas?.[r]?.[c] ?? null);
    }
    rows.push(row);
    formulas.push(frow);
  }
  const t: SheetGrid = { workbook: grid.workbook, sheet: grid.sheet, startRow: grid.startColumn, startColumn: grid.startRow, rows };
  if (grid.merges) t.merges = grid.merges.map((m) => ({ startRow: m.startColumn, startColumn: m.startRow, endRow: m.endColumn, endColumn: m.endRow }));
  if (grid.formulas) t.formulas = formulas;
  return t;
}

/** Cell access with merges: what a cell shows, and whether it is covered by a merge. */
export class GridView {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
  private readonly mergeOf = new Map<string, MergedArea>();

  constructor(readonly grid: SheetGrid) {
    this.firstRow = grid.startRow;
    this.lastRow = grid.startRow + grid.rows.length - 1;
    this.firstColumn = grid.startColumn;
    this.lastColumn = grid.startColumn + Math.max(0, ...grid.rows.map((r) => r.length)) - 1;
    for (const m of grid.merges ?? []) {
      for (let r = m.startRow; r <= m.endRow; r++) for (let c = m.startColumn; c <= m.endColumn; c++) this.mergeOf.set(`${r},${c}`, m);
    }
  }

  value(row: number, column: number): CellValue {
    const v = this.grid.rows[row - this.grid.startRow]?.[column - this.grid.startColumn];
    return v === undefined ? null : v;
  }

  formula(row: number, column: number): string | null {
    return this.grid.formulas?.[row - this.grid.startRow]?.[column - this.grid.startColumn] ?? null;
  }

  merge(row: number, column: number): MergedArea | null {
    return this.mergeOf.get(`${row},${column}`) ?? null;
  }

  /** Inside a merge but not its top-left cell: Excel shows the merge's value here but the cell itself is empty. */
  isCovered(row: number, column: number): boolean {
    const m = this.merge(row, column);
    return !!m && (m.startRow !== row || m.startColumn !== column);
  }

  /** What Excel shows in the cell: the merge's value for a covered cell. */
  shown(row: number, column: number): CellValue {
    const m = this.merge(row, column);
    return m ? this.value(m.startRow, m.startColumn) : this.value(row, column);
  }
}

/** Texts of notes, unit and date lines, signatures: never header labels, and the end of a table body. */
const NOTE_TEXT = /^(注|说明|备注[:：]|填表|填报|审核|负责人|单位负责人|制表|联系|签字|签名|盖章|报送|统计时间|日期|单位[:：]|选举委员会)/;

interface Candidate {
  column: ColumnDefinition;
  parentMatched: boolean;
}

/** Labels of a definition, normalised, cached per definition. */
const labelCache = new WeakMap<ColumnDefinition, { labels: Set<string>; parents: Set<string> }>();
function labelsOf(col: ColumnDefinition): { labels: Set<string>; parents: Set<string> } {
  let v = labelCache.get(col);
  if (!v) {
    v = {
      labels: new Set([col.label, ...col.synonyms].map(normaliseLabel)),
      parents: new Set((col.parents ?? []).map(normaliseLabel)),
    };
    labelCache.set(col, v);
  }
  return v;
}

/** Every normalised text that may appear in a header of this table (labels, synonyms, parents, markers). */
function isHeaderToken(text: string, def: TableDefinition, includeLabels: boolean): boolean {
  if (!text) return false;
  const s = text.replace(/^其中[:：]?/, '') || text;
  for (const col of def.columns) {
    if (col.kind === 'label' && !includeLabels) continue;
    const { labels, parents } = labelsOf(col);
    if (labels.has(s) || parents.has(s) || parents.has(text)) return true;
    const { base, marker } = splitMeasureMarker(s);
    if (marker && (base === '' || labels.has(base))) return true;
  }
  return false;
}

/**
 * Which column of the table a header path names: the leaf label (after splitting off 人数/比例 markers), the
 * parents it sits under, and whether it asks for a count or a percentage. Null when nothing or more than one
 * column fits equally well.
 */
export function matchHeaderPath(path: readonly string[], def: TableDefinition): ColumnDefinition | null {
  if (path.length === 0) return null;
  const norm = path.map((p) => normaliseLabel(p)).filter(Boolean);
  if (norm.length === 0) return null;
  const leafRaw = norm[norm.length - 1].replace(/^其中[:：]?/, '') || norm[norm.length - 1];
  const { base, marker } = splitMeasureMarker(leafRaw);
  const attempts: { category: string; parents: string[]; marker?: 'count' | 'percent' }[] = [];
  // The leaf itself first ("人数" can be the 代表总数 column), then with its marker split off.
  // A bare marker under a parent (女性 → 人数, 女性 → 比例) names the parent's count or share; a bare marker
  // alone ("人数") or a label with its marker ("女性比例") is tried as written first.
  if (marker && !base && norm.length > 1) attempts.push({ category: norm[norm.length - 2].replace(/^其中[:：]?/, ''), parents: norm.slice(0, -2), marker });
  attempts.push({ category: leafRaw, parents: norm.slice(0, -1) });
  if (marker && base) attempts.push({ category: base, parents: norm.slice(0, -1), marker });
  // "项目\选区" style corner cells: each part may be the label column.
  if (/[\\/／]/.test(leafRaw)) for (const part of leafRaw.split(/[\\/／]/)) attempts.push({ category: part, parents: [] });

  for (const a of attempts) {
    const found: Candidate[] = [];
    for (const col of def.columns) {
      const { labels, parents } = labelsOf(col);
      if (!labels.has(a.category)) continue;
      const parentMatched = a.parents.some((p) => parents.has(p));
      if (col.parentRequired && !parentMatched) continue;
      const wantPercent = a.marker === 'percent';
      if (wantPercent !== (col.kind === 'percent')) continue;
      if (a.marker === 'count' && col.kind === 'label') continue;
      found.push({ column: col, parentMatched });
    }
    if (found.length === 0) continue;
    const withParent = found.filter((f) => f.parentMatched);
    const pool = withParent.length > 0 ? withParent : found;
    // Several columns share a label only when their parents tell them apart (合计 under 新增选民 or 减少选民).
    if (pool.length === 1) return pool[0].column;
    if (withParent.length === 0 && pool.every((f) => f.column.parents && f.column.parents.length > 0)) {
      // a bare label that only a parent can disambiguate (合计, 小计): without one, prefer a column with no parent
      const noParent = pool.filter((f) => !f.column.parents || f.column.parents.length === 0);
      if (noParent.length === 1) return noParent[0].column;
      return null;
    }
    return pool[0].column;
  }
  return null;
}

function addr(orientation: Orientation, row: number, column: number): string {
  return orientation === 'districts-as-rows' ? `${columnLetter(column)}${row}` : `${columnLetter(row)}${column}`;
}

function textOf(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return '';
  return String(v).trim();
}

interface CoreMatch {
  headerStart: number;
  headerEnd: number;
  measures: MatchedMeasure[];
  entries: MatchedEntry[];
  unmatched: UnmatchedLabel[];
  titleAddress: string | null;
  score: number;
}

/** Counts the header tokens of a row (merged cells once). */
function rowScore(view: GridView, row: number, def: TableDefinition, includeLabels: boolean): number {
  let score = 0;
  for (let c = view.firstColumn; c <= view.lastColumn; c++) {
    if (view.isCovered(row, c)) continue;
    if (isHeaderToken(normaliseLabel(view.value(row, c)), def, includeLabels)) score++;
  }
  return score;
}

/** Matches a table laid out with districts as rows (the view may be a transposed sheet). */
function matchRows(view: GridView, def: TableDefinition, values: TableValues, orientation: Orientation, sheet: string): CoreMatch | null {
  const lastHeaderRow = Math.min(view.lastRow, view.firstRow + 39);
  // The anchor: the row with the most of the table's labels (measures count double; at least one measure and
  // two labels in all).
  let anchor = -1;
  let best = 0;
  for (let r = view.firstRow; r <= lastHeaderRow; r++) {
    const measures = rowScore(view, r, def, false);
    const all = rowScore(view, r, def, true);
    if (measures < 1 || all < 2) continue;
    const s = measures + all;
    if (s > best) {
      best = s;
      anchor = r;
    }
  }
  if (anchor < 0) return null;

  // The header block: the anchor and the rows around it that also hold header labels (at most four rows).
  let top = anchor;
  let bottom = anchor;
  while (top - 1 >= view.firstRow && anchor - (top - 1) < 4 && rowScore(view, top - 1, def, true) > 0) top--;
  // The column of the row labels in the anchor row (选区/项目, else its first text): a row below whose only
  // labels sit in that column is the first row of the body (人数/比例 rows of a categories-by-measure table).
  let labelColumn = -1;
  for (let c = view.firstColumn; c <= view.lastColumn && labelColumn < 0; c++) {
    const t = normaliseLabel(view.value(anchor, c));
    if (t && def.columns.some((col) => col.kind === 'label' && labelsOf(col).labels.has(t))) labelColumn = c;
  }
  for (let c = view.firstColumn; c <= view.lastColumn && labelColumn < 0; c++) if (normaliseLabel(view.value(anchor, c))) labelColumn = c;
  const headerBelow = (row: number) => {
    if (looksLikeEntryRow(view, row, values)) return false;
    for (let c = view.firstColumn; c <= view.lastColumn; c++) {
      if (c === labelColumn || view.isCovered(row, c)) continue;
      if (isHeaderToken(normaliseLabel(view.value(row, c)), def, true)) return true;
    }
    return false;
  };
  while (bottom + 1 <= view.lastRow && bottom + 1 - top < 4 && headerBelow(bottom + 1)) bottom++;
  // Header cells merged down below the last header row found extend the block (a 3-row header whose last row is all 人数/比例).
  for (let grow = true; grow && bottom - top < 3;) {
    grow = false;
    for (let c = view.firstColumn; c <= view.lastColumn; c++) {
      const m = view.merge(top, c) ?? view.merge(bottom, c);
      if (m && m.startRow >= top && m.startRow <= bottom && m.endRow > bottom && m.endRow - top < 4 && normaliseLabel(view.value(m.startRow, m.startColumn))) {
        bottom = m.endRow;
        grow = true;
      }
    }
  }

  // Header path of each column (the table's title is not a header, even when it is not merged across).
  const titles = [def.title, ...def.titleSynonyms].map(normaliseLabel).filter((t) => t.length >= 5);
  const paths = new Map<number, { texts: string[]; leafRow: number }>();
  for (let c = view.firstColumn; c <= view.lastColumn; c++) {
    const texts: string[] = [];
    let leafRow = top;
    for (let r = top; r <= bottom; r++) {
      const m = view.merge(r, c);
      // A merge reaching outside the header block (a title down the side, a note) is not a header cell.
      if (m && (m.startRow < top || m.endRow > bottom)) continue;
      const v = m ? view.value(m.startRow, m.startColumn) : view.value(r, c);
      const t = textOf(v);
      if (!t || NOTE_TEXT.test(normaliseLabel(t)) || titles.some((title) => normaliseLabel(t).includes(title))) continue;
      if (texts.length > 0 && texts[texts.length - 1] === t) continue;
      texts.push(t);
      leafRow = m ? m.startRow : r;
    }
    if (texts.length > 0) paths.set(c, { texts, leafRow });
  }

  const measures: MatchedMeasure[] = [];
  const unmatched: UnmatchedLabel[] = [];
  const labelColumns: { key: string; column: number }[] = [];
  const seen = new Map<string, MatchedMeasure>();
  const unmatchedHeaders: { column: number; text: string; address: string }[] = [];
  for (const [c, p] of paths) {
    const col = matchHeaderPath(p.texts, def);
    const address = addr(orientation, p.leafRow, c);
    const label = p.texts.join(' → ');
    if (!col) {
      unmatchedHeaders.push({ column: c, text: label, address });
      continue;
    }
    if (col.kind === 'label') {
      labelColumns.push({ key: col.key, column: c });
      continue;
    }
    const prior = seen.get(col.key);
    if (prior) {
      unmatched.push({
        kind: 'duplicate-header', text: label, address,
        message: {
          zh: `工作表“${sheet}”${address}的表头“${label}”与${prior.address}的“${prior.label}”是同一项，只填写${prior.address}所在的一${orientation === 'districts-as-rows' ? '列' : '行'}。`,
          en: `Sheet "${sheet}": header "${label}" at ${address} is the same item as "${prior.label}" at ${prior.address}; only the latter is filled.`,
        },
      });
      continue;
    }
    const m: MatchedMeasure = { key: col.key, kind: col.kind, index: c, label, address };
    seen.set(col.key, m);
    measures.push(m);
  }
  if (measures.length === 0) return null;

  // The table spans the matched columns and the header columns next to them; unmatched headers further away
  // are outside the table (other content of the sheet) and not reported.
  const matchedCols = [...measures.map((m) => m.index), ...labelColumns.map((l) => l.column)];
  let left = Math.min(...matchedCols);
  let right = Math.max(...matchedCols);
  while (paths.has(left - 1)) left--;
  while (paths.has(right + 1)) right++;
  for (const u of unmatchedHeaders) {
    if (u.column < left || u.column > right) continue;
    // A column with no header of its own under a parent with other children (其中 over 男/女) is not a label to report.
    unmatched.push({
      kind: 'header', text: u.text, address: u.address,
      message: {
        zh: `工作表“${sheet}”${u.address}的表头“${u.text}”无法识别，该${orientation === 'districts-as-rows' ? '列' : '行'}未填写。`,
        en: `Sheet "${sheet}": header "${u.text}" at ${u.address} was not recognised; that ${orientation === 'districts-as-rows' ? 'column' : 'row'} is not filled.`,
      },
    });
  }

  // Row labels: the 选区 (name) column, else the 编号 column, else the leftmost column of the table.
  const nameCol = labelColumns.find((l) => l.key === 'districtName')?.column;
  const numberCol = labelColumns.find((l) => l.key === 'districtNo')?.column;
  const firstMeasure = Math.min(...measures.map((m) => m.index));
  const fallbackCol = nameCol === undefined && numberCol === undefined
    ? (left < firstMeasure ? left : firstMeasure - 1 >= view.firstColumn ? firstMeasure - 1 : null)
    : null;
  const labelCols = [nameCol, numberCol, fallbackCol].filter((c): c is number => c !== undefined && c !== null);

  const entries: MatchedEntry[] = [];
  const usedDistricts = new Set<string>();
  let blankRun = 0;
  const districtRows = values.rows.filter((r) => !r.isTotal);
  left = Math.min(left, ...labelCols);
  for (let r = bottom + 1; r <= view.lastRow; r++) {
    const cells: string[] = [];
    for (let c = left; c <= right; c++) if (!view.isCovered(r, c)) cells.push(textOf(view.value(r, c)));
    const firstText = cells.find((t) => t !== '') ?? '';
    if (firstText && NOTE_TEXT.test(normaliseLabel(firstText))) break;
    // a long text merged across most of the table is a note
    const wideNote = (() => {
      for (let c = left; c <= right; c++) {
        const m = view.merge(r, c);
        if (m && m.startRow === r && m.endColumn - m.startColumn + 1 >= Math.max(3, (right - left + 1) / 2) && textOf(view.value(r, m.startColumn)).length > 10) return true;
      }
      return false;
    })();
    if (wideNote) break;
    if (cells.every((t) => t === '')) {
      if (++blankRun >= 3) break;
      continue;
    }
    blankRun = 0;
    let label = '';
    let labelAddress = '';
    let district: string | null = null;
    let isTotal = false;
    for (const c of labelCols) {
      if (view.isCovered(r, c) && view.merge(r, c)!.startRow !== r) continue; // continuation of a label merged down
      const t = textOf(view.shown(r, c));
      if (!t) continue;
      if (!label) {
        label = t;
        labelAddress = addr(orientation, r, c);
      }
      if (isTotalLabel(t)) {
        isTotal = true;
        label = t;
        labelAddress = addr(orientation, r, c);
        break;
      }
      const found = findDistrict(t, districtRows.map((d) => d.district!), c === numberCol);
      if (found) {
        district = found;
        label = t;
        labelAddress = addr(orientation, r, c);
        break;
      }
    }
    if (!label) continue;
    const marker = splitMeasureMarker(normaliseLabel(label));
    if (!isTotal && !district && marker.marker && marker.base === '' && districtRows.length === 0 && def.totalKey) {
      // 人数 / 比例 rows of a categories-by-measure table (only when the values have no districts)
      entries.push({ index: r, label, district: null, isTotal: true, address: labelAddress, marker: marker.marker });
      continue;
    }
    if (isTotal) {
      entries.push({ index: r, label, district: null, isTotal: true, address: labelAddress });
    } else if (district && !usedDistricts.has(district)) {
      usedDistricts.add(district);
      entries.push({ index: r, label, district, isTotal: false, address: labelAddress });
    } else if (district) {
      unmatched.push({
        kind: 'row-label', text: label, address: labelAddress,
        message: {
          zh: `工作表“${sheet}”${labelAddress}的“${label}”与前面的行是同一选区，未填写。`,
          en: `Sheet "${sheet}": "${label}" at ${labelAddress} is the same district as an earlier row; not filled.`,
        },
      });
    } else {
      unmatched.push({
        kind: 'row-label', text: label, address: labelAddress,
        message: {
          zh: `工作表“${sheet}”${labelAddress}的“${label}”不是名册中的选区，该${orientation === 'districts-as-rows' ? '行' : '列'}未填写。请核对选区名称。`,
          en: `Sheet "${sheet}": "${label}" at ${labelAddress} is not a district of the rolls; that ${orientation === 'districts-as-rows' ? 'row' : 'column'} is not filled. Check the district name.`,
        },
      });
    }
  }
  // A table of one row with a label that is not a district (the township's name) takes the 合计 when the values
  // have no districts (a roster without a 选区 column).
  if (districtRows.length === 0 && !entries.some((e) => e.isTotal)) {
    const lone = unmatched.filter((u) => u.kind === 'row-label');
    if (lone.length === 1) {
      const u = lone[0];
      const index = entryIndexFromAddress(u.address!, orientation);
      entries.push({ index, label: u.text, district: null, isTotal: true, address: u.address! });
      unmatched.splice(unmatched.indexOf(u), 1);
    }
  }
  for (const d of districtRows) {
    if (usedDistricts.has(d.district!)) continue;
    unmatched.push({
      kind: 'district', text: d.district!,
      message: {
        zh: `选区“${d.district}”在工作表“${sheet}”中没有对应的${orientation === 'districts-as-rows' ? '行' : '列'}，未填写。请在模板中添加该选区。`,
        en: `District "${d.district}" has no ${orientation === 'districts-as-rows' ? 'row' : 'column'} in sheet "${sheet}"; not filled. Add it to the template.`,
      },
    });
  }
  return {
    headerStart: top, headerEnd: bottom, measures, entries, unmatched, titleAddress: null,
    score: measures.length * 10 + entries.length,
  };
}

function entryIndexFromAddress(address: string, orientation: Orientation): number {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  if (orientation === 'districts-as-rows') return Number(m[2]);
  let n = 0;
  for (const ch of m[1]) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A row of data (a district name or 合计 in a label cell) rather than a header row. */
function looksLikeEntryRow(view: GridView, row: number, values: TableValues): boolean {
  const names = values.rows.filter((r) => !r.isTotal).map((r) => r.district!);
  for (let c = view.firstColumn; c <= view.lastColumn; c++) {
    if (view.isCovered(row, c)) continue;
    const t = textOf(view.value(row, c));
    if (!t) continue;
    if (isTotalLabel(t) && !/^(合计|小计)$/.test(normaliseLabel(t))) return true;
    if (findDistrict(t, names, false)) return true;
  }
  return false;
}

/** The district a row label names: equal text first, then equal district keys (第一选区 = 第1选区 = 一选区). */
export function findDistrict(label: string, districts: readonly string[], numbersAllowed: boolean): string | null {
  const n = normaliseLabel(label);
  if (!n) return null;
  const exact = districts.find((d) => normaliseLabel(d) === n);
  if (exact) return exact;
  if (/^\d+$/.test(n) && !numbersAllowed) return null;
  const key = districtKey(label);
  const byKey = districts.filter((d) => districtKey(d) === key);
  return byKey.length === 1 ? byKey[0] : null;
}

/** How strongly a sheet's name or top rows name the table: 0 when they do not. Longer (more specific) titles score higher. */
export function titleScore(grid: SheetGrid, def: TableDefinition): { score: number; address: string | null } {
  const titles = [def.title, ...def.titleSynonyms].map(normaliseLabel);
  let best = { score: 0, address: null as string | null };
  const view = new GridView(grid);
  for (let r = view.firstRow; r <= Math.min(view.lastRow, view.firstRow + 5); r++) {
    for (let c = view.firstColumn; c <= view.lastColumn; c++) {
      if (view.isCovered(r, c)) continue;
      const t = normaliseLabel(view.value(r, c));
      if (!t || t.length > 80) continue;
      for (const title of titles) {
        if (t.includes(title) && 10 + title.length > best.score) best = { score: 10 + title.length, address: `${columnLetter(c)}${r}` };
      }
    }
  }
  const name = normaliseLabel(grid.sheet);
  for (const title of titles) {
    if (name.includes(title) && 5 + title.length > best.score) best = { score: 5 + title.length, address: null };
  }
  return best;
}

/**
 * Matches one sheet against a table, trying districts as rows and as columns and keeping the layout that
 * recognises more. Null when neither finds a header with at least two of the table's labels.
 */
export function matchTemplate(grid: SheetGrid, values: TableValues): TemplateMatch | null {
  const def = values.definition;
  const asRows = matchRows(new GridView(grid), def, values, 'districts-as-rows', grid.sheet);
  const asColumns = matchRows(new GridView(transposeGrid(grid)), def, values, 'districts-as-columns', grid.sheet);
  let core: CoreMatch | null = asRows;
  let orientation: Orientation = 'districts-as-rows';
  if (asColumns && (!asRows || asColumns.score > asRows.score)) {
    core = asColumns;
    orientation = 'districts-as-columns';
  }
  if (!core) return null;
  const present = new Set(core.measures.map((m) => m.key));
  const notInTemplate = def.columns
    .filter((c) => c.kind !== 'label' && !present.has(c.key))
    .filter((c) => values.rows.some((r) => r.values[c.key] !== null && r.values[c.key] !== undefined))
    .map((c) => c.key);
  return {
    table: def.key,
    sheet: grid.sheet,
    orientation,
    titleAddress: titleScore(grid, def).address,
    headerStart: core.headerStart,
    headerEnd: core.headerEnd,
    measures: core.measures,
    entries: core.entries,
    unmatched: core.unmatched,
    notInTemplate,
  };
}

export interface TemplateSearch {
  /** The matches found, one per table at most. */
  matches: TemplateMatch[];
  /** Tables for which no sheet was found. */
  notFound: TableDefinition['key'][];
  notes: Message[];
}

/**
 * Finds each table's sheet in a template workbook: a sheet whose title (or name) names the table and whose
 * header matches; failing a title, a sheet whose header alone matches at least three of the table's columns.
 * A sheet serves one table only.
 */
export function findTemplates(grids: readonly SheetGrid[], tables: readonly TableValues[]): TemplateSearch {
  const matches: TemplateMatch[] = [];
  const notFound: TableDefinition['key'][] = [];
  const notes: Message[] = [];
  const claimed = new Set<string>();
  const titled = tables.map((t) => grids.map((g) => titleScore(g, t.definition).score));
  tables.forEach((t, ti) => {
    let best: { match: TemplateMatch; title: number } | null = null;
    grids.forEach((g, gi) => {
      if (claimed.has(g.sheet)) return;
      const title = titled[ti][gi];
      // a sheet another table's title claims more strongly is not this table's
      const otherTitle = Math.max(0, ...tables.map((_, oi) => (oi === ti ? 0 : titled[oi][gi])));
      if (otherTitle > title) return;
      const match = matchTemplate(g, t);
      if (!match) return;
      if (title === 0 && match.measures.length < 3) return;
      if (!best || title > best.title || (title === best.title && match.measures.length > best.match.measures.length)) best = { match, title };
    });
    const found = best as { match: TemplateMatch; title: number } | null;
    if (found) {
      matches.push(found.match);
      claimed.add(found.match.sheet);
      if (found.title === 0) {
        notes.push({
          zh: `工作表“${found.match.sheet}”的标题中没有“${t.definition.title}”，按表头判断为该表。`,
          en: `Sheet "${found.match.sheet}" has no title naming "${t.definition.title}"; taken to be that table from its header.`,
        });
      }
    } else {
      notFound.push(t.table);
    }
  });
  return { matches, notFound, notes };
}
