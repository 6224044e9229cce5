import { CompositionCounts } from '../../../src/domain/summary/roster';
import { allocationValues, compositionValues, percentage, registrationValues } from '../../../src/domain/summary/table-values';
import { REGISTRATION_TABLE } from '../../../src/domain/summary/table-definitions';
import { threeDistricts } from './fixtures';

describe('registrationValues', () => {
  it('has a row per district and 合计 equal to each column sum', () => {
    const v = registrationValues(threeDistricts());
    expect(v.rows.map((r) => r.label)).toEqual(['第一选区', '第二选区', '东村选区', '合计']);
    const total = v.rows[3];
    for (const col of REGISTRATION_TABLE.columns.filter((c) => c.kind === 'count')) {
      const sum = v.rows.slice(0, 3).reduce((s, r) => s + (r.values[col.key] as number), 0);
      expect([col.key, total.values[col.key]]).toEqual([col.key, sum]);
    }
    // hand-worked: 新增 95 includes the one "其他" that has no column of its own; 年满18 80 + 恢复 1 + 迁入 13 = 94
    expect(total.values.addedTotal).toBe(95);
    expect(total.values.added18).toBe(80);
    expect(total.values.removedTotal).toBe(60);
    expect(v.notes).toEqual([]);
  });

  it('leaves the population and its total empty when a district population is unknown, and says which', () => {
    const stats = threeDistricts();
    stats.districts[1].population = null;
    const v = registrationValues(stats);
    expect(v.rows[1].values.population).toBeNull();
    expect(v.rows[3].values.population).toBeNull();
    expect(v.rows[3].values.registered).toBe(4750);
    expect(v.notes[0].zh).toContain('第二选区');
  });
});

describe('allocationValues', () => {
  it('sums populations and seats, recomputes population per deputy for 合计 and leaves its deviation empty', () => {
    // 7 seats for 6700 people: average 957.142… → 957.1
    const v = allocationValues({ districts: [
      { name: 'A', population: 3000, seats: 3, populationPerDeputy: 1000, deviationPercent: 4.477 },
      { name: 'B', population: 2500, seats: 3, populationPerDeputy: 833.33, deviationPercent: -12.935 },
      { name: 'C', population: 1200, seats: 1, populationPerDeputy: 1200, deviationPercent: 25.373 },
    ] });
    expect(v.rows.map((r) => r.number)).toEqual([1, 2, 3, null]);
    expect(v.rows[1].values).toEqual({ population: 2500, seats: 3, populationPerDeputy: 833.3, deviationPercent: -12.94 });
    expect(v.rows[3].values).toEqual({ population: 6700, seats: 7, populationPerDeputy: 957.1, deviationPercent: null });
  });
});

describe('compositionValues', () => {
  const counts = (o: Partial<CompositionCounts>): CompositionCounts => ({
    total: 0, female: 0, minority: 0, cpc: 0, nonCpc: 0, workerFarmer: 0, professional: 0, official: 0, reelected: 0, age35: 0, age36to55: 0, age56: 0, ...o,
  });

  it('takes percentages of the row total with one decimal, and 合计 from the summed counts', () => {
    const v = compositionValues({
      districts: [
        { district: '一', counts: counts({ total: 3, female: 1, cpc: 2, nonCpc: 1 }) },
        { district: '二', counts: counts({ total: 4, female: 2, cpc: 1, nonCpc: 3 }) },
      ],
      total: counts({ total: 7, female: 3, cpc: 3, nonCpc: 4 }),
    });
    expect(v.rows[0].values.femalePercent).toBe(33.3); // 1/3
    expect(v.rows[0].values.cpcPercent).toBe(66.7); // 2/3
    expect(v.rows[1].values.nonCpcPercent).toBe(75);
    expect(v.rows[2].values).toMatchObject({ total: 7, female: 3, femalePercent: 42.9, cpc: 3, cpcPercent: 42.9, nonCpc: 4, nonCpcPercent: 57.1 });
    expect(v.rows[2].values.minorityPercent).toBe(0);
    expect(v.notes).toEqual([]);
  });

  it('has only 合计 when the roster names no districts; no percentage of an empty row', () => {
    const v = compositionValues({ districts: [], total: counts({}) });
    expect(v.rows).toHaveLength(1);
    expect(v.rows[0].isTotal).toBe(true);
    expect(v.rows[0].values.femalePercent).toBeNull();
  });

  it('percentage() refuses a zero or unknown whole', () => {
    expect(percentage(1, 0)).toBeNull();
    expect(percentage(null, 5)).toBeNull();
    expect(percentage(2, 3)).toBe(66.7);
  });
});
