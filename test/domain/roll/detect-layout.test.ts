import { classifySheet, detectRollLayout, districtInText, isTotalsRow } from '../../../src/domain/roll/detect-layout';
import { SheetGrid, CellValue } from '../../../src/domain/workbook/sheet-grid';

function grid(sheet: string, rows: CellValue[][], startRow = 1): SheetGrid {
  return { workbook: 'w.xlsx', sheet, startRow, startColumn: 1, rows };
}

const HEAD = ['序号', '姓名', '性别', '民族', '出生日期', '公民身份号码', '家庭住址', '选民小组', '备注'];
const ROW = (n: number): CellValue[] => [n, `张${n}`, '男', '汉族', '1990-01-02', '11010519491231002X', '幸福村', '一组', null];

describe('detectRollLayout', () => {
  it('finds the header under a merged title and a blank row, and drops totals, signatures and blank rows at the bottom', () => {
    const g = grid('Sheet1', [
      ['青山镇第三选区选民名单', null, null], // row 1 (merged title)
      [], // row 2
      HEAD, // row 3
      ROW(1), ROW(2), ROW(3), // rows 4-6
      [], // row 7
      ['合计：3人'], // row 8
      ['制表人：李四', null, null, '审核人：王五'], // row 9
      [null, null], // row 10
    ]);
    const layout = detectRollLayout(g)!;
    expect(layout.headerRow).toBe(3);
    expect(layout.firstDataRow).toBe(4);
    expect(layout.lastDataRow).toBe(6);
    expect(layout.columns).toEqual({ seq: 1, name: 2, sex: 3, ethnicity: 4, birthDate: 5, id: 6, address: 7, group: 8, remarks: 9 });
    expect(layout.district).toBe('第三选区'); // from the title: the sheet name is generic
    expect(layout.confidence).toBeGreaterThan(0.8);
  });

  it('takes the district from the sheet name when it names one', () => {
    const layout = detectRollLayout(grid('第二选区', [['选民名单'], HEAD, ROW(1)]))!;
    expect(layout.district).toBe('第二选区');
    expect(layout.headerRow).toBe(2);
  });

  it('leaves the district to the 选区 column of a single-sheet roll', () => {
    const head = ['序号', '姓名', '选区', '性别', '身份证号'];
    const layout = detectRollLayout(grid('选民名单', [['青山镇选民名单'], head, [1, '张三', '第一选区', '男', '11010519491231002X']]))!;
    expect(layout.columns.district).toBe(3);
    expect(layout.district).toBeUndefined();
  });

  it('is less sure when the district has to be guessed, and says so', () => {
    const sure = detectRollLayout(grid('第一选区', [HEAD, ROW(1)]))!;
    const guessed = detectRollLayout(grid('城关', [HEAD, ROW(1)]))!;
    const none = detectRollLayout(grid('Sheet1', [HEAD, ROW(1)]))!;
    expect(guessed.district).toBe('城关');
    expect(none.district).toBeUndefined();
    expect(sure.confidence).toBeGreaterThan(guessed.confidence);
    expect(guessed.confidence).toBeGreaterThan(none.confidence);
    expect(none.notes.some((n) => n.zh.includes('选区'))).toBe(true);
  });

  it('counts Excel rows from the grid start row', () => {
    const layout = detectRollLayout(grid('第一选区', [HEAD, ROW(1)], 5))!;
    expect(layout.headerRow).toBe(5);
    expect(layout.firstDataRow).toBe(6);
    expect(layout.lastDataRow).toBe(6);
  });

  it('returns null when there is no header with a name or ID column', () => {
    expect(detectRollLayout(grid('说明', [['本表说明'], ['请按要求填写']]))).toBeNull();
    expect(detectRollLayout(grid('x', [['选区', '人口数'], ['第一选区', 1500]]))).toBeNull();
  });
});

describe('districtInText and totals rows', () => {
  it('reads districts from titles', () => {
    expect(districtInText('××县青山镇第一选区选民名单')).toBe('第一选区');
    expect(districtInText('第12选区')).toBe('第12选区');
    expect(districtInText('青山镇城关村选区选民名单')).toBe('城关村选区');
    expect(districtInText('青山镇选民名单')).toBeNull();
  });

  it('recognises totals rows by their first text cell', () => {
    expect(isTotalsRow(['合计', null, 3])).toBe(true);
    expect(isTotalsRow([null, '总 计'])).toBe(true);
    expect(isTotalsRow(['共 152 人'])).toBe(true);
    expect(isTotalsRow([1, '合计'])).toBe(false);
    expect(isTotalsRow(['张合计'])).toBe(false);
  });
});

describe('classifySheet', () => {
  it('tells rolls, registers, district tables, exclusion lists and other sheets apart', () => {
    expect(classifySheet(grid('第一选区', [['青山镇第一选区选民名单'], [], HEAD, ROW(1)]))).toBe('roll');
    expect(classifySheet(grid('户籍人口', [['姓名', '性别', '出生日期', '身份证号', '住址'], ['张三', '男', '1990-01-02', '11010519491231002X', 'x']]))).toBe('register');
    expect(classifySheet(grid('选区划分', [['选区', '人口数'], ['第一选区', 1500]]))).toBe('districts');
    expect(classifySheet(grid('Sheet3', [['青山镇选区划分和代表名额分配表'], ['选区名称', '人口数', '应选代表名额'], ['第一选区', 1500, 2]]))).toBe('districts');
    expect(classifySheet(grid('剥夺政治权利人员名单', [['姓名', '身份证号', '原因'], ['王五', '11010519491231002X', '判刑']]))).toBe('exclusion');
    expect(classifySheet(grid('Sheet1', [['经确认不列入选民名单人员'], ['姓名', '身份证号', '原因']]))).toBe('exclusion');
    expect(classifySheet(grid('说明', [['填表说明：……']]))).toBe('other');
  });
});
