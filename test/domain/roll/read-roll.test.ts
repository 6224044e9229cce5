import { readRoll } from '../../../src/domain/roll/read-roll';
import { detectRollLayout } from '../../../src/domain/roll/detect-layout';
import { SheetGrid } from '../../../src/domain/workbook/sheet-grid';

describe('readRoll', () => {
  it('reads normalised values with their Excel rows, skipping blank and totals rows, without changing the grid', () => {
    const grid: SheetGrid = {
      workbook: 'r.xlsx', sheet: '第一选区', startRow: 1, startColumn: 1,
      rows: [
        ['第一选区选民名单'],
        [],
        ['序号', '姓名', '性别', '民族', '出生年月', '身份证号', '住址', '备注'],
        [1, ' 张  三 ', '男', '汉', '1990.01', '１１０１０５１９４９１２３１００２ｘ', ' 幸福村 ', '新增（年满18周岁）'],
        [],
        ['小计'],
        [2, '李四', '女', '回族', new Date(Date.UTC(1980, 4, 6)), 110105194912310000, null, '外出'],
        ['合计：2人'],
      ],
    };
    const before = JSON.stringify(grid.rows);
    const layout = detectRollLayout(grid)!;
    const records = readRoll(grid, layout);
    expect(records.map((r) => r.row)).toEqual([4, 7]);
    const [a, b] = records;
    expect(a).toMatchObject({ file: 'r.xlsx', sheet: '第一选区', name: '张三', sex: 'male', ethnicity: '汉', birthKey: 19900100, district: '第一选区', address: '幸福村' });
    expect(a.idText).toBe('１１０１０５１９４９１２３１００２ｘ'); // as written: the checks report the full-width digits
    expect(a.remarks.added).toBe('年满18周岁');
    expect(b.idCell).toBe(110105194912310000);
    expect(b.birthKey).toBe(19800506);
    expect(b.remarks.away).toBe(true);
    expect(JSON.stringify(grid.rows)).toBe(before);
  });
});
