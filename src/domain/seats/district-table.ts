/**
 * Reads a district table (选区划分表: one row per electoral district with its population) from a worksheet:
 * finds the header row (选区/选区名称/选区编号/district and 人口数/人口/population, possibly below a title row),
 * reads rows until a 合计 row or a blank row, and reports every bad row — missing, negative, fractional or
 * non-numeric population, missing name, duplicate district — naming the sheet, Excel row and column.
 */
import { Finding } from '../common/finding';
import { Severity } from '../common/problem';
import { CellValue, SheetGrid, columnLetter } from '../workbook/sheet-grid';

export interface DistrictRow {
  name: string;
  population: number;
  /** Excel row number. */
  row: number;
}

export interface DistrictTable {
  /** The valid rows, in sheet order (bad rows are left out and reported in problems). */
  rows: DistrictRow[];
  problems: Finding[];
  sheet: string;
  /** Excel row of the header, and column letters of the two columns; absent when no header was found. */
  headerRow?: number;
  nameColumn?: string;
  populationColumn?: string;
  /** The population in the 合计 row, when there is one with a number. */
  statedTotal?: number;
}

/** How many rows from the top are searched for the header. */
const HEADER_SEARCH_ROWS = 30;

/** Header texts of the district column, best first (normalised: no spaces, no unit in brackets, lower case). */
const NAME_HEADERS = ['选区名称', '选区', 'district', 'districtname', '选区名', '选区范围', '选区编号', '选区号', 'districtno', 'districtnumber'];
const POPULATION_HEADERS = ['人口数', '人口', 'population', '选区人口数', '选区人口', '人口总数', '总人口', '总人口数'];
const TOTAL_LABELS = new Set(['合计', '总计', '共计', '小计', '全镇合计', '全乡合计', '合计数', 'total', 'sum']);

/** Header text as compared: no white space, no bracketed unit such as （人）, lower case. */
function normaliseHeader(v: CellValue): string {
  if (typeof v !== 'string') return '';
  return v.replace(/[\s\u3000]+/g, '').replace(/[（(][^）)]*[）)]$/, '').toLowerCase();
}

function cellText(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

function isEmpty(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Full-width digits and punctuation to ASCII, thousands separators and a trailing 人 removed. */
function numericText(s: string): string {
  return s
    .replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\uff0c，,\s\u3000]/g, '')
    .replace(/．/g, '.')
    .replace(/[－—]/g, '-')
    .replace(/人$/, '');
}

type PopulationParse = { ok: true; value: number } | { ok: false; code: string; zh: string; en: string };

function parsePopulation(v: CellValue): PopulationParse {
  let value: number;
  if (typeof v === 'number') value = v;
  else if (typeof v === 'string') {
    const t = numericText(v);
    if (!/^-?\d+(\.\d+)?$/.test(t)) {
      return { ok: false, code: 'POPULATION_NOT_NUMBER', zh: `人口数“${v.trim()}”不是数字`, en: `population "${v.trim()}" is not a number` };
    }
    value = Number(t);
  } else {
    const shown = cellText(v);
    return { ok: false, code: 'POPULATION_NOT_NUMBER', zh: `人口数“${shown}”不是数字`, en: `population "${shown}" is not a number` };
  }
  if (!Number.isFinite(value)) return { ok: false, code: 'POPULATION_NOT_NUMBER', zh: `人口数不是有效数字`, en: 'population is not a valid number' };
  if (value < 0) return { ok: false, code: 'POPULATION_NEGATIVE', zh: `人口数${value}为负数`, en: `population ${value} is negative` };
  if (!Number.isInteger(value)) return { ok: false, code: 'POPULATION_NOT_WHOLE', zh: `人口数${value}不是整数`, en: `population ${value} is not a whole number` };
  if (!Number.isSafeInteger(value)) return { ok: false, code: 'POPULATION_NOT_NUMBER', zh: `人口数${value}过大`, en: `population ${value} is too large` };
  return { ok: true, value };
}

interface Header {
  index: number; // index into grid.rows
  nameCol: number; // index into the row
  popCol: number;
}

function findHeader(grid: SheetGrid): Header | undefined {
  const limit = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const cells = grid.rows[r].map(normaliseHeader);
    let nameCol = -1;
    for (const h of NAME_HEADERS) {
      nameCol = cells.indexOf(h);
      if (nameCol >= 0) break;
    }
    if (nameCol < 0) continue;
    let popCol = -1;
    for (const h of POPULATION_HEADERS) {
      popCol = cells.indexOf(h);
      if (popCol >= 0) break;
    }
    // Other wordings such as 户籍人口: a 人口 column that is not 每名代表所代表人口数.
    if (popCol < 0) popCol = cells.findIndex((c) => c.includes('人口') && !c.includes('代表') && !c.includes('每'));
    if (popCol < 0) popCol = cells.findIndex((c) => c.includes('population') && !c.includes('per'));
    if (popCol >= 0) return { index: r, nameCol, popCol };
  }
  return undefined;
}

/** Reads the district table of a sheet; see the file comment. */
export function readDistrictTable(grid: SheetGrid): DistrictTable {
  const problems: Finding[] = [];
  const at = (severity: Severity, code: string, row: number, column: number | undefined, zh: string, en: string, related: Finding['related'] = []) => {
    const f: Finding = { file: grid.workbook, sheet: grid.sheet, row, code, severity, message: { zh, en }, related };
    if (column !== undefined) f.column = columnLetter(column);
    problems.push(f);
  };
  const header = findHeader(grid);
  if (!header) {
    at('error', 'DISTRICT_TABLE_NO_HEADER', grid.startRow, undefined,
      `工作表“${grid.sheet}”前${HEADER_SEARCH_ROWS}行中找不到表头：需要“选区”（或“选区名称”“选区编号”）和“人口数”（或“人口”）两列。请检查表头文字。`,
      `Sheet "${grid.sheet}": no header in the first ${HEADER_SEARCH_ROWS} rows with a district column (选区/选区名称/选区编号/district) and a population column (人口数/人口/population). Check the header texts.`);
    return { rows: [], problems, sheet: grid.sheet };
  }
  const excelRow = (r: number) => grid.startRow + r;
  const excelCol = (c: number) => grid.startColumn + c;
  const nameLetter = columnLetter(excelCol(header.nameCol));
  const popLetter = columnLetter(excelCol(header.popCol));
  const where = (r: number, c: number) => `工作表“${grid.sheet}”第${excelRow(r)}行${columnLetter(excelCol(c))}列`;
  const whereEn = (r: number, c: number) => `sheet "${grid.sheet}", row ${excelRow(r)}, column ${columnLetter(excelCol(c))}`;

  const rows: DistrictRow[] = [];
  const firstRowOf = new Map<string, number>();
  let statedTotal: number | undefined;
  let r = header.index + 1;
  for (; r < grid.rows.length; r++) {
    const cells = grid.rows[r];
    if (cells.every((v) => isEmpty(v))) {
      const more = grid.rows.slice(r + 1).findIndex((row) => row.some((v) => !isEmpty(v)));
      if (more >= 0 && !grid.rows[r + 1 + more].some((v) => TOTAL_LABELS.has(normaliseHeader(v)))) {
        at('warning', 'DISTRICT_TABLE_ROWS_AFTER_BLANK', excelRow(r + 1 + more), undefined,
          `工作表“${grid.sheet}”第${excelRow(r)}行是空行，表格读到此为止；第${excelRow(r + 1 + more)}行起的内容未读取。如果那些也是选区，请删除空行。`,
          `Sheet "${grid.sheet}": row ${excelRow(r)} is blank, so the table ends there; rows from ${excelRow(r + 1 + more)} on were not read. Delete the blank row if they are districts too.`);
      }
      break;
    }
    const nameCell = cells[header.nameCol] ?? null;
    const popCell = cells[header.popCol] ?? null;
    const name = cellText(nameCell);
    if (cells.some((v) => TOTAL_LABELS.has(normaliseHeader(v)))) {
      const parsed = parsePopulation(popCell);
      if (parsed.ok) statedTotal = parsed.value;
      break;
    }
    if (name === '') {
      at('error', 'DISTRICT_NAME_MISSING', excelRow(r), excelCol(header.nameCol),
        `${where(r, header.nameCol)}：选区名称为空。请填写选区名称，或删除这一行。`,
        `${whereEn(r, header.nameCol)}: the district name is empty. Fill it in or delete the row.`);
      continue;
    }
    const earlier = firstRowOf.get(name);
    if (earlier !== undefined) {
      at('error', 'DISTRICT_DUPLICATE', excelRow(r), excelCol(header.nameCol),
        `${where(r, header.nameCol)}：选区“${name}”与第${earlier}行重复。每个选区只能列一行，请合并或改名。`,
        `${whereEn(r, header.nameCol)}: district "${name}" is listed again (first in row ${earlier}). List each district once: merge the rows or rename one.`,
        [{ file: grid.workbook, sheet: grid.sheet, row: earlier, column: nameLetter }]);
      continue;
    }
    firstRowOf.set(name, excelRow(r));
    if (isEmpty(popCell)) {
      at('error', 'POPULATION_MISSING', excelRow(r), excelCol(header.popCol),
        `${where(r, header.popCol)}：选区“${name}”没有人口数。请填写该选区的人口数。`,
        `${whereEn(r, header.popCol)}: district "${name}" has no population. Fill it in.`);
      continue;
    }
    const parsed = parsePopulation(popCell);
    if (!parsed.ok) {
      at('error', parsed.code, excelRow(r), excelCol(header.popCol),
        `${where(r, header.popCol)}：选区“${name}”的${parsed.zh}。人口数应为不小于0的整数。`,
        `${whereEn(r, header.popCol)}: district "${name}": ${parsed.en}. The population must be a whole number, 0 or more.`);
      continue;
    }
    rows.push({ name, population: parsed.value, row: excelRow(r) });
  }

  if (statedTotal !== undefined && problems.every((p) => p.severity !== 'error')) {
    const sum = rows.reduce((s, d) => s + d.population, 0);
    if (sum !== statedTotal) {
      at('warning', 'DISTRICT_TABLE_TOTAL_MISMATCH', excelRow(r), excelCol(header.popCol),
        `${where(r, header.popCol)}：合计行人口数${statedTotal}与各选区之和${sum}不符，请核对。`,
        `${whereEn(r, header.popCol)}: the total row says ${statedTotal} but the districts add up to ${sum}. Check them.`);
    }
  }
  if (rows.length === 0 && problems.every((p) => p.severity !== 'error')) {
    at('error', 'DISTRICT_TABLE_EMPTY', excelRow(header.index), undefined,
      `工作表“${grid.sheet}”第${excelRow(header.index)}行表头下没有选区数据。`,
      `Sheet "${grid.sheet}": no districts below the header in row ${excelRow(header.index)}.`);
  }
  const table: DistrictTable = { rows, problems, sheet: grid.sheet, headerRow: excelRow(header.index), nameColumn: nameLetter, populationColumn: popLetter };
  if (statedTotal !== undefined) table.statedTotal = statedTotal;
  return table;
}
