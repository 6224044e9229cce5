/** The allocation sheet's layout: header, one row per district, totals, notes; English when asked. */
import { allocationSheetPlan, ALLOCATION_HEADER_ROW } from '../../src/workflows/allocation-sheet';

const allocation = {
  method: 'webster' as const,
  seats: 4,
  districts: [
    { name: '甲', population: 300, seats: 3, quota: 3.0, populationPerDeputy: 100, deviationPercent: 0 },
    { name: '=乙', population: 100, seats: 1, quota: 1.0, populationPerDeputy: 100, deviationPercent: 0 },
  ],
  maxDeviationPercent: 0,
  warnings: [{ zh: '注意一。', en: 'Note one.' }],
  infeasible: { reason: { zh: '无法分配。', en: 'Cannot allocate.' } },
};

function cells(plan: ReturnType<typeof allocationSheetPlan>['plan']) {
  return new Map(plan.writes.map((w) => [`${w.row}:${w.column}`, w.value]));
}

describe('allocationSheetPlan', () => {
  it('lays out the districts under the header and a 合计 row that adds up', () => {
    const { plan, chart } = allocationSheetPlan(allocation, { sheet: 'S', language: 'zh', min: 1, max: 3, sourceSheet: '选区划分' });
    const c = cells(plan);
    const h = ALLOCATION_HEADER_ROW;
    expect(plan.newSheets).toEqual(['S']);
    expect(plan.writes.every((w) => w.sheet === 'S' && w.previous === null)).toBe(true);
    expect(c.get(`${h}:1`)).toBe('选区');
    expect(c.get(`${h + 1}:1`)).toBe('甲');
    // A name that looks like a formula is passed through as text; the adapter writes it as text.
    expect(c.get(`${h + 2}:1`)).toBe('=乙');
    expect(c.get(`${h + 3}:1`)).toBe('合计');
    expect(c.get(`${h + 3}:2`)).toBe(400);
    expect(c.get(`${h + 3}:3`)).toBe(4);
    expect(c.get(`${h + 3}:5`)).toBe(100);
    // Notes: the infeasibility first, then the warnings, below a blank row.
    expect(c.get(`${h + 5}:1`)).toBe('提示：');
    expect(c.get(`${h + 6}:1`)).toBe('无法分配。');
    expect(c.get(`${h + 7}:1`)).toBe('注意一。');
    expect(String(c.get('2:1'))).toContain('每一选区选1至3名代表');
    expect(chart).toMatchObject({ sheet: 'S', headerRow: h, lastRow: h + 2, categoryColumn: 1, valueColumn: 5 });
  });

  it('writes English labels when the language is English', () => {
    const { plan, chart } = allocationSheetPlan({ ...allocation, infeasible: null, warnings: [] }, { sheet: 'S', language: 'en', min: 1, max: 3, sourceSheet: 'D' });
    const c = cells(plan);
    expect(c.get(`${ALLOCATION_HEADER_ROW}:1`)).toBe('District');
    expect(c.get(`${ALLOCATION_HEADER_ROW + 3}:1`)).toBe('Total');
    expect([...c.values()]).not.toContain('Notes:');
    expect(chart.title).toBe('Population per deputy by district');
  });
});
