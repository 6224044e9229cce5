import { readDistrictTable } from '../../../src/domain/seats/district-table';
import { CellValue, SheetGrid } from '../../../src/domain/workbook/sheet-grid';

const grid = (rows: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid => ({ workbook: '选区.xlsx', sheet: '选区划分', startRow: 1, startColumn: 1, rows, ...extra });

describe('readDistrictTable', () => {
  it('finds the header below a title row and reads until the 合计 row', () => {
    const t = readDistrictTable(grid([
      ['某某镇第十届人大代表选区划分表', null, null],
      [null, null, null],
      ['选区编号', '选区名称', '人口数（人）', '每名代表所代表人口数'],
      [1, '第一选区', 2000, null],
      [2, '第二选区', '3,100', null],
      [3, '第三选区', '１５００', null],
      ['合计', null, 6600, null],
      ['制表人：张三', null, null],
    ]));
    expect(t.headerRow).toBe(3);
    expect(t.nameColumn).toBe('B'); // 选区名称 preferred to 选区编号
    expect(t.populationColumn).toBe('C'); // not 每名代表所代表人口数
    expect(t.rows).toEqual([
      { name: '第一选区', population: 2000, row: 4 },
      { name: '第二选区', population: 3100, row: 5 },
      { name: '第三选区', population: 1500, row: 6 },
    ]);
    expect(t.statedTotal).toBe(6600);
    expect(t.problems).toEqual([]);
  });

  it('accepts English headers and stops at a blank row, warning about rows after it', () => {
    const t = readDistrictTable(grid([
      ['District', 'Population'],
      ['North', 1200],
      [null, null],
      ['South', 900],
    ]));
    expect(t.rows.map((r) => r.name)).toEqual(['North']);
    expect(t.problems).toHaveLength(1);
    expect(t.problems[0]).toMatchObject({ code: 'DISTRICT_TABLE_ROWS_AFTER_BLANK', severity: 'warning', row: 4, sheet: '选区划分' });
  });

  it('names the sheet, Excel row and column of every bad row (grid offset included)', () => {
    // The grid starts at B2: the header is in Excel row 2, names in column B, populations in column C.
    const t = readDistrictTable(grid([
      ['选区', '人口'],
      ['一', -5],
      ['二', 'abc'],
      ['三', null],
      ['四', 12.5],
      [null, 300],
      ['五', 800],
      ['五', 700],
      ['六', 1000],
    ], { startRow: 2, startColumn: 2 }));
    expect(t.rows).toEqual([{ name: '五', population: 800, row: 8 }, { name: '六', population: 1000, row: 10 }]);
    const byCode = t.problems.map((p) => [p.code, p.row, p.column]);
    expect(byCode).toEqual([
      ['POPULATION_NEGATIVE', 3, 'C'],
      ['POPULATION_NOT_NUMBER', 4, 'C'],
      ['POPULATION_MISSING', 5, 'C'],
      ['POPULATION_NOT_WHOLE', 6, 'C'],
      ['DISTRICT_NAME_MISSING', 7, 'B'],
      ['DISTRICT_DUPLICATE', 9, 'B'],
    ]);
    expect(t.problems.every((p) => p.severity === 'error' && p.file === '选区.xlsx' && p.sheet === '选区划分')).toBe(true);
    expect(t.problems[0].message.zh).toBe('工作表“选区划分”第3行C列：选区“一”的人口数-5为负数。人口数应为不小于0的整数。');
    expect(t.problems[0].message.en).toContain('sheet "选区划分", row 3, column C');
    expect(t.problems[1].message.zh).toContain('“abc”不是数字');
    expect(t.problems[5].message.zh).toContain('与第8行重复');
    expect(t.problems[5].related).toEqual([{ file: '选区.xlsx', sheet: '选区划分', row: 8, column: 'B' }]);
  });

  it('reports a missing header', () => {
    const t = readDistrictTable(grid([['姓名', '身份证号'], ['张三', '11010519491231002X']]));
    expect(t.rows).toEqual([]);
    expect(t.problems[0]).toMatchObject({ code: 'DISTRICT_TABLE_NO_HEADER', severity: 'error' });
    expect(t.problems[0].message.zh).toContain('选区划分');
  });

  it('warns when the 合计 row disagrees with the districts', () => {
    const t = readDistrictTable(grid([['选区', '人口数'], ['甲', 100], ['乙', 200], ['合  计', 310]]));
    expect(t.rows).toHaveLength(2);
    expect(t.problems).toEqual([expect.objectContaining({ code: 'DISTRICT_TABLE_TOTAL_MISMATCH', severity: 'warning', row: 4, column: 'B' })]);
    expect(t.problems[0].message.zh).toContain('310');
    expect(t.problems[0].message.zh).toContain('300');
  });

  it('reports a header with no districts under it', () => {
    const t = readDistrictTable(grid([['选区', '人口数'], ['合计', 0]]));
    expect(t.problems[0]).toMatchObject({ code: 'DISTRICT_TABLE_EMPTY', severity: 'error' });
  });
});
