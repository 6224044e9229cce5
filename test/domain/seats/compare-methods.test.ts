import { compareMethods } from '../../../src/domain/seats/compare-methods';

describe('compareMethods', () => {
  // A 6,200, B 2,500, C 1,300, 10 seats, no bounds — worked out in apportion.test.ts:
  // Hamilton 6/3/1, Huntington–Hill 6/3/1, Webster 6/3/1, D'Hondt 7/2/1, Adams 5/3/2.
  const districts = [{ name: 'A', population: 6200 }, { name: 'B', population: 2500 }, { name: 'C', population: 1300 }];

  it('runs every method and marks the districts where they differ', () => {
    const c = compareMethods(districts, 10, { min: 0, max: Infinity });
    expect(c.differences.map((d) => d.seatsByMethod)).toEqual([
      { 'largest-remainder': 6, 'huntington-hill': 6, webster: 6, dhondt: 7, adams: 5 },
      { 'largest-remainder': 3, 'huntington-hill': 3, webster: 3, dhondt: 2, adams: 3 },
      { 'largest-remainder': 1, 'huntington-hill': 1, webster: 1, dhondt: 1, adams: 2 },
    ]);
    expect(c.differingDistricts).toEqual(['A', 'B', 'C']);
    // average 1,000 per deputy. 6/3/1: C 1300 → 30 %; 7/2/1: C 1300 → 30 %; 5/3/2: C 650 → −35 %.
    expect(c.smallestMaxDeviation).toEqual(['largest-remainder', 'huntington-hill', 'webster', 'dhondt']);
    expect(c.summary.zh).toContain('3个');
  });

  it('reports no differences when every method agrees', () => {
    // 3,300 / 1,500 / 1,300 / 900, 7 seats, 1–3: every method gives 3, 2, 1, 1 (see apportion.test.ts)
    const c = compareMethods([
      { name: 'A', population: 3300 }, { name: 'B', population: 1500 }, { name: 'C', population: 1300 }, { name: 'D', population: 900 },
    ], 7);
    expect(c.differingDistricts).toEqual([]);
    expect(c.differences.every((d) => !d.differs)).toBe(true);
    expect(c.summary.en).toBe('All methods give the same allocation.');
  });
});
