/**
 * The clerk's header row (issue #3): `layoutForHeaderRow` maps the texts of a row the clerk names, and
 * `dataRowRange` finds the data rows under any header row the way detection does (blank rows, totals and signature
 * lines left out). Expected values are worked out by hand from the small grids below.
 */
import { dataRowRange, detectRollLayout, layoutForHeaderRow } from '../../../src/domain/roll/detect-layout';
import { CellValue, SheetGrid } from '../../../src/domain/workbook/sheet-grid';

function grid(sheet: string, rows: CellValue[][], startRow = 1, startColumn = 1): SheetGrid {
  return { workbook: 'w.xlsx', sheet, startRow, startColumn, rows };
}

const HEAD = ['序号', '姓名', '性别', '公民身份号码', '家庭住址'];
const ROW = (n: number): CellValue[] => [n, `张${n}`, '男', '11010519491231002X', '幸福村'];

/** A roll under a title, with a totals row and a signature line at the bottom. */
const roll = grid('第一选区', [
  ['青山镇第一选区选民名单'], // 1
  [], // 2
  HEAD, // 3
  ROW(1), ROW(2), ROW(3), ROW(4), // 4-7
  ['合计', null, null, null, null], // 8
  ['制表人：李四'], // 9
]);

/** The same roll with headers no synonym knows. */
const unknownHeaders = grid('第一选区', [
  ['青山镇第一选区选民名单'],
  [],
  ['甲', '乙', '丙', '丁', '戊'],
  ROW(1), ROW(2), ROW(3), ROW(4),
  ['共4人'],
  [],
]);

describe('dataRowRange', () => {
  it('runs from the row after the header to the last row before the totals row', () => {
    expect(dataRowRange(roll, 3)).toEqual({ firstDataRow: 4, lastDataRow: 7, droppedTotals: true });
  });

  it('skips blank rows under the header and does not report totals that are not there', () => {
    const g = grid('表', [HEAD, [], [null, ''], ROW(1), ROW(2), [], []]);
    expect(dataRowRange(g, 1)).toEqual({ firstDataRow: 4, lastDataRow: 5, droppedTotals: false });
  });

  it('counts in Excel rows when the grid starts further down', () => {
    const g = grid('表', [['标题'], HEAD, ROW(1), ROW(2), ROW(3), ['总计：3人']], 10);
    // Header on Excel row 11: data on 12-14, the totals row 15 left out.
    expect(dataRowRange(g, 11)).toEqual({ firstDataRow: 12, lastDataRow: 14, droppedTotals: true });
  });

  it('has no data rows under the last row or below the grid', () => {
    const last = dataRowRange(roll, 9);
    expect(last.lastDataRow).toBeLessThan(last.firstDataRow);
    const below = dataRowRange(roll, 30);
    expect(below.lastDataRow).toBeLessThan(below.firstDataRow);
  });
});

describe('layoutForHeaderRow', () => {
  it('on the header detection finds, gives detection\'s layout', () => {
    const detected = detectRollLayout(roll)!;
    expect(detected.headerRow).toBe(3);
    expect(layoutForHeaderRow(roll, 3)).toEqual(detected);
  });

  it('maps a named row\'s texts by the header synonyms and finds the data rows under it', () => {
    const layout = layoutForHeaderRow(roll, 3);
    expect(layout.columns).toEqual({ seq: 1, name: 2, sex: 3, id: 4, address: 5 });
    expect([layout.firstDataRow, layout.lastDataRow]).toEqual([4, 7]);
    expect(layout.district).toBe('第一选区');
  });

  it('accepts a row whose headers no synonym knows: empty mapping, data rows still found', () => {
    expect(detectRollLayout(unknownHeaders)).toBeNull();
    const layout = layoutForHeaderRow(unknownHeaders, 3);
    expect(layout.sheet).toBe('第一选区');
    expect(layout.headerRow).toBe(3);
    expect(layout.columns).toEqual({});
    expect([layout.firstDataRow, layout.lastDataRow]).toEqual([4, 7]); // 共4人 (row 8) and the blank row 9 left out
    expect(layout.notes.map((n) => n.en).join(' ')).toMatch(/No name column/);
    expect(layout.notes.map((n) => n.en).join(' ')).toMatch(/No ID number column/);
    // Knowing neither name nor ID, it is not sure of anything.
    expect(layout.confidence).toBeLessThan(0.5);
  });

  it('takes a row other than the detected one when the clerk says so', () => {
    // Row 1 is the title: only the rows under it count as data, and its text is no header.
    const layout = layoutForHeaderRow(roll, 1);
    expect(layout.headerRow).toBe(1);
    expect(layout.columns).toEqual({});
    expect(layout.firstDataRow).toBe(3); // row 2 is blank
    expect(layout.lastDataRow).toBe(7);
  });

  it('reads columns from where the grid starts', () => {
    const g = grid('表', [['编号', '选民姓名', '身份证号码'], [1, '王五', '11010519491231002X']], 5, 3);
    const layout = layoutForHeaderRow(g, 5);
    expect(layout.columns).toEqual({ seq: 3, name: 4, id: 5 });
    expect([layout.firstDataRow, layout.lastDataRow]).toEqual([6, 6]);
  });
});
