/**
 * A candidate or deputy roster (代表候选人/代表名单) read for the 代表结构统计表: finds the columns by their
 * headers (姓名, 性别, 民族, 出生日期, 政治面貌, 职业/身份, 是否连任, 选区, 身份证号), reads each person, and
 * counts the composition categories per district and in total. Sex and birth date fall back to the resident ID
 * when their own columns are missing or empty.
 */
import { CalendarDate, ageOn, fromExcelSerial, fromUtcDate, isValidDate } from '../common/calendar-date';
import { Message } from '../common/problem';
import { analyzeId } from '../id/resident-id';
import { CellValue, SheetGrid, columnLetter } from '../workbook/sheet-grid';
import { normaliseLabel, toHalfWidth } from './labels';

export type RosterField = 'name' | 'sex' | 'ethnicity' | 'birthDate' | 'politics' | 'occupation' | 'reelected' | 'district' | 'id';

const FIELD_LABELS: Record<RosterField, readonly string[]> = {
  name: ['姓名', '代表姓名', '候选人姓名', '名字'],
  sex: ['性别'],
  ethnicity: ['民族'],
  birthDate: ['出生日期', '出生年月', '出生年月日', '生日', '出生时间'],
  politics: ['政治面貌', '党派', '政治面目'],
  occupation: ['职业/身份', '职业', '身份', '职业身份', '代表类别', '类别', '界别', '代表身份', '身份类别', '职业类别', '构成类别'],
  reelected: ['是否连任', '连任', '连任代表', '是否连任代表', '是否为连任'],
  district: ['选区', '选区名称', '所在选区'],
  id: ['身份证号', '公民身份号码', '身份证号码', '身份证'],
};

export interface RosterLayout {
  sheet: string;
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  /** Excel column numbers by field. */
  columns: Partial<Record<RosterField, number>>;
}

function cellAt(grid: SheetGrid, row: number, column: number): CellValue {
  const r = grid.rows[row - grid.startRow];
  if (!r) return null;
  const v = r[column - grid.startColumn];
  return v === undefined ? null : v;
}

function fieldOf(text: CellValue): RosterField | null {
  const s = normaliseLabel(text);
  if (!s) return null;
  for (const field of Object.keys(FIELD_LABELS) as RosterField[]) {
    if (FIELD_LABELS[field].some((l) => normaliseLabel(l) === s)) return field;
  }
  return null;
}

/**
 * Finds a roster's header row (the row in the first 20 with the most roster labels, at least 姓名 and two more)
 * and its data rows (up to the last row with a name). Null when the sheet does not look like a roster.
 */
export function detectRosterLayout(grid: SheetGrid): RosterLayout | null {
  let best: { row: number; columns: Partial<Record<RosterField, number>>; count: number } | null = null;
  const lastRow = grid.startRow + grid.rows.length - 1;
  for (let row = grid.startRow; row <= Math.min(lastRow, grid.startRow + 19); row++) {
    const cells = grid.rows[row - grid.startRow] ?? [];
    const columns: Partial<Record<RosterField, number>> = {};
    let count = 0;
    cells.forEach((v, i) => {
      const f = fieldOf(v);
      if (f && columns[f] === undefined) {
        columns[f] = grid.startColumn + i;
        count++;
      }
    });
    if (columns.name !== undefined && count >= 3 && (!best || count > best.count)) best = { row, columns, count };
  }
  if (!best) return null;
  const nameCol = best.columns.name!;
  let lastDataRow = best.row;
  for (let row = best.row + 1; row <= lastRow; row++) {
    if (isTotalOrNoteRow(grid, row)) continue;
    if (normaliseLabel(cellAt(grid, row, nameCol))) lastDataRow = row;
  }
  return { sheet: grid.sheet, headerRow: best.row, firstDataRow: best.row + 1, lastDataRow, columns: best.columns };
}

/** A 合计/总计 row, or a note or signature line (注, 说明, 填表人, 审核人), wherever its label sits in the row. */
function isTotalOrNoteRow(grid: SheetGrid, row: number): boolean {
  const cells = grid.rows[row - grid.startRow] ?? [];
  return cells.some((v) => /^(合计|总计|共计|注[:：]|说明|填表人|审核人)/.test(normaliseLabel(v)));
}

/** A birth date as a roll or roster writes it: Date, Excel serial, 1990.01.02, 1990-1-2, 1990年1月2日, 19900102, 199001. */
export function parseBirthDate(value: CellValue): { date: CalendarDate; monthOnly: boolean } | null {
  if (value instanceof Date) {
    const d = fromUtcDate(value);
    return d ? { date: d, monthOnly: false } : null;
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 19000101 && value <= 21001231) return parseBirthDate(String(value));
    if (Number.isInteger(value) && value >= 190001 && value <= 210012) return parseBirthDate(String(value));
    if (value > 1900 && value < 2100 && !Number.isInteger(value)) return parseBirthDate(value.toFixed(2));
    const d = fromExcelSerial(value);
    return d ? { date: d, monthOnly: false } : null;
  }
  if (typeof value !== 'string') return null;
  const s = toHalfWidth(value).trim();
  let m = /^(\d{4})[.\-/年](\d{1,2})[.\-/月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isValidDate(y, mo, d) ? { date: { year: y, month: mo, day: d }, monthOnly: false } : null;
  }
  m = /^(\d{4})[.\-/年](\d{1,2})月?$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return isValidDate(y, mo, 1) ? { date: { year: y, month: mo, day: 1 }, monthOnly: true } : null;
  }
  return null;
}

export interface RosterPerson {
  /** Excel row number. */
  row: number;
  name: string;
  district: string | null;
  sex: 'male' | 'female' | null;
  /** True for an ethnic group other than 汉族; null when 民族 is empty. */
  minority: boolean | null;
  birth: CalendarDate | null;
  /** 中共党员 (full or probationary); null when 政治面貌 is empty. */
  cpc: boolean | null;
  occupation: string;
  reelected: boolean;
}

function text(v: CellValue): string {
  if (v === null || v === undefined) return '';
  return toHalfWidth(String(v)).trim();
}

function parseSex(v: string): 'male' | 'female' | null {
  if (/^(男|男性|M|male)$/i.test(v)) return 'male';
  if (/^(女|女性|F|female)$/i.test(v)) return 'female';
  return null;
}

const YES = /^(是|连任|√|✓|✔|Y|YES|1|TRUE|连选连任)$/i;

/** Reads every person on the roster; problems say which row and column could not be read. */
export function readRoster(grid: SheetGrid, layout: RosterLayout): { people: RosterPerson[]; problems: Message[] } {
  const people: RosterPerson[] = [];
  const problems: Message[] = [];
  const c = layout.columns;
  const at = (row: number, field: RosterField): CellValue => (c[field] === undefined ? null : cellAt(grid, row, c[field]!));
  const where = (row: number, field: RosterField) => `${columnLetter(c[field]!)}${row}`;
  for (let row = layout.firstDataRow; row <= layout.lastDataRow; row++) {
    const name = text(at(row, 'name'));
    if (!name || isTotalOrNoteRow(grid, row)) continue;
    const idInfo = c.id !== undefined && text(at(row, 'id')) ? analyzeId(text(at(row, 'id'))) : null;
    let sex = parseSex(text(at(row, 'sex')));
    if (!sex && idInfo?.valid && idInfo.sex) sex = idInfo.sex;
    if (!sex) {
      problems.push({
        zh: `名单“${layout.sheet}”第${row}行（${name}）：性别无法识别${c.sex !== undefined ? `（${where(row, 'sex')}）` : ''}，未计入女性人数。`,
        en: `Roster "${layout.sheet}" row ${row} (${name}): sex not recognised${c.sex !== undefined ? ` (${where(row, 'sex')})` : ''}; not counted as female.`,
      });
    }
    let birth = parseBirthDate(at(row, 'birthDate'))?.date ?? null;
    if (!birth && idInfo?.valid && idInfo.birth) birth = idInfo.birth;
    if (!birth) {
      problems.push({
        zh: `名单“${layout.sheet}”第${row}行（${name}）：出生日期无法识别${c.birthDate !== undefined ? `（${where(row, 'birthDate')}）` : ''}，未计入年龄段。`,
        en: `Roster "${layout.sheet}" row ${row} (${name}): birth date not recognised${c.birthDate !== undefined ? ` (${where(row, 'birthDate')})` : ''}; not counted in an age band.`,
      });
    }
    const ethnicity = text(at(row, 'ethnicity'));
    const politics = text(at(row, 'politics'));
    people.push({
      row,
      name,
      district: c.district !== undefined ? text(at(row, 'district')) || null : null,
      sex,
      minority: ethnicity ? !/^汉族?$/.test(ethnicity) : null,
      birth,
      cpc: politics ? /中共|共产党员|^党员$|预备党员/.test(politics) && !/非中共|非党/.test(politics) : null,
      occupation: text(at(row, 'occupation')),
      reelected: YES.test(text(at(row, 'reelected'))),
    });
  }
  return { people, problems };
}

/**
 * Which composition categories an occupation/identity text falls in. Offices write these differently; the
 * keywords are the common ones (工人/农民/农业, 专业技术/教师/医生/工程师, 党政领导干部/领导干部).
 */
export function occupationCategories(occupation: string): { workerFarmer: boolean; professional: boolean; official: boolean } {
  const s = normaliseLabel(occupation);
  return {
    workerFarmer: /工人|农民|农业|务农|种植|养殖/.test(s),
    professional: /专业技术|专技|教师|医生|医师|护士|工程师|技术人员|科研/.test(s),
    official: /党政领导干部|领导干部|党政干部/.test(s),
  };
}

/** The composition counts of one group of people (a district, or everyone). Keys as in COMPOSITION_TABLE. */
export type CompositionCounts = Record<
  'total' | 'female' | 'minority' | 'cpc' | 'nonCpc' | 'workerFarmer' | 'professional' | 'official' | 'reelected' | 'age35' | 'age36to55' | 'age56',
  number
>;

function emptyCounts(): CompositionCounts {
  return { total: 0, female: 0, minority: 0, cpc: 0, nonCpc: 0, workerFarmer: 0, professional: 0, official: 0, reelected: 0, age35: 0, age36to55: 0, age56: 0 };
}

export interface CompositionSummary {
  /** Per district, in the order they first appear; empty when the roster has no 选区 column. */
  districts: { district: string; counts: CompositionCounts }[];
  total: CompositionCounts;
}

/** Age bands on election day: up to 35, 36 to 55, 56 and over (completed years). */
export function ageBand(birth: CalendarDate, electionDate: CalendarDate): 'age35' | 'age36to55' | 'age56' {
  const age = ageOn(birth, electionDate);
  if (age <= 35) return 'age35';
  if (age <= 55) return 'age36to55';
  return 'age56';
}

function add(counts: CompositionCounts, p: RosterPerson, electionDate: CalendarDate): void {
  counts.total++;
  if (p.sex === 'female') counts.female++;
  if (p.minority) counts.minority++;
  if (p.cpc === true) counts.cpc++;
  if (p.cpc === false) counts.nonCpc++;
  const occ = occupationCategories(p.occupation);
  if (occ.workerFarmer) counts.workerFarmer++;
  if (occ.professional) counts.professional++;
  if (occ.official) counts.official++;
  if (p.reelected) counts.reelected++;
  if (p.birth) counts[ageBand(p.birth, electionDate)]++;
}

/** Counts the composition of a roster, per district (when it has a 选区 column) and in total. */
export function countComposition(people: readonly RosterPerson[], electionDate: CalendarDate): CompositionSummary {
  const total = emptyCounts();
  const byDistrict = new Map<string, CompositionCounts>();
  for (const p of people) {
    add(total, p, electionDate);
    if (p.district) {
      if (!byDistrict.has(p.district)) byDistrict.set(p.district, emptyCounts());
      add(byDistrict.get(p.district)!, p, electionDate);
    }
  }
  return { districts: [...byDistrict].map(([district, counts]) => ({ district, counts })), total };
}
