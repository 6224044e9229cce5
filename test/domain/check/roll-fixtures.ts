/** Small hand-built rolls for the engine's tests: a title row, a blank row, headers in row 3, data from row 4. */
import { CalendarDate } from '../../../src/domain/common/calendar-date';
import { makeId } from '../../../src/domain/id/resident-id';
import { LaidOutSheet } from '../../../src/domain/check/check-types';
import { detectRollLayout } from '../../../src/domain/roll/detect-layout';
import { CellValue, SheetGrid } from '../../../src/domain/workbook/sheet-grid';

export const HEADERS = ['序号', '姓名', '性别', '民族', '出生日期', '公民身份号码', '家庭住址', '选民小组', '备注'];
// Columns:             A       B       C       D       E           F               G           H           I

export interface Person {
  name: string;
  sex?: '男' | '女' | string;
  ethnicity?: string;
  birth?: CellValue;
  id?: CellValue;
  address?: string;
  group?: string;
  remarks?: string;
}

/** Region 110105 (北京市朝阳区) is a current division code. */
export function id(birth: CalendarDate, seq: number, sex: 'male' | 'female', region = '110105'): string {
  return makeId(region, birth, seq, sex);
}

export function d(year: number, month: number, day: number): CalendarDate {
  return { year, month, day };
}

/** A Date cell (UTC midnight, as ExcelJS gives them). */
export function dateCell(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

export function rollGrid(sheet: string, people: Person[], options: { workbook?: string; title?: string; totals?: boolean } = {}): SheetGrid {
  const rows: CellValue[][] = [
    [options.title ?? `某镇${sheet}选民名单`],
    [],
    [...HEADERS],
    ...people.map((p, i) => [i + 1, p.name, p.sex ?? null, p.ethnicity ?? '汉族', p.birth ?? null, p.id ?? null, p.address ?? null, p.group ?? null, p.remarks ?? null]),
  ];
  if (options.totals !== false) rows.push([`合计：${people.length}人`]);
  return { workbook: options.workbook ?? 'roll.xlsx', sheet, startRow: 1, startColumn: 1, rows, merges: [{ startRow: 1, startColumn: 1, endRow: 1, endColumn: 9 }] };
}

export function laidOut(grid: SheetGrid): LaidOutSheet {
  const layout = detectRollLayout(grid);
  if (!layout) throw new Error(`no layout for ${grid.sheet}`);
  return { grid, layout };
}

/** A person with a consistent ID, sex and birth date. */
export function person(name: string, birth: CalendarDate, seq: number, sex: 'male' | 'female', extra: Partial<Person> = {}): Person {
  return {
    name,
    sex: sex === 'male' ? '男' : '女',
    birth: dateCell(birth.year, birth.month, birth.day),
    id: id(birth, seq, sex),
    address: `幸福村${seq % 7 + 1}组${seq}号`,
    ...extra,
  };
}

export const ELECTION: CalendarDate = { year: 2026, month: 12, day: 15 };
