/** The 名额分配 workflow: district table → apportion → 代表名额分配 sheet + chart, on an in-memory workbook. */
import { allocateSeats } from '../../src/workflows/allocate-seats';
import { ALLOCATION_HEADER_ROW } from '../../src/workflows/allocation-sheet';
import { isCancelled, WorkflowError } from '../../src/workflows/workflow-error';
import { MemoryWorkbook } from './memory-port';

function book() {
  return new MemoryWorkbook([
    { name: '选区划分', rows: [['某镇选区划分表'], [], ['选区', '人口数'], ['甲选区', 4600], ['乙选区', 3300], ['丙选区', 2100], ['合计', 10000]] },
  ]);
}

describe('allocateSeats', () => {
  // Hand-worked: total 10,000 people, 5 seats, largest remainder. Shares 2.3 / 1.65 / 1.05 → whole parts 2, 1, 1
  // (4 seats); the fifth goes to the largest remainder, 乙 (.65). Average 2,000 per deputy:
  // 甲 4600/2 = 2300 (+15 %), 乙 3300/2 = 1650 (−17.5 %), 丙 2100/1 = 2100 (+5 %).
  it('apportions with the chosen method and writes the allocation sheet and chart', async () => {
    const wb = book();
    const settings = { seats: { districtSheet: '选区划分', totalFrom: 'fixed' as const, seats: 5, method: 'largest-remainder' as const, min: 1, max: 3 } };
    const r = await allocateSeats(wb, settings, { language: 'zh' });
    expect(r.allocation.districts.map((d) => [d.name, d.seats])).toEqual([['甲选区', 2], ['乙选区', 2], ['丙选区', 1]]);
    expect(r.sheet).toBe('代表名额分配');
    const h = ALLOCATION_HEADER_ROW;
    expect(wb.value('代表名额分配', h, 1)).toBe('选区');
    expect(wb.value('代表名额分配', h + 1, 1)).toBe('甲选区');
    expect(wb.value('代表名额分配', h + 1, 2)).toBe(4600);
    expect(wb.value('代表名额分配', h + 1, 3)).toBe(2);
    expect(wb.value('代表名额分配', h + 1, 5)).toBe(2300);
    expect(wb.value('代表名额分配', h + 1, 6)).toBeCloseTo(15, 5);
    expect(wb.value('代表名额分配', h + 2, 6)).toBeCloseTo(-17.5, 5);
    expect(wb.value('代表名额分配', h + 3, 6)).toBeCloseTo(5, 5);
    // 合计 row: population and seats add up.
    expect(wb.value('代表名额分配', h + 4, 1)).toBe('合计');
    expect(wb.value('代表名额分配', h + 4, 2)).toBe(10000);
    expect(wb.value('代表名额分配', h + 4, 3)).toBe(5);
    // The chart covers the district rows: categories in A, population per deputy in E.
    expect(wb.charts).toEqual([expect.objectContaining({ sheet: '代表名额分配', categoryColumn: 1, valueColumn: 5, headerRow: h, lastRow: h + 3 })]);
    expect(wb.settings.allocationSheet).toBe('代表名额分配');
  });

  it('replaces its own allocation sheet but never a clerk sheet of the same name', async () => {
    const wb = book();
    wb.sheets.push({ name: '代表名额分配', rows: [['书记员自己的表']] });
    const settings = { seats: { districtSheet: '选区划分', seats: 5 } };
    const first = await allocateSeats(wb, settings);
    expect(first.sheet).toBe('代表名额分配（2）');
    expect(wb.value('代表名额分配', 1, 1)).toBe('书记员自己的表');
    const second = await allocateSeats(wb, { ...wb.settings, seats: { districtSheet: '选区划分', seats: 6 } });
    expect(second.sheet).toBe('代表名额分配（2）');
    expect(wb.calls).toContain('deleteSheet:代表名额分配（2）');
    expect(wb.sheets.filter((s) => s.name.startsWith('代表名额分配')).length).toBe(2);
    expect(wb.value('代表名额分配（2）', ALLOCATION_HEADER_ROW + 4, 3)).toBe(6);
  });

  // Township, 2020 law: 45 + floor(10,000 / 1,500) = 45 + 6 = 51 deputies; three districts can take at most 9.
  it('uses the statutory total when asked, and reports an allocation that cannot fit the bounds', async () => {
    const wb = book();
    const r = await allocateSeats(wb, { seats: { districtSheet: '选区划分', totalFrom: 'statutory', level: 'township' } }, { write: false });
    expect(r.statutory?.total).toBe(51);
    expect(r.allocation.seats).toBe(51);
    expect(r.allocation.infeasible).toBeDefined();
    expect(wb.calls).not.toContain('applyWritePlan');
  });

  it('asks for the district sheet and the number of seats', async () => {
    const wb = book();
    await expect(allocateSeats(wb, {})).rejects.toBeInstanceOf(WorkflowError);
    const e = await allocateSeats(wb, { seats: { districtSheet: '选区划分', totalFrom: 'fixed' } }).catch((x) => x);
    expect(e).toBeInstanceOf(WorkflowError);
    expect(e.clerkMessage.zh).toMatch(/代表总名额/);
    expect(isCancelled(e)).toBe(false);
  });

  it('refuses a district table with errors, naming the problem', async () => {
    const wb = new MemoryWorkbook([{ name: '选区划分', rows: [['选区', '人口数'], ['甲选区', 4600], ['乙选区', '很多'], ['丙选区', 2100]] }]);
    const e = await allocateSeats(wb, { seats: { districtSheet: '选区划分', seats: 4 } }).catch((x) => x);
    expect(e).toBeInstanceOf(WorkflowError);
    expect(e.clerkMessage.zh).toMatch(/错误/);
    expect(wb.sheets.map((s) => s.name)).toEqual(['选区划分']);
  });
});
