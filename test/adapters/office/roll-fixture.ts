/** Builds voter-roll workbooks for the adapter tests: a title row, a header row and N data rows of 10 columns. */
import { CellValue } from '../../../src/domain/workbook/sheet-grid';
import { FakeSheetJSON } from '../../../src/fake-excel';

export const HEADER = ['序号', '姓名', '性别', '民族', '出生日期', '身份证号', '住址', '选区', '选民小组', '备注'];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军'];

/** Row i (0-based) of a roll: deterministic, realistic sizes (Chinese text, 18-character IDs, dates). */
export function rollRow(i: number): CellValue[] {
  const year = 1950 + (i % 50);
  const month = 1 + (i % 12);
  const day = 1 + (i % 28);
  const id = `110101${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}X`;
  return [
    i + 1,
    SURNAMES[i % 10] + GIVEN[(i * 7) % 10],
    i % 2 ? '男' : '女',
    '汉族',
    new Date(Date.UTC(year, month - 1, day)),
    id,
    `城关镇第${1 + (i % 30)}村${1 + (i % 99)}号`,
    `第${1 + (i % 8)}选区`,
    `第${1 + (i % 20)}小组`,
    i % 17 === 0 ? '新增' : null,
  ];
}

export function rollSheet(name: string, rows: number): FakeSheetJSON {
  const data: CellValue[][] = [[`城关镇${name}选民名单`], HEADER];
  for (let i = 0; i < rows; i++) data.push(rollRow(i));
  return { name, rows: data, merges: ['A1:J1'] };
}
