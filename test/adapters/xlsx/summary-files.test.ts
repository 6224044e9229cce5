import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { readWorkbookGrids } from '../../../src/adapters/xlsx/read-workbook';
import { applyWritePlan, readTemplateGrids, writeSummaryWorkbook } from '../../../src/adapters/xlsx/summary-files';
import { planSummary } from '../../../src/domain/summary/summary-plan';
import { allocationValues, registrationValues } from '../../../src/domain/summary/table-values';
import { undoPlan } from '../../../src/domain/summary/undo';
import { SheetGrid } from '../../../src/domain/workbook/sheet-grid';
import { threeDistricts } from '../../domain/summary/fixtures';
import { withSoffice, xlsxToCsvSheets } from './summary-soffice';

let dir: string;
beforeAll(async () => { dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'ec-summary-')); });
afterAll(async () => { await fsp.rm(dir, { recursive: true, force: true }); });

const COLS = 'BCDEFGHIJKLMNOPQ'.split('');

/** A county's template: title, two-level header, three districts, a 合计 row of SUM formulas, a note, signatures, another sheet. */
async function writeTemplate(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet('说明');
  cover.getCell('A1').value = '本工作簿由县选举委员会下发，请勿改动表格结构。';
  const ws = wb.addWorksheet('选民登记');
  ws.getCell('A1').value = '××镇选民登记情况统计表';
  ws.mergeCells('A1:Q1');
  ws.getCell('A1').font = { bold: true, size: 16 };
  ws.getCell('A2').value = '填报单位（盖章）：';
  ws.getRow(3).values = ['选区', '人口数\n（人）', '登记选民数', '其中', null, '少数民族', '新增选民', null, null, null, '减少选民', null, null, null, '外出选民', '委托投票', '未列入选民名单人数'];
  ws.getRow(4).values = [null, null, null, '男', '女', null, '合计', '年满18周岁', '恢复政治权利', '迁入', '合计', '死亡', '迁出', '被剥夺政治权利'];
  for (const m of ['A3:A4', 'B3:B4', 'C3:C4', 'D3:E3', 'F3:F4', 'G3:J3', 'K3:N3', 'O3:O4', 'P3:P4', 'Q3:Q4']) ws.mergeCells(m);
  ws.getCell('A5').value = '第一选区';
  ws.getCell('A6').value = '第二选区';
  ws.getCell('A7').value = '东村选区';
  ws.getCell('A8').value = '合计';
  for (const c of COLS) ws.getCell(`${c}8`).value = { formula: `SUM(${c}5:${c}7)`, result: 0 } as ExcelJS.CellFormulaValue;
  ws.getCell('A9').value = '注：本表人口数以公安部门提供的户籍人口为准。';
  ws.mergeCells('A9:Q9');
  ws.getCell('A10').value = '填表人：';
  ws.getCell('F10').value = '审核人：';
  ws.getCell('B5').border = { top: { style: 'thin' } };
  ws.pageSetup.orientation = 'landscape';
  await wb.xlsx.writeFile(file);
}

const hash = async (file: string) => createHash('sha256').update(await fsp.readFile(file)).digest('hex');

function cell(grids: SheetGrid[], sheet: string, ref: string) {
  const g = grids.find((x) => x.sheet === sheet)!;
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return g.rows[Number(m[2]) - 1]?.[col - 1] ?? null;
}

/** Every cell of every sheet, as "sheet!r,c" → value (formulas included as their text). */
function cellMap(grids: SheetGrid[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const g of grids) {
    g.rows.forEach((row, r) => row.forEach((v, c) => { if (v !== null) out.set(`${g.sheet}!${r + 1},${c + 1}`, v); }));
    g.formulas?.forEach((row, r) => row.forEach((f, c) => { if (f) out.set(`${g.sheet}!${r + 1},${c + 1}=`, f); }));
  }
  return out;
}

describe('filling a template file', () => {
  it('writes a copy with the numbers, keeps formulas, notes and the other sheet, and leaves the template unchanged', async () => {
    const template = path.join(dir, 'template.xlsx');
    const out = path.join(dir, 'out.xlsx');
    await writeTemplate(template);
    const before = await hash(template);
    const grids = await readTemplateGrids(template);
    const planned = planSummary([registrationValues(threeDistricts())], grids);
    expect(planned.fills).toHaveLength(1);
    expect(planned.fills[0].unmatched).toEqual([]);
    await writeSummaryWorkbook(out, template, planned.plan, planned.specs);
    expect(await hash(template)).toBe(before);

    const after = await readWorkbookGrids(out);
    expect(cell(after, '选民登记', 'B5')).toBe(3000);
    expect(cell(after, '选民登记', 'G5')).toBe(50);
    expect(cell(after, '选民登记', 'N5')).toBe(1);
    expect(cell(after, '选民登记', 'Q7')).toBe(0);
    const formulas = after.find((g) => g.sheet === '选民登记')!.formulas!;
    expect(COLS.map((c, i) => formulas[7][i + 1])).toEqual(COLS.map((c) => `=SUM(${c}5:${c}7)`));

    // Cell by cell: everything but the planned targets is as in the template; formula cells keep their formula
    // and only their cached result changes, to the new column sum (hand totals in fixtures).
    const targets = new Set(planned.plan.writes.map((w) => `${w.sheet}!${w.row},${w.column}`));
    const formulaCells = new Set(COLS.map((c, i) => `选民登记!8,${i + 2}`));
    const a = cellMap(grids);
    const b = cellMap(after);
    for (const key of new Set([...a.keys(), ...b.keys()])) {
      if (targets.has(key) || formulaCells.has(key)) continue;
      expect([key, b.get(key)]).toEqual([key, a.get(key)]);
    }
    expect(COLS.map((c) => cell(after, '选民登记', `${c}8`))).toEqual([6700, 4750, 2370, 2380, 15, 95, 80, 1, 13, 60, 40, 19, 1, 290, 33, 3]);
    expect(after.find((g) => g.sheet === '选民登记')!.merges).toEqual(grids.find((g) => g.sheet === '选民登记')!.merges);

    // The workbook keeps its formatting and asks Excel to recalculate the kept formulas.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('选民登记')!.getCell('A1').font?.bold).toBe(true);
    expect(wb.getWorksheet('选民登记')!.getCell('B5').border?.top?.style).toBe('thin');
    expect(wb.getWorksheet('选民登记')!.pageSetup.orientation).toBe('landscape');

    // Undo on the written file gives the template's cells back exactly.
    const undo = undoPlan(planned.plan);
    applyWritePlan(wb, { writes: undo.writes, newSheets: [] });
    const undone = path.join(dir, 'undone.xlsx');
    await wb.xlsx.writeFile(undone);
    const restored = await readWorkbookGrids(undone);
    const withoutResults = (m: Map<string, unknown>) => new Map([...m].filter(([k]) => !formulaCells.has(k)));
    expect(withoutResults(cellMap(restored))).toEqual(withoutResults(a));
    // the kept formulas' cached results go back to the sums of the restored (empty) cells: 0, which ExcelJS
    // leaves out of the file (read back as no cached result)
    expect(COLS.map((c) => cell(restored, '选民登记', `${c}8`) ?? 0)).toEqual(COLS.map(() => 0));
  });

  it('refuses to write over a formula and refuses OUT = template', async () => {
    const template = path.join(dir, 'template2.xlsx');
    await writeTemplate(template);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    expect(() => applyWritePlan(wb, { writes: [{ sheet: '选民登记', row: 8, column: 2, value: 1, previous: 0 }], newSheets: [] })).toThrow(/公式|formula/);
    await expect(writeSummaryWorkbook(template, template, { writes: [], newSheets: [] }, [])).rejects.toThrow(/模板|template/);
  });

  it('reads back in LibreOffice with the filled numbers and recalculated 合计 formulas', withSoffice(async (soffice) => {
    const template = path.join(dir, 'template3.xlsx');
    const out = path.join(dir, 'out3.xlsx');
    await writeTemplate(template);
    const planned = planSummary([registrationValues(threeDistricts())], await readTemplateGrids(template));
    await writeSummaryWorkbook(out, template, planned.plan, planned.specs);
    const csv = xlsxToCsvSheets(soffice, out, ['选民登记'])['选民登记'];
    // rows 5..8: 第一选区, 第二选区, 东村选区, 合计 (hand totals: 6700, 4750, 2370, 2380, 15, 95, 80, 1, 13, 60, 40, 19, 1, 290, 33, 3)
    expect(csv[4].slice(0, 4)).toEqual(['第一选区', '3000', '2100', '1040']);
    expect(csv[6].slice(0, 3)).toEqual(['东村选区', '1200', '850']);
    expect(csv[7]).toEqual(['合计', '6700', '4750', '2370', '2380', '15', '95', '80', '1', '13', '60', '40', '19', '1', '290', '33', '3']);
    expect(csv[8][0]).toBe('注：本表人口数以公安部门提供的户籍人口为准。');
  }));
});

describe('standard sheets', () => {
  it('creates print-ready sheets laid out like the official forms, and LibreOffice reads their numbers', async () => {
    const out = path.join(dir, 'standard.xlsx');
    const allocation = allocationValues({ districts: [
      { name: '第一选区', population: 3000, seats: 2, populationPerDeputy: 1500, deviationPercent: 0.5 },
      { name: '第二选区', population: 2500, seats: 2, populationPerDeputy: 1250, deviationPercent: -16.25 },
      { name: '东村选区', population: 1200, seats: 1, populationPerDeputy: 1200, deviationPercent: -19.6 },
    ] });
    const planned = planSummary([registrationValues(threeDistricts()), allocation], null, { unit: '××镇选举委员会', date: '2026-10-01' });
    const written = await writeSummaryWorkbook(out, null, planned.plan, planned.specs);
    expect(written.createdSheets).toEqual(['选民登记情况统计表', '选区划分和代表名额分配表']);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('选民登记情况统计表')!;
    expect(ws.getCell('A1').value).toBe('选民登记情况统计表');
    expect(ws.getCell('A2').value).toBe('填报单位（盖章）：××镇选举委员会');
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.pageSetup.printTitlesRow).toBe('3:4');
    const grids = await readWorkbookGrids(out);
    const g = grids[0];
    // header rows 3-4 (two levels), districts in rows 5-7, 合计 row 8, 填表人 row 10
    expect(g.rows[2].slice(0, 4)).toEqual(['选区', '人口数', '登记选民数', '其中']);
    expect(g.rows[3].slice(3, 6)).toEqual(['男', '女', '少数民族']);
    expect(g.rows[7][0]).toBe('合计');
    expect(g.rows[7][1]).toBe(6700);
    expect(g.rows[9][0]).toBe('填表人：');
    expect(g.merges).toEqual(expect.arrayContaining([
      { startRow: 3, startColumn: 4, endRow: 3, endColumn: 6 }, // 其中 over 男/女/少数民族
      { startRow: 3, startColumn: 1, endRow: 4, endColumn: 1 }, // 选区 down both header rows
    ]));
    const alloc = grids[1];
    // 选区编号 | 选区名称 | 人口数 | 应选代表名额 | 每名代表所代表人口数 | 偏差(%); 合计: 6700 / 5 = 1340
    expect(alloc.rows[2]).toEqual(['选区编号', '选区名称', '人口数', '应选代表名额', '每名代表所代表人口数', '偏差(%)']);
    expect(alloc.rows[3]).toEqual([1, '第一选区', 3000, 2, 1500, 0.5]);
    expect(alloc.rows[6].slice(0, 5)).toEqual(['合计', null, 6700, 5, 1340]);

    await withSoffice((soffice) => {
      const csv = xlsxToCsvSheets(soffice, out, ['选民登记情况统计表', '选区划分和代表名额分配表']);
      expect(csv['选民登记情况统计表'][7].slice(0, 3)).toEqual(['合计', '6700', '4750']);
      expect(csv['选区划分和代表名额分配表'][4].slice(0, 6)).toEqual(['2', '第二选区', '2500', '2', '1250.0', '-16.25']);
    })();
  });
});
