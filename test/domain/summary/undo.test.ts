import { applyWritesToGrids, undoPlan } from '../../../src/domain/summary/undo';
import { WritePlan } from '../../../src/domain/workbook/cell-writes';
import { sheet } from './fixtures';

describe('undoPlan', () => {
  it('restores previous contents in reverse order and lists created sheets for deletion', () => {
    const grid = sheet('表', [['选区', '人数'], ['一', 5], ['二', '7']]);
    const plan: WritePlan = {
      writes: [
        { sheet: '表', row: 2, column: 2, value: 6, previous: 5 },
        { sheet: '表', row: 3, column: 2, value: 8, previous: '7' },
        { sheet: '表', row: 4, column: 2, value: 14, previous: null },
        { sheet: '表', row: 4, column: 2, value: 15, previous: 14 },
      ],
      newSheets: ['选区划分和代表名额分配表'],
    };
    const [after] = applyWritesToGrids([grid], plan.writes);
    expect(after.rows.map((r) => r[1])).toEqual(['人数', 6, 8, 15]);
    const undo = undoPlan(plan);
    expect(undo.deleteSheets).toEqual(['选区划分和代表名额分配表']);
    const [back] = applyWritesToGrids([after], undo.writes);
    expect(back.rows.map((r) => r[1] ?? null)).toEqual(['人数', 5, '7', null]);
    expect(grid.rows.map((r) => r[1])).toEqual(['人数', 5, '7']); // the original grid is not modified
  });

  it('refuses to write into a formula cell', () => {
    const grid = sheet('表', [['合计', 0]], [], { B1: '=SUM(B2:B3)' });
    expect(() => applyWritesToGrids([grid], [{ sheet: '表', row: 1, column: 2, value: 1, previous: 0 }])).toThrow(/formula/);
  });
});
