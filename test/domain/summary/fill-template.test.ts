import { fillTemplate } from '../../../src/domain/summary/fill-template';
import { registrationValues } from '../../../src/domain/summary/table-values';
import { matchTemplate } from '../../../src/domain/summary/template-match';
import { applyWritesToGrids, undoPlan } from '../../../src/domain/summary/undo';
import { SheetGrid, columnNumber } from '../../../src/domain/workbook/sheet-grid';
import { allAddresses, sheet, threeDistricts, valueAt } from './fixtures';

const at = (ref: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return { row: Number(m[2]), column: columnNumber(m[1]) };
};

/** Runs match + fill + apply; checks that every cell outside the planned targets is unchanged and undo restores all. */
function fillAndCheck(grid: SheetGrid) {
  const values = registrationValues(threeDistricts());
  const match = matchTemplate(grid, values);
  expect(match).not.toBeNull();
  const result = fillTemplate(grid, match!, values);
  const [after] = applyWritesToGrids([grid], result.plan.writes);
  const targets = new Set(result.plan.writes.map((w) => `${w.row},${w.column}`));
  for (const { row, column } of allAddresses(grid)) {
    if (targets.has(`${row},${column}`)) continue;
    expect([row, column, valueAt(after, row, column)]).toEqual([row, column, valueAt(grid, row, column)]);
  }
  const [undone] = applyWritesToGrids([after], undoPlan(result.plan).writes);
  for (const { row, column } of allAddresses(grid)) {
    expect([row, column, valueAt(undone, row, column)]).toEqual([row, column, valueAt(grid, row, column)]);
  }
  const get = (ref: string) => { const { row, column } = at(ref); return valueAt(after, row, column); };
  return { match: match!, result, after, get };
}

describe('filling a single-header template', () => {
  const grid = sheet('选民登记', [
    ['××镇第十八届人民代表大会代表选举选民登记情况统计表'],
    ['填报单位：××镇选举委员会'],
    ['选区', '人口数（人）', '登记选民数\n（人）', '男', '女', '少数民族', '外出选民', '委托投票'],
    ['第一选区'],
    ['第二选区'],
    ['东村选区'],
    ['合　计'],
    [],
    ['填表人：', null, null, '审核人：'],
  ], ['A1:H1', 'A2:H2']);

  it('writes each district and 合计 into the cells where its row meets each column', () => {
    const { match, result, get } = fillAndCheck(grid);
    expect(match.orientation).toBe('districts-as-rows');
    expect(match.measures.map((m) => m.key)).toEqual(['population', 'registered', 'male', 'female', 'minority', 'away', 'proxy']);
    // 第一选区 row 4, 第二选区 row 5, 东村 row 6, 合计 row 7 (hand-computed totals in fixtures)
    expect([get('B4'), get('C4'), get('D4'), get('E4'), get('F4'), get('G4'), get('H4')]).toEqual([3000, 2100, 1040, 1060, 12, 150, 20]);
    expect([get('B5'), get('C5'), get('F5'), get('H5')]).toEqual([2500, 1800, 0, 10]);
    expect([get('B7'), get('C7'), get('D7'), get('E7'), get('F7'), get('G7'), get('H7')]).toEqual([6700, 4750, 2370, 2380, 15, 290, 33]);
    expect(result.plan.writes).toHaveLength(4 * 7);
    expect(result.plan.writes.every((w) => w.previous === null)).toBe(true);
    expect(result.unmatched).toEqual([]);
  });

  it('says which columns of the table the template does not have', () => {
    const values = registrationValues(threeDistricts());
    const match = matchTemplate(grid, values)!;
    expect(match.notInTemplate).toEqual(expect.arrayContaining(['addedTotal', 'removedTotal', 'notIncluded']));
    expect(match.notInTemplate).not.toContain('male');
  });

  it('totals add up: 合计 equals the sum of the district cells in every filled column', () => {
    const { after, match } = fillAndCheck(grid);
    for (const m of match.measures) {
      const districts = [4, 5, 6].map((r) => valueAt(after, r, m.index) as number);
      expect(valueAt(after, 7, m.index)).toBe(districts.reduce((a, b) => a + b, 0));
    }
  });
});

describe('filling a two-level header with merged parents, a formula 合计 row and notes', () => {
  const header1 = ['选区名称', '人口数', '登记选民数', '其中', null, '少数民族', '新增选民', null, null, null, '减少选民', null, null, null, '外出选民', '委托投票', '未列入选民名单人数'];
  const header2 = [null, null, null, '男', '女', null, '合计', '年满18周岁', '恢复政治权利', '迁入', '合计', '死亡', '迁出', '被剥夺政治权利', null, null, null];
  const cols = 'BCDEFGHIJKLMNOPQ'.split('');
  const formulas: Record<string, string> = {};
  const totalRow: (string | number | null)[] = ['合计'];
  for (const c of cols) {
    formulas[`${c}8`] = `=SUM(${c}5:${c}7)`;
    totalRow.push(0); // cached result of the formula
  }
  const grid = sheet('Sheet1', [
    ['选民登记情况统计表'],
    [null],
    header1,
    header2,
    ['第1选区'],
    ['二选区'],
    ['东村'],
    totalRow,
    ['注：新增选民含年满18周岁、恢复政治权利和迁入的选民；减少选民含死亡、迁出和被剥夺政治权利的人员。'],
    ['填表人：', null, null, null, null, '审核人：', null, null, null, null, '负责人：'],
  ], ['A1:Q1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:E3', 'F3:F4', 'G3:J3', 'K3:N3', 'O3:O4', 'P3:P4', 'Q3:Q4', 'A9:Q9'], formulas);

  it('recognises every column through its parent, including the two 合计 columns', () => {
    const values = registrationValues(threeDistricts());
    const match = matchTemplate(grid, values)!;
    expect(match.headerStart).toBe(3);
    expect(match.headerEnd).toBe(4);
    const byColumn = Object.fromEntries(match.measures.map((m) => [m.index, m.key]));
    expect(byColumn).toEqual({
      2: 'population', 3: 'registered', 4: 'male', 5: 'female', 6: 'minority', 7: 'addedTotal', 8: 'added18',
      9: 'addedRestored', 10: 'addedMovedIn', 11: 'removedTotal', 12: 'removedDeceased', 13: 'removedMovedOut',
      14: 'removedDeprived', 15: 'away', 16: 'proxy', 17: 'notIncluded',
    });
    expect(match.entries.map((e) => [e.index, e.district ?? '合计'])).toEqual([[5, '第一选区'], [6, '第二选区'], [7, '东村选区'], [8, '合计']]);
    expect(match.unmatched).toEqual([]);
  });

  it('fills the district rows, keeps every formula of the 合计 row and reports them as kept', () => {
    const { result, get } = fillAndCheck(grid);
    // 第一选区: 新增 50 = 40 + 1 + 8 + 1 (其他); 减少 30 = 20 + 9 + 1
    expect(['B5', 'C5', 'D5', 'E5', 'F5', 'G5', 'H5', 'I5', 'J5', 'K5', 'L5', 'M5', 'N5', 'O5', 'P5', 'Q5'].map(get))
      .toEqual([3000, 2100, 1040, 1060, 12, 50, 40, 1, 8, 30, 20, 9, 1, 150, 20, 2]);
    expect(['G7', 'H7', 'I7', 'J7', 'K7', 'L7'].map(get)).toEqual([10, 10, 0, 0, 5, 5]);
    expect(result.plan.writes.some((w) => w.row === 8)).toBe(false);
    expect(result.keptFormulas.map((k) => k.address)).toEqual(cols.map((c) => `${c}8`));
    expect(result.keptFormulas[0].formula).toBe('=SUM(B5:B7)');
    expect(result.notes.some((n) => n.zh.includes('公式') && n.zh.includes('B8'))).toBe(true);
  });
});

describe('checking kept formulas against the computed totals', () => {
  it('warns when a 合计 formula leaves out a district row, and keeps the formula', () => {
    const grid = sheet('s', [
      ['选民登记情况统计表'],
      ['选区', '登记选民数', '外出选民'],
      ['第一选区'], ['第二选区'], ['东村选区'],
      ['合计', 0, 0],
    ], [], { B6: '=SUM(B3:B5)', C6: '=SUM(C3:C4)' });
    const values = registrationValues(threeDistricts());
    const result = fillTemplate(grid, matchTemplate(grid, values)!, values);
    expect(result.keptFormulas.map((k) => k.address)).toEqual(['B6', 'C6']);
    // C6 sums 150 + 100 = 250 only; the rolls give 290 (东村 40 left out). B6 sums all three: 4750, no warning.
    expect(result.mismatches.map((m) => [m.address, m.handEntered, m.computed])).toEqual([['C6', 250, 290]]);
    expect(result.mismatches[0].message.zh).toContain('=SUM(C3:C4)');
    expect(result.plan.writes.some((w) => w.row === 6)).toBe(false);
  });
});

describe('filling a template with districts as columns', () => {
  const grid = sheet('登记表', [
    ['选民登记情况统计表'],
    ['项目', null, '第一选区', '第二选区', '东村选区', '合计'],
    ['人口数', null],
    ['登记选民数', null],
    ['其中', '男'],
    [null, '女'],
    ['新增选民', '合计'],
    [null, '年满18周岁'],
    [null, '迁入'],
    ['委托投票人数', null],
    ['说明：本表由选举委员会填报。'],
  ], ['A1:F1', 'A2:B2', 'A3:B3', 'A4:B4', 'A5:A6', 'A7:A9', 'A10:B10']);

  it('matches measures down the side and districts across, and fills by column', () => {
    const { match, get, result } = fillAndCheck(grid);
    expect(match.orientation).toBe('districts-as-columns');
    expect(match.measures.map((m) => [m.index, m.key])).toEqual([
      [3, 'population'], [4, 'registered'], [5, 'male'], [6, 'female'], [7, 'addedTotal'], [8, 'added18'], [9, 'addedMovedIn'], [10, 'proxy'],
    ]);
    expect(['C3', 'D3', 'E3', 'F3'].map(get)).toEqual([3000, 2500, 1200, 6700]);
    expect(['C5', 'C6', 'F5', 'F6'].map(get)).toEqual([1040, 1060, 2370, 2380]);
    expect(['C9', 'D9', 'E9', 'F9'].map(get)).toEqual([8, 5, 0, 13]);
    expect(['C10', 'F10'].map(get)).toEqual([20, 33]);
    expect(result.unmatched).toEqual([]);
  });
});

describe('what cannot be matched or must not be written', () => {
  const grid = sheet('选民登记情况统计表', [
    ['选民登记情况统计表'],
    ['单位：××镇'],
    ['选区', '人口数', '登记选民数', '港澳台选民', '外出选民'],
    ['第一选区', 2999, '见附表', null, 150],
    ['第二选区', '2500'],
    ['第九选区'],
    ['合计'],
    ['填表人：张三'],
  ], ['A1:E1']);

  it('names the header and row labels it could not match and the districts without a row', () => {
    const values = registrationValues(threeDistricts());
    const match = matchTemplate(grid, values)!;
    const texts = match.unmatched.map((u) => [u.kind, u.text, u.address ?? null]);
    expect(texts).toEqual(expect.arrayContaining([
      ['header', '港澳台选民', 'D3'],
      ['row-label', '第九选区', 'A6'],
      ['district', '东村选区', null],
    ]));
    expect(match.unmatched).toHaveLength(3);
    expect(match.unmatched.find((u) => u.text === '港澳台选民')!.message.zh).toContain('D3');
  });

  it('overwrites a differing hand-entered number with a warning, never text, and keeps old numbers with keepHandEntered', () => {
    const { result, get } = fillAndCheck(grid);
    expect(get('B4')).toBe(3000);
    expect(get('C4')).toBe('见附表');
    expect(get('E4')).toBe(150);
    expect(get('B5')).toBe(2500);
    expect(get('D4')).toBeNull();
    expect(result.mismatches.map((m) => [m.address, m.handEntered, m.computed])).toEqual([['B4', 2999, 3000]]);
    expect(result.mismatches[0].message.zh).toContain('2999');
    expect(result.skipped.map((s) => s.address)).toContain('C4');
    expect(result.plan.writes.find((w) => w.row === 4 && w.column === 2)!.previous).toBe(2999);
    // E4 already held the computed 150: nothing to write; B5 held the text "2500": rewritten as a number
    expect(result.plan.writes.some((w) => w.row === 4 && w.column === 5)).toBe(false);
    expect(result.plan.writes.find((w) => w.row === 5 && w.column === 2)!.previous).toBe('2500');

    const values = registrationValues(threeDistricts());
    const kept = fillTemplate(grid, matchTemplate(grid, values)!, values, { keepHandEntered: true });
    expect(kept.plan.writes.some((w) => w.row === 4 && w.column === 2)).toBe(false);
    expect(kept.mismatches).toHaveLength(1);
  });
});
