import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { readWorkbookGrids } from '../../src/adapters/xlsx/read-workbook';
import { makeId } from '../../src/domain/id/resident-id';
import { SheetGrid } from '../../src/domain/workbook/sheet-grid';
import { withSoffice, xlsxToCsvSheets } from '../adapters/xlsx/summary-soffice';
import { runCliCaptured } from '../helpers/run-cli';

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'ec-summary-cli-'));
  await writeRolls(path.join(dir, 'rolls.xlsx'));
  await fsp.writeFile(path.join(dir, 'districts.csv'), '选区,人口数\n第一选区,3000\n第二选区,2000\n');
  await fsp.writeFile(path.join(dir, 'roster.csv'), [
    '姓名,性别,民族,出生日期,政治面貌,职业,是否连任,选区',
    '甲,女,汉族,1990-01-01,中共党员,农民,是,第一选区',
    '乙,男,回族,1960-05-05,群众,专业技术人员,否,第一选区',
    '丙,女,汉族,1995-12-31,中共预备党员,工人,否,第二选区',
    '丁,男,汉族,1972-11-20,中共党员,党政领导干部,是,第二选区',
  ].join('\n'));
  await writeTemplate(path.join(dir, 'template.xlsx'));
});
afterAll(async () => { await fsp.rm(dir, { recursive: true, force: true }); });

type Person = [name: string, sex: '男' | '女', ethnicity: string, birth: string, remarks: string];

/**
 * Election day 2026-11-20. 第一选区: 刘强 死亡 (removed); registered 5 — 男 2 (张伟, 杨洋), 女 3, 少数民族 2 (李娜 回族,
 * 杨洋 蒙古族), 新增 2 (李娜 年满18周岁, 杨洋 迁入), 减少 1 (死亡), 外出 1, 委托 1.
 * 第二选区: 周杰 迁出 (removed); registered 3 — 男 1, 女 2, 少数民族 1 (壮族), 新增 0, 减少 1 (迁出), 外出 1, 委托 0.
 */
const ROLLS: Record<string, Person[]> = {
  第一选区: [
    ['张伟', '男', '汉族', '1980-05-01', ''],
    ['王芳', '女', '汉族', '1985-03-02', '外出务工'],
    ['李娜', '女', '回族', '2008-10-01', '新增（年满18周岁）'],
    ['刘强', '男', '汉族', '1950-01-01', '死亡'],
    ['陈静', '女', '汉族', '1990-07-07', '委托投票'],
    ['杨洋', '男', '蒙古族', '1975-12-12', '迁入'],
  ],
  第二选区: [
    ['赵磊', '男', '汉族', '1970-02-02', ''],
    ['黄敏', '女', '壮族', '1995-04-04', '外出'],
    ['周杰', '男', '汉族', '1960-06-06', '迁出'],
    ['吴丽', '女', '汉族', '1988-08-08', ''],
  ],
};

async function writeRolls(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  let seq = 10;
  for (const [district, people] of Object.entries(ROLLS)) {
    const ws = wb.addWorksheet(district);
    ws.getCell('A1').value = `××镇${district}选民名单`;
    ws.mergeCells('A1:G1');
    ws.getRow(2).values = ['序号', '姓名', '性别', '民族', '出生日期', '公民身份号码', '备注'];
    people.forEach(([name, sex, ethnicity, birth, remarks], i) => {
      const [y, m, d] = birth.split('-').map(Number);
      const id = makeId('110105', { year: y, month: m, day: d }, seq++, sex === '男' ? 'male' : 'female');
      ws.getRow(3 + i).values = [i + 1, name, sex, ethnicity, birth, id, remarks || null];
    });
  }
  await wb.xlsx.writeFile(file);
}

/** A template with the registration table (single header, 合计 as SUM formulas) and the composition table (女性 → 人数/比例). */
async function writeTemplate(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const reg = wb.addWorksheet('登记');
  reg.getCell('A1').value = '××镇选民登记情况统计表';
  reg.mergeCells('A1:I1');
  reg.getRow(3).values = ['选区', '人口数', '登记选民数', '男', '女', '少数民族', '新增选民', '减少选民', '外出选民'];
  reg.getCell('A4').value = '第一选区';
  reg.getCell('A5').value = '第二选区';
  reg.getCell('A6').value = '合计';
  for (const c of 'BCDEFGHI') reg.getCell(`${c}6`).value = { formula: `SUM(${c}4:${c}5)`, result: 0 } as ExcelJS.CellFormulaValue;
  reg.getCell('A8').value = '填表人：';
  const comp = wb.addWorksheet('结构');
  comp.getCell('A1').value = '代表结构统计表';
  comp.mergeCells('A1:F1');
  comp.getRow(2).values = ['选区', '代表数', '女性', null, '中共党员', null];
  comp.getRow(3).values = [null, null, '人数', '比例', '人数', '占比'];
  for (const m of ['A2:A3', 'B2:B3', 'C2:D2', 'E2:F2']) comp.mergeCells(m);
  comp.getCell('A4').value = '第一选区';
  comp.getCell('A5').value = '第二选区';
  comp.getCell('A6').value = '合计';
  await wb.xlsx.writeFile(file);
}

const sha = async (file: string) => createHash('sha256').update(await fsp.readFile(file)).digest('hex');

function rowsOf(grids: SheetGrid[], sheet: string) {
  const g = grids.find((x) => x.sheet === sheet);
  if (!g) throw new Error(`no sheet ${sheet}: ${grids.map((x) => x.sheet).join(', ')}`);
  return g.rows;
}

describe('election-clerk summary', () => {
  it('fills a copy of the template from the rolls and the roster, leaving the template unchanged', async () => {
    const template = path.join(dir, 'template.xlsx');
    const before = await sha(template);
    const r = await runCliCaptured(['summary', 'rolls.xlsx', '--districts', 'districts.csv', '--roster', 'roster.csv',
      '--template', 'template.xlsx', '--election-date', '2026-11-20', '--out', 'filled.xlsx'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(await sha(template)).toBe(before);
    expect(r.stdout).toContain('选民登记情况统计表（工作表“登记”）：填写 16 个单元格');
    const out = await readWorkbookGrids(path.join(dir, 'filled.xlsx'));
    const reg = rowsOf(out, '登记');
    expect(reg[3]).toEqual(['第一选区', 3000, 5, 2, 3, 2, 2, 1, 1]);
    expect(reg[4]).toEqual(['第二选区', 2000, 3, 1, 2, 1, 0, 1, 1]);
    // 合计 keeps its SUM formulas; their results are the sums
    expect(reg[5]).toEqual(['合计', 5000, 8, 3, 5, 3, 2, 2, 2]);
    expect(out.find((g) => g.sheet === '登记')!.formulas![5][1]).toBe('=SUM(B4:B5)');
    // 代表结构: 第一选区 2 deputies, 1 woman (50.0%), 1 CPC (50.0%); 第二选区 2, 1 (50.0%), 2 (100.0%); 合计 4, 2, 3 (75.0%)
    const comp = rowsOf(out, '结构');
    expect(comp[3]).toEqual(['第一选区', 2, 1, 50, 1, 50]);
    expect(comp[4]).toEqual(['第二选区', 2, 1, 50, 2, 100]);
    expect(comp[5]).toEqual(['合计', 4, 2, 50, 3, 75]);
  });

  it('creates standard sheets without a template, including the seat allocation, and prints JSON', async () => {
    const r = await runCliCaptured(['summary', 'rolls.xlsx', '--districts', 'districts.csv', '--seats', '5', '--roster', 'roster.csv',
      '--election-date', '2026-11-20', '--out', 'standard.xlsx', '--json', '--unit', '××镇选举委员会'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.created.map((c: { sheet: string }) => c.sheet)).toEqual(['选民登记情况统计表', '选区划分和代表名额分配表', '代表结构统计表']);
    expect(json.created.map((c: { table: string }) => c.table)).toEqual(['registration', 'allocation', 'composition']);
    const out = await readWorkbookGrids(path.join(dir, 'standard.xlsx'));
    // 5 seats over 3000 and 2000 people: exact shares 3 and 2; 1000 people per deputy each, deviation 0
    const alloc = rowsOf(out, '选区划分和代表名额分配表');
    expect(alloc[3]).toEqual([1, '第一选区', 3000, 3, 1000, 0]);
    expect(alloc[4]).toEqual([2, '第二选区', 2000, 2, 1000, 0]);
    expect(alloc[5].slice(0, 5)).toEqual(['合计', null, 5000, 5, 1000]);
    // 代表结构 合计 (row after the three header rows and two districts): 4 deputies; 年龄 on 2026-11-20:
    // 甲 36, 乙 66, 丙 30, 丁 54 → 35岁以下 1 (25.0%), 36-55岁 2 (50.0%), 56岁以上 1 (25.0%)
    const comp = rowsOf(out, '代表结构统计表');
    const header = [0, 1, 2].map((i) => comp[2 + i]);
    const totalRow = comp.find((row) => row[0] === '合计')!;
    // header rows 3-5: 年龄段 / 35岁以下 (merged over two columns) / 人数, 比例(%)
    const col = (parent: string, child: string) => header[2].findIndex((text, c) => {
      if (text !== child) return false;
      let k = c;
      while (k > 0 && (header[1][k] ?? null) === null) k--;
      return header[1][k] === parent;
    });
    expect(totalRow[1]).toBe(4);
    expect(totalRow[col('35岁以下', '人数')]).toBe(1);
    expect(totalRow[col('35岁以下', '比例(%)')]).toBe(25);
    expect(totalRow[col('36-55岁', '人数')]).toBe(2);
    expect(totalRow[col('56岁以上', '人数')]).toBe(1);
    expect(json.values.find((t: { table: string }) => t.table === 'composition').rows.at(-1).values)
      .toMatchObject({ total: 4, female: 2, femalePercent: 50, minority: 1, cpc: 3, cpcPercent: 75, nonCpc: 1, workerFarmer: 2, professional: 1, official: 1, reelected: 2, reelectedPercent: 50 });
    expect(rowsOf(out, '选民登记情况统计表')[1][0]).toBe('填报单位（盖章）：××镇选举委员会');

    await withSoffice((soffice) => {
      const csv = xlsxToCsvSheets(soffice, path.join(dir, 'standard.xlsx'), ['选区划分和代表名额分配表']);
      expect(csv['选区划分和代表名额分配表'][5].slice(0, 5)).toEqual(['合计', '', '5000', '5', '1000.0']);
    })();
  });

  it('exits 1 and names the labels it could not match, still filling the rest', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.getCell('A1').value = '选民登记情况统计表';
    ws.getRow(2).values = ['选区', '登记选民数', '港澳台选民'];
    ws.getRow(3).values = ['第一选区', 4];
    ws.getRow(4).values = ['第三选区'];
    await wb.xlsx.writeFile(path.join(dir, 'odd.xlsx'));
    const r = await runCliCaptured(['summary', 'rolls.xlsx', '--template', 'odd.xlsx', '--election-date', '2026-11-20', '--out', 'odd-out.xlsx'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('港澳台选民');
    expect(r.stdout).toContain('C2的表头“港澳台选民”无法识别');
    expect(r.stdout).toContain('第三选区');
    expect(r.stdout).toMatch(/第二选区.*没有对应的行/);
    expect(r.stdout).toMatch(/原有数字4，按名册计算为5/);
    const out = await readWorkbookGrids(path.join(dir, 'odd-out.xlsx'));
    expect(rowsOf(out, 'Sheet1')[2]).toEqual(['第一选区', 5]);
  });

  it('exits 2 with a message saying what to do when it cannot run', async () => {
    const noDate = await runCliCaptured(['summary', 'rolls.xlsx', '--out', 'x.xlsx'], dir);
    expect(noDate.code).toBe(2);
    expect(noDate.stderr).toMatch(/--election-date/);
    const missing = await runCliCaptured(['summary', 'nope.xlsx', '--election-date', '2026-11-20', '--out', 'x.xlsx'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.xlsx');
    const same = await runCliCaptured(['summary', 'rolls.xlsx', '--template', 'template.xlsx', '--election-date', '2026-11-20', '--out', 'template.xlsx'], dir);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/template/);
    const help = await runCliCaptured(['summary', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: election-clerk summary/);
  });
});
