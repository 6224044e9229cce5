/** Hand-built template sheets and roll statistics for the summary tests (numbers worked out by hand in the comments). */
import { DistrictStatistics, RollStatistics } from '../../../src/domain/statistics/roll-statistics';
import { CellValue, MergedArea, SheetGrid, columnNumber } from '../../../src/domain/workbook/sheet-grid';

/** "A1:H1" → merged area. */
export function area(ref: string): MergedArea {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref)!;
  return { startRow: Number(m[2]), startColumn: columnNumber(m[1]), endRow: Number(m[4]), endColumn: columnNumber(m[3]) };
}

/** A sheet from rows of values (row 1 first); formulas by A1 address. */
export function sheet(name: string, rows: CellValue[][], merges: string[] = [], formulas: Record<string, string> = {}): SheetGrid {
  const grid: SheetGrid = { workbook: 'template.xlsx', sheet: name, startRow: 1, startColumn: 1, rows: rows.map((r) => [...r]), merges: merges.map(area) };
  const refs = Object.keys(formulas);
  if (refs.length > 0) {
    const f: (string | null)[][] = rows.map((r) => r.map(() => null));
    for (const ref of refs) {
      const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
      const r = Number(m[2]) - 1;
      const c = columnNumber(m[1]) - 1;
      while (f.length <= r) f.push([]);
      while (f[r].length <= c) f[r].push(null);
      f[r][c] = formulas[ref];
    }
    grid.formulas = f;
  }
  return grid;
}

function district(
  name: string, population: number | null, registered: number, male: number, female: number, minority: number,
  added: Record<string, number>, removed: Record<string, number>, away: number, proxy: number, notIncluded: number,
): DistrictStatistics {
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  return {
    district: name, population, registered, male, female, minority,
    added: { total: sum(added), byReason: added }, removed: { total: sum(removed), byReason: removed },
    away, proxy, notIncluded, ageBands: {}, byEthnicity: {},
  };
}

/**
 * Three districts. Totals by hand: 人口 6700, 登记 4750, 男 2370, 女 2380, 少数民族 15, 新增 95 (满18岁 80, 恢复 1,
 * 迁入 13, 其他 1), 减少 60 (死亡 40, 迁出 19, 剥夺 1), 外出 290, 委托 33, 未列入 3.
 */
export function threeDistricts(): RollStatistics {
  const d1 = district('第一选区', 3000, 2100, 1040, 1060, 12, { 年满18周岁: 40, 恢复政治权利: 1, 迁入: 8, 其他: 1 }, { 死亡: 20, 迁出: 9, 被剥夺政治权利: 1 }, 150, 20, 2);
  const d2 = district('第二选区', 2500, 1800, 900, 900, 0, { 年满18周岁: 30, 迁入: 5 }, { 死亡: 15, 迁出: 10 }, 100, 10, 1);
  const d3 = district('东村选区', 1200, 850, 430, 420, 3, { 年满18周岁: 10 }, { 死亡: 5 }, 40, 3, 0);
  const total = district('合计', 6700, 4750, 2370, 2380, 15, { 年满18周岁: 80, 恢复政治权利: 1, 迁入: 13, 其他: 1 }, { 死亡: 40, 迁出: 19, 被剥夺政治权利: 1 }, 290, 33, 3);
  return { electionDate: '2026-11-20', districts: [d1, d2, d3], total };
}

/** Every cell address (A1) holding something in any of the grids' sheets, by sheet. */
export function allAddresses(grid: SheetGrid, extraRows = 3, extraColumns = 3): { row: number; column: number }[] {
  const out: { row: number; column: number }[] = [];
  const width = Math.max(0, ...grid.rows.map((r) => r.length)) + extraColumns;
  for (let r = 1; r <= grid.rows.length + extraRows; r++) for (let c = 1; c <= width; c++) out.push({ row: r, column: c });
  return out;
}

export function valueAt(grid: SheetGrid, row: number, column: number): CellValue {
  const v = grid.rows[row - grid.startRow]?.[column - grid.startColumn];
  return v === undefined ? null : v;
}
