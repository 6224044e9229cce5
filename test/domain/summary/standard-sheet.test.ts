import { fillTemplate } from '../../../src/domain/summary/fill-template';
import { standardSheet } from '../../../src/domain/summary/standard-sheet';
import { CompositionCounts } from '../../../src/domain/summary/roster';
import { allocationValues, compositionValues, registrationValues } from '../../../src/domain/summary/table-values';
import { matchTemplate } from '../../../src/domain/summary/template-match';
import { threeDistricts } from './fixtures';

function overlaps(a: { startRow: number; startColumn: number; endRow: number; endColumn: number }, b: typeof a): boolean {
  return a.startRow <= b.endRow && b.startRow <= a.endRow && a.startColumn <= b.endColumn && b.startColumn <= a.endColumn;
}

describe('standardSheet', () => {
  it('lays out the registration form: title, unit/date, two header rows, districts, 合计, signatures', () => {
    const spec = standardSheet(registrationValues(threeDistricts()), { unit: '××镇选举委员会', date: '2026-10-01' });
    const at = (row: number, column: number) => spec.cells.find((c) => c.row === row && c.column === column)?.value ?? null;
    expect(spec.name).toBe('选民登记情况统计表');
    expect(at(1, 1)).toBe('选民登记情况统计表');
    expect(String(at(2, 1))).toContain('××镇选举委员会');
    expect(spec.cells.some((c) => c.row === 2 && String(c.value).includes('2026年10月1日'))).toBe(true);
    expect(spec.headerRows).toEqual({ first: 3, last: 4 });
    expect(spec.dataRows).toEqual({ first: 5, last: 8 });
    expect(at(3, spec.columnOf.male)).toBe('其中');
    expect(at(4, spec.columnOf.male)).toBe('男');
    expect(at(3, spec.columnOf.addedTotal)).toBe('新增选民');
    expect(at(4, spec.columnOf.added18)).toBe('年满18周岁');
    expect(at(3, spec.columnOf.population)).toBe('人口数');
    expect(spec.merges).toContainEqual({ startRow: 3, startColumn: spec.columnOf.population, endRow: 4, endColumn: spec.columnOf.population });
    expect(spec.merges).toContainEqual({ startRow: 3, startColumn: spec.columnOf.addedTotal, endRow: 3, endColumn: spec.columnOf.addedMovedIn });
    expect(at(8, 1)).toBe('合计');
    expect(at(8, spec.columnOf.registered)).toBe(4750);
    expect(at(5, spec.columnOf.removedDeprived)).toBe(1);
    expect(spec.cells.some((c) => c.row === 10 && c.value === '填表人：')).toBe(true);
    expect(spec.cells.some((c) => c.row === 10 && c.value === '审核人：')).toBe(true);
    expect(spec.print).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, repeatRows: { first: 3, last: 4 } });
    expect(spec.columnWidths).toHaveLength(17);
    for (let i = 0; i < spec.merges.length; i++) for (let j = i + 1; j < spec.merges.length; j++) {
      expect([spec.merges[i], spec.merges[j], overlaps(spec.merges[i], spec.merges[j])]).toEqual([spec.merges[i], spec.merges[j], false]);
    }
  });

  it('uses three header rows for the composition form and formats percentages with one decimal', () => {
    const counts: CompositionCounts = { total: 3, female: 1, minority: 0, cpc: 2, nonCpc: 1, workerFarmer: 1, professional: 1, official: 1, reelected: 0, age35: 1, age36to55: 1, age56: 1 };
    const spec = standardSheet(compositionValues({ districts: [], total: counts }));
    expect(spec.headerRows).toEqual({ first: 3, last: 5 });
    const col = spec.columnOf.age35Percent;
    const header = [3, 4, 5].map((r) => spec.cells.find((c) => c.row === r && c.column === col)?.value);
    expect(header).toEqual([null, null, '比例(%)']); // under 年龄段 and 35岁以下, merged from the left
    const value = spec.cells.find((c) => c.row === 6 && c.column === col)!;
    expect(value).toMatchObject({ value: 33.3, numberFormat: '0.0' });
    // 代表总数 has no children: one cell merged down all three header rows
    expect(spec.merges).toContainEqual({ startRow: 3, startColumn: spec.columnOf.total, endRow: 5, endColumn: spec.columnOf.total });
  });
});

describe('a standard sheet used as a template', () => {
  it('is matched back with every column and row, for each table', () => {
    const counts: CompositionCounts = { total: 3, female: 1, minority: 0, cpc: 2, nonCpc: 1, workerFarmer: 1, professional: 1, official: 1, reelected: 0, age35: 1, age36to55: 1, age56: 1 };
    const tables = [
      registrationValues(threeDistricts()),
      allocationValues({ districts: [
        { name: '第一选区', population: 3000, seats: 3, populationPerDeputy: 1000, deviationPercent: 4.48 },
        { name: '第二选区', population: 2500, seats: 2, populationPerDeputy: 1250, deviationPercent: 30.6 },
      ] }),
      compositionValues({ districts: [{ district: '第一选区', counts }], total: counts }),
    ];
    for (const values of tables) {
      const spec = standardSheet(values);
      // the sheet as a reader gives it, with the numbers taken out
      const rows: (string | number | null)[][] = [];
      for (const c of spec.cells) {
        while (rows.length < c.row) rows.push([]);
        const r = rows[c.row - 1];
        while (r.length < c.column) r.push(null);
        r[c.column - 1] = typeof c.value === 'number' && c.style !== 'label' ? null : c.value;
      }
      const grid = { workbook: 'x.xlsx', sheet: spec.name, startRow: 1, startColumn: 1, rows, merges: spec.merges };
      const match = matchTemplate(grid, values)!;
      const expectedKeys = values.definition.columns.filter((c) => c.kind !== 'label').map((c) => c.key);
      expect([values.table, match.measures.map((m) => m.key)]).toEqual([values.table, expectedKeys]);
      expect(match.entries.map((e) => e.district ?? '合计')).toEqual(values.rows.map((r) => r.district ?? '合计'));
      expect(match.unmatched).toEqual([]);
      const written = fillTemplate(grid, match, values).plan.writes;
      for (const w of written) {
        const cell = spec.cells.find((c) => c.row === w.row && c.column === w.column)!;
        expect(w.value).toBe(cell.value);
      }
      expect(written.length).toBe(spec.cells.filter((c) => typeof c.value === 'number' && c.style !== 'label').length);
    }
  });
});
