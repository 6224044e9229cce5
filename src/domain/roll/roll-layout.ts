/**
 * Where a roll's data sits in a sheet: the header row, the data rows and which column holds what.
 * Detection proposes a layout (with a confidence the UI shows); the clerk may edit it; the engine takes it as given.
 */
import { Message } from '../common/problem';

/** The kinds of column a roll (or a population register, previous roll or exclusion list) may have. */
export type ColumnRole =
  | 'seq' // 序号
  | 'name' // 姓名
  | 'sex' // 性别
  | 'ethnicity' // 民族
  | 'birthDate' // 出生日期 / 出生年月
  | 'id' // 身份证号 / 公民身份号码
  | 'address' // 住址 / 家庭住址
  | 'district' // 选区 / 选区名称
  | 'group' // 选民小组 / 小组
  | 'remarks' // 备注
  | 'phone'; // 联系电话

export const COLUMN_ROLES: readonly ColumnRole[] = [
  'seq', 'name', 'sex', 'ethnicity', 'birthDate', 'id', 'address', 'district', 'group', 'remarks', 'phone',
];

/** Column numbers (Excel, 1-based) by role; a role absent from the sheet is absent here. */
export type ColumnMapping = Partial<Record<ColumnRole, number>>;

export interface RollLayout {
  sheet: string;
  /** Excel row number of the header row. */
  headerRow: number;
  /** Excel row numbers of the first and last data rows (inclusive; totals and trailing blank rows excluded). */
  firstDataRow: number;
  lastDataRow: number;
  columns: ColumnMapping;
  /** The district every row of this sheet belongs to, when the sheet is one district's roll (from its name or title). */
  district?: string;
  /** 0–1: how sure detection is; 1 for a layout the clerk confirmed. */
  confidence: number;
  /** What detection noticed (e.g. "no 选区 column; district taken from the title"). */
  notes: Message[];
}
