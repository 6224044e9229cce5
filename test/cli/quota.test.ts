import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { runCliCaptured } from '../helpers/run-cli';

let dir: string;
beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), 'quota-')); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

function csv(name: string, text: string): string {
  writeFileSync(path.join(dir, name), `\ufeff${text}`, 'utf8');
  return name;
}

// 3,300 / 1,500 / 1,300 / 900 people, 7 seats, 1–3 (hand-worked in test/domain/seats/apportion.test.ts): 3, 2, 1, 1.
const FOUR = '某镇选区划分表\n\n选区,人口数\n甲,3300\n乙,1500\n丙,1300\n丁,900\n合计,7000\n';

describe('election-clerk quota', () => {
  it('allocates a CSV table and prints the documented JSON', async () => {
    const r = await runCliCaptured(['quota', csv('four.csv', FOUR), '--seats', '7', '--json'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ method: 'largest-remainder', seats: 7, min: 1, max: 3, boundsRespected: true, ties: [] });
    expect(json.infeasible).toBeUndefined();
    expect(json.districts.map((d: { name: string; seats: number }) => [d.name, d.seats])).toEqual([['甲', 3], ['乙', 2], ['丙', 1], ['丁', 1]]);
    for (const d of json.districts) {
      for (const key of ['name', 'population', 'seats', 'quota', 'populationPerDeputy', 'deviationPercent', 'lastSeatReason']) expect(d).toHaveProperty(key);
    }
    // average 1,000; 甲 3300/3 = 1100 (+10 %), 乙 750 (−25 %), 丙 1300 (+30 %), 丁 900 (−10 %)
    expect(json.districts.map((d: { deviationPercent: number }) => d.deviationPercent)).toEqual([10, -25, 30, -10]);
    expect(json.maxDeviationPercent).toBe(30);
    expect(json.districts[0].quota).toBe(3.3);
    expect(Array.isArray(json.warnings)).toBe(true);
  });

  it('prints an aligned table with Chinese headers and the reasons', async () => {
    const r = await runCliCaptured(['quota', csv('four2.csv', FOUR), '--seats', '7', '--method', 'dhondt'], dir);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const header = lines.find((l) => l.startsWith('选区 '))!;
    for (const h of ['人口数', '份额', '名额', '每名代表所代表人口数', '偏差%']) expect(header).toContain(h);
    expect(r.stdout).toContain('洪德法');
    expect(r.stdout).toContain('3300 ÷ 4 = 825'); // 甲 held at the cap
    expect(r.stdout).toContain('最大偏差：30.00%');
  });

  it('--method all shows every method side by side and marks differences', async () => {
    // A 6,200, B 2,500, C 1,300, 10 seats, 0–10: Hamilton 6/3/1, HH 6/3/1, Webster 6/3/1, D'Hondt 7/2/1, Adams 5/3/2
    const file = csv('abc.csv', 'district,population\nA,6200\nB,2500\nC,1300\n');
    const r = await runCliCaptured(['quota', file, '--seats', '10', '--method', 'all', '--min', '0', '--max', '10', '--json'], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    for (const m of ['largest-remainder', 'huntington-hill', 'webster', 'dhondt', 'adams']) expect(json[m].method).toBe(m);
    expect(json.dhondt.districts.map((d: { seats: number }) => d.seats)).toEqual([7, 2, 1]);
    expect(json.adams.districts.map((d: { seats: number }) => d.seats)).toEqual([5, 3, 2]);
    expect(json.differences[0]).toEqual({ name: 'A', population: 6200, seats: { 'largest-remainder': 6, 'huntington-hill': 6, webster: 6, dhondt: 7, adams: 5 }, differs: true });
    const text = await runCliCaptured(['quota', file, '--seats', '10', '--method', 'all', '--min', '0', '--max', '10'], dir);
    expect(text.stdout).toContain('Q值法');
    expect(text.stdout.split('\n').filter((l) => /^[ABC] .*\*$/.test(l))).toHaveLength(3);
  });

  it('exits 1 and names the districts to merge when there are too few seats', async () => {
    const r = await runCliCaptured(['quota', csv('few.csv', FOUR), '--seats', '3', '--json'], dir);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.boundsRespected).toBe(false);
    expect(json.infeasible.mergeCandidates).toEqual(['丁']);
    const text = await runCliCaptured(['quota', 'few.csv', '--seats', '3'], dir);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('建议合并：丁');
  });

  it('exits 1 and names the district to split when its share is far above 3', async () => {
    // 甲 has 3300 × 9 / 7000 = 4.24 > 3.5
    const r = await runCliCaptured(['quota', csv('big.csv', FOUR), '--seats', '9', '--lang', 'en'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('split: 甲');
  });

  it('exits 2 naming the row and column of a bad population', async () => {
    const file = csv('bad.csv', '选区,人口数\n甲,3300\n乙,-15\n丙,很多\n乙,100\n');
    const r = await runCliCaptured(['quota', file, '--seats', '5'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('第3行B列');
    expect(r.stderr).toContain('row 3, column B');
    expect(r.stderr).toContain('第4行B列');
    expect(r.stderr).toContain('“很多”不是数字');
    expect(r.stderr).toContain('第5行A列');
    expect(r.stderr).toContain('3 error(s)');
  });

  it('reads an .xlsx table below a title row', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').getCell('A1').value = '本工作簿含选区划分表';
    const ws = wb.addWorksheet('选区');
    ws.addRow(['某镇选区划分和代表名额分配表']);
    ws.addRow([]);
    ws.addRow(['选区编号', '选区名称', '人口数']);
    ws.addRow([1, '甲', 3300]);
    ws.addRow([2, '乙', 1500]);
    ws.addRow([3, '丙', 1300]);
    ws.addRow([4, '丁', 900]);
    await wb.xlsx.writeFile(path.join(dir, 'table.xlsx'));
    const r = await runCliCaptured(['quota', 'table.xlsx', '--seats', '7', '--method', 'huntington-hill', '--json'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).districts.map((d: { seats: number }) => d.seats)).toEqual([3, 2, 1, 1]);
    const missing = await runCliCaptured(['quota', 'table.xlsx', '--seats', '7', '--sheet', '无此表'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('"选区"');
  });

  it('--seats statutory computes the total from the table population', async () => {
    // township, 7,000 people: 45 + floor(7000 / 1500) = 49 seats; 4 districts × 3 hold only 12 → redraw
    const r = await runCliCaptured(['quota', csv('stat.csv', FOUR), '--seats', 'statutory', '--level', 'township', '--json'], dir);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.seats).toBe(49);
    expect(json.statutory.total).toBe(49);
    expect(json.infeasible.splitCandidates).toContain('甲');
  });

  it.each([
    [['quota'], /give one .csv or .xlsx file/],
    [['quota', 'four.csv'], /--seats is required/],
    [['quota', 'four.csv', '--seats', 'x'], /--seats must be a whole number/],
    [['quota', 'four.csv', '--seats', '7', '--method', 'borda'], /--method must be one of/],
    [['quota', 'four.csv', '--seats', '7', '--min', '3', '--max', '2'], /--max \(2\) must not be below --min \(3\)/],
    [['quota', 'nothere.csv', '--seats', '7'], /nothere\.csv/],
    [['quota', 'notes.txt', '--seats', '7'], /\.csv or \.xlsx/],
  ])('exits 2 on bad arguments: %j', async (argv, message) => {
    csv('four.csv', FOUR);
    const r = await runCliCaptured(argv as string[], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
  });

  it('has help', async () => {
    const r = await runCliCaptured(['quota', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: election-clerk quota FILE --seats N/);
  });
});
