/**
 * Proposes how to read a sheet: finds the header row below any title rows, blank rows and merged title cells,
 * maps its headers to column roles, finds the data rows (without the totals row "合计"/"总计"/"共N人", signature
 * lines and trailing blank rows), takes the district from the sheet name or a title like "××镇第一选区选民名单",
 * and says how sure it is. The clerk may edit the result; the engine reads what it is given.
 * Also classifies a sheet as a roll, a population register, a district table, an exclusion list or other.
 */
import { Message } from '../common/problem';
import { CellValue, SheetGrid } from '../workbook/sheet-grid';
import { headerRole, normaliseHeader } from './header-synonyms';
import { normaliseText, trimSpaces } from './normalise';
import { ColumnMapping, ColumnRole, RollLayout } from './roll-layout';

/** How many rows from the top are searched for the header. */
const HEADER_SEARCH_ROWS = 40;

export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  if (!row) return true;
  for (const v of row) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'string' && (v === '' || trimSpaces(v) === '')) continue;
    return false;
  }
  return true;
}

const TOTALS = /^(合\s*计|总\s*计|小\s*计|共\s*计|总数|共\s*[0-9一二三四五六七八九十百千万]+\s*人|本[页表选区]共)/;
const FOOTER = /^(制表人|填表人|审核人|负责人|制表日期|填表日期|填报日期|审核|制表|注[:：]|说明[:：]|选举委员会|(\S*选举委员会)?[（(]?盖章[)）]?)/;

function firstText(row: readonly CellValue[] | undefined): string {
  if (!row) return '';
  for (const v of row) {
    if (v === null || v === undefined) continue;
    if (typeof v !== 'string') return '';
    const t = normaliseText(v);
    if (t !== '') return t;
  }
  return '';
}

/** A totals row: its first non-empty cell reads 合计, 总计, 小计, 共计 or 共N人. */
export function isTotalsRow(row: readonly CellValue[] | undefined): boolean {
  const t = firstText(row);
  return t !== '' && TOTALS.test(t);
}

/** A signature or note line under a table (制表人, 审核人, 注：…). */
export function isFooterRow(row: readonly CellValue[] | undefined): boolean {
  const t = firstText(row);
  return t !== '' && FOOTER.test(t);
}

interface HeaderGuess {
  index: number;
  columns: ColumnMapping;
  roles: number;
}

function headerColumns(grid: SheetGrid, index: number): HeaderGuess {
  const row = grid.rows[index] ?? [];
  const columns: ColumnMapping = {};
  let roles = 0;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v !== 'string') continue;
    const role = headerRole(v);
    if (role && columns[role] === undefined) {
      columns[role] = grid.startColumn + c;
      roles++;
    }
  }
  return { index, columns, roles };
}

function findHeader(grid: SheetGrid): HeaderGuess | null {
  let best: HeaderGuess | null = null;
  const limit = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const guess = headerColumns(grid, i);
    if (guess.roles < 2) continue;
    if (guess.columns.name === undefined && guess.columns.id === undefined) continue;
    if (!best || guess.roles > best.roles) best = guess;
  }
  return best;
}

/** Texts above the header row (titles), in order. */
function titleTexts(grid: SheetGrid, headerIndex: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < headerIndex; i++) {
    const row = grid.rows[i];
    if (!row) continue;
    for (const v of row) {
      if (typeof v === 'string') {
        const t = normaliseText(v);
        if (t !== '') out.push(t);
      }
    }
  }
  return out;
}

const DISTRICT_IN_TEXT = /(第[〇零一二三四五六七八九十百\d]+选区)/;
const NAMED_DISTRICT = /([\u4e00-\u9fa5A-Za-z0-9]{1,12}?选区)(?:选民|名单|花名册|登记|$)/;
const GENERIC_SHEET = /^(sheet\d*|工作表\d*|选民名单|选民登记(名单|表|册)?|名单|花名册|汇总|总表|全部|数据|表\d*)$/i;

/** The district named by a text: 第N选区, or a name ending in 选区 before 选民名单. */
export function districtInText(text: string): string | null {
  const t = normaliseText(text).replace(/\s+/g, '');
  const m = DISTRICT_IN_TEXT.exec(t);
  if (m) return m[1];
  const n = NAMED_DISTRICT.exec(t.replace(/^.*?[镇乡]|^.*?街道/, ''));
  if (n && n[1] !== '选区') return n[1];
  return null;
}

function districtOf(grid: SheetGrid, titles: string[]): { district?: string; note?: Message; sure: boolean } {
  const sheetName = normaliseText(grid.sheet);
  const fromSheet = districtInText(sheetName);
  if (fromSheet) return { district: sheetName.includes('选区') && sheetName.length <= 16 ? sheetName : fromSheet, sure: true, note: { zh: `选区取自工作表名“${sheetName}”。`, en: `District taken from the sheet name "${sheetName}".` } };
  for (const t of titles) {
    const d = districtInText(t);
    if (d) return { district: d, sure: true, note: { zh: `选区取自标题“${t}”。`, en: `District taken from the title "${t}".` } };
  }
  if (sheetName !== '' && !GENERIC_SHEET.test(sheetName)) {
    return { district: sheetName, sure: false, note: { zh: `表中没有“选区”列，暂以工作表名“${sheetName}”作为选区，请确认。`, en: `No 选区 column; the sheet name "${sheetName}" is taken as the district. Please confirm.` } };
  }
  return { sure: false };
}

/**
 * The data rows under a header row (Excel row numbers): from the first non-blank row after the header to the last
 * row that is neither blank, a signature/note line nor a totals row (合计/总计/共N人). `lastDataRow` is below
 * `firstDataRow` when there are no data rows. `droppedTotals` says a totals row was left out.
 */
export function dataRowRange(grid: SheetGrid, headerRow: number): { firstDataRow: number; lastDataRow: number; droppedTotals: boolean } {
  const headerIndex = headerRow - grid.startRow;
  let first = Math.max(0, headerIndex + 1);
  while (first < grid.rows.length && isBlankRow(grid.rows[first])) first++;
  let last = grid.rows.length - 1;
  let droppedTotals = false;
  while (last >= first) {
    const row = grid.rows[last];
    if (isBlankRow(row) || isFooterRow(row)) {
      last--;
      continue;
    }
    if (isTotalsRow(row)) {
      droppedTotals = true;
      last--;
      continue;
    }
    break;
  }
  return { firstDataRow: grid.startRow + first, lastDataRow: grid.startRow + last, droppedTotals };
}

/** The layout under a given header row: data rows, district, notes and a confidence from what the header names. */
function layoutFromHeader(grid: SheetGrid, header: HeaderGuess): RollLayout {
  const notes: Message[] = [];
  const headerRow = grid.startRow + header.index;
  const range = dataRowRange(grid, headerRow);
  if (range.droppedTotals) notes.push({ zh: '表尾的合计行不作为选民读取。', en: 'The totals row at the bottom is not read as a voter.' });

  const layout: RollLayout = {
    sheet: grid.sheet,
    headerRow,
    firstDataRow: range.firstDataRow,
    lastDataRow: range.lastDataRow,
    columns: header.columns,
    confidence: 0,
    notes,
  };

  let confidence = 0;
  if (header.columns.name !== undefined) confidence += 0.35;
  if (header.columns.id !== undefined) confidence += 0.35;
  const others = header.roles - (header.columns.name !== undefined ? 1 : 0) - (header.columns.id !== undefined ? 1 : 0);
  confidence += 0.3 * Math.min(1, others / 3);

  if (header.columns.district === undefined) {
    const d = districtOf(grid, titleTexts(grid, Math.max(0, header.index)));
    if (d.district) {
      layout.district = d.district;
      if (d.note) notes.push(d.note);
      if (!d.sure) confidence -= 0.15;
    } else {
      confidence -= 0.2;
      notes.push({ zh: '表中没有“选区”列，工作表名和标题也看不出选区，请指定选区。', en: 'No 选区 column, and neither the sheet name nor the title names a district: please set it.' });
    }
  }
  if (header.columns.id === undefined) notes.push({ zh: '没有找到身份证号列。', en: 'No ID number column found.' });
  if (header.columns.name === undefined) notes.push({ zh: '没有找到姓名列。', en: 'No name column found.' });
  if (layout.lastDataRow < layout.firstDataRow) {
    notes.push({ zh: '表头下面没有数据行。', en: 'There are no data rows under the header.' });
    confidence -= 0.2;
  }
  layout.confidence = Math.max(0, Math.min(1, Math.round(confidence * 100) / 100));
  return layout;
}

/**
 * Proposes a layout for a roll-like sheet (roll, register, previous roll, exclusion list), or null when no
 * header row with a 姓名 or 身份证号 column and at least one other known column is found.
 */
export function detectRollLayout(grid: SheetGrid): RollLayout | null {
  const header = findHeader(grid);
  if (!header) return null;
  return layoutFromHeader(grid, header);
}

/**
 * The layout when the clerk says the header is on Excel row `headerRow`: that row's texts are mapped to column roles
 * by the header synonyms (a text no synonym knows maps to nothing, so the mapping may be empty), and the data rows,
 * district, notes and confidence are worked out as detection does for its own header row. Never null: the clerk
 * then corrects the columns.
 */
export function layoutForHeaderRow(grid: SheetGrid, headerRow: number): RollLayout {
  return layoutFromHeader(grid, headerColumns(grid, headerRow - grid.startRow));
}

export type SheetKind = 'roll' | 'register' | 'districts' | 'exclusion' | 'other';

const EXCLUSION_WORDS = /剥夺政治权利|不列入|未列入|不予登记|死亡人员|死亡名单|精神病|排除|取消选民资格|无选举权/;
const DISTRICT_WORDS = /选区划分|名额分配|代表名额|选区设置|选区一览/;
const REGISTER_WORDS = /户籍|户口|人口登记|常住人口|人口名册|人口信息|花名册|居民名册|人口普查/;
const ROLL_WORDS = /选民名单|选民登记|选民册|选民花名册|选民/;

/** What a sheet holds, from its name, title and headers. */
export function classifySheet(grid: SheetGrid): SheetKind {
  const header = findHeader(grid);
  const titles = [grid.sheet, ...titleTexts(grid, header ? header.index : Math.min(grid.rows.length, 3))].join(' ');
  if (EXCLUSION_WORDS.test(titles) && header) return 'exclusion';
  if (!header || (header.columns.name === undefined && header.columns.id === undefined)) {
    // A district table: a 选区 column beside a 人口 column.
    for (let i = 0; i < Math.min(grid.rows.length, HEADER_SEARCH_ROWS); i++) {
      const texts = (grid.rows[i] ?? []).filter((v): v is string => typeof v === 'string').map(normaliseHeader);
      const hasDistrict = texts.some((t) => headerRole(t) === 'district' || t === '选区名称' || t === '选区范围');
      const hasPopulation = texts.some((t) => /人口/.test(t));
      if (hasDistrict && hasPopulation) return 'districts';
    }
    if (DISTRICT_WORDS.test(titles)) return 'districts';
    return 'other';
  }
  if (DISTRICT_WORDS.test(titles) && header.columns.id === undefined) return 'districts';
  if (REGISTER_WORDS.test(titles) && !/选民/.test(titles)) return 'register';
  if (ROLL_WORDS.test(titles)) return 'roll';
  if (REGISTER_WORDS.test(titles)) return 'register';
  return 'roll';
}

/** Roles in a fixed order, for listing a mapping. */
export function mappedRoles(columns: ColumnMapping): ColumnRole[] {
  return (Object.keys(columns) as ColumnRole[]).filter((r) => columns[r] !== undefined);
}
