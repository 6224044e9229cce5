/**
 * Test helpers for the sample generator: read a generated roll back as plain records (by header name, not by
 * fixed column), and work out independently what is wrong with a row, so the tests never trust the generator.
 */
import { CalendarDate, fromUtcDate, hasReachedAge } from '../../../src/domain/common/calendar-date';
import { analyzeId } from '../../../src/domain/id/resident-id';
import { CellValue } from '../../../src/domain/workbook/sheet-grid';

export interface RollRecord {
  file: string;
  sheet: string;
  row: number;
  cells: Record<string, CellValue>;
}

export interface SheetLike {
  name: string;
  rows: CellValue[][];
}

/** Data rows of roll sheets: header row 3, data from row 4 up to the 合计 row. */
export function rollRecords(file: string, sheets: SheetLike[]): RollRecord[] {
  const out: RollRecord[] = [];
  for (const sheet of sheets) {
    const header = sheet.rows[2].map((h) => String(h));
    for (let i = 3; i < sheet.rows.length; i++) {
      const values = sheet.rows[i];
      if (typeof values[0] === 'string' && values[0].startsWith('合计')) break;
      const cells: Record<string, CellValue> = {};
      header.forEach((h, c) => { cells[h] = values[c] ?? null; });
      out.push({ file, sheet: sheet.name, row: i + 1, cells });
    }
  }
  return out;
}

/** Records of a sheet whose header is row 1. */
export function tableRecords(file: string, sheet: SheetLike): RollRecord[] {
  const header = sheet.rows[0].map((h) => String(h));
  return sheet.rows.slice(1).map((values, i) => {
    const cells: Record<string, CellValue> = {};
    header.forEach((h, c) => { cells[h] = values[c] ?? null; });
    return { file, sheet: sheet.name, row: i + 2, cells };
  });
}

/** Reads a 出生日期 cell: a Date at UTC midnight, "1990.01.02" or "1990年1月2日". */
export function parseBirthCell(v: CellValue): CalendarDate | null {
  if (v instanceof Date) return fromUtcDate(v);
  if (typeof v !== 'string') return null;
  const m = /^(\d{4})[.年](\d{1,2})[.月](\d{1,2})日?$/.exec(v);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

export function sameDate(a: CalendarDate | null, b: CalendarDate | null): boolean {
  return !!a && !!b && a.year === b.year && a.month === b.month && a.day === b.day;
}

/**
 * What a careful clerk would see wrong with one row on its own, using the project's ID rules only:
 * ID problems, an ID stored as a number, blank name or ID, sex not matching the ID, under 18 on election day,
 * and a birth-date cell disagreeing with the ID.
 */
export function rowProblems(cells: Record<string, CellValue>, election: CalendarDate): string[] {
  const found = new Set<string>();
  const id = cells['公民身份号码'];
  const name = cells['姓名'];
  if (name === null || name === '') found.add('REQUIRED_MISSING');
  if (id === null || id === '') {
    found.add('REQUIRED_MISSING');
  } else if (typeof id === 'number') {
    found.add('ID_PRECISION_LOST');
  } else {
    const a = analyzeId(id);
    for (const p of a.problems) found.add(p.code);
    if (a.sex && cells['性别'] !== (a.sex === 'male' ? '男' : '女')) found.add('SEX_MISMATCH');
    if (a.birth && !hasReachedAge(a.birth, 18, election)) found.add('UNDERAGE');
    if (a.birth && !sameDate(a.birth, parseBirthCell(cells['出生日期']))) found.add('BIRTH_CELL_DIFFERS');
  }
  return [...found].sort();
}

/** The 18-character ID of a cell (normalised), or null. */
export function normalisedId(v: CellValue): string | null {
  if (typeof v !== 'string') return null;
  const a = analyzeId(v);
  return a.valid ? a.id18 : null;
}

/** The 56 ethnic groups recognised in China. */
export const ETHNIC_GROUPS = new Set(
  ('汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族 哈萨克族 傣族 黎族 傈僳族 佤族 畲族 ' +
    '高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 锡伯族 阿昌族 普米族 ' +
    '塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 鄂伦春族 赫哲族 门巴族 珞巴族 基诺族').split(' '),
);

/** A key for a location, to look rows and truth entries up by. */
export function rollProblemsKey(at: { file: string; sheet: string; row: number }): string {
  return `${at.file}|${at.sheet}|${at.row}`;
}
