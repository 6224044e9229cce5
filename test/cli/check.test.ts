import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { writeSample, WrittenSample } from '../../src/adapters/xlsx/write-sample';
import { makeId } from '../../src/domain/id/resident-id';
import { runCliCaptured } from '../helpers/run-cli';

let dir: string;
let sample: WrittenSample;

const idA = makeId('110105', { year: 1980, month: 5, day: 6 }, 12, 'female');
const idB = makeId('110105', { year: 1975, month: 1, day: 2 }, 31, 'male');

async function writeRoll(file: string, sheet: string, people: [string, string, string][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow([`青山镇${sheet}选民名单`]);
  ws.mergeCells('A1:E1');
  ws.addRow([]);
  ws.addRow(['序号', '姓名', '性别', '民族', '公民身份号码']);
  people.forEach(([name, sex, id], i) => ws.addRow([i + 1, name, sex, '汉族', id]));
  ws.addRow([`合计：${people.length}人`]);
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'ec-check-'));
  sample = await writeSample(path.join(dir, 'sample'), { rows: 300, seed: 5 });
  await fsp.mkdir(path.join(dir, 'town'));
  await writeRoll(path.join(dir, 'town', 'a.xlsx'), '第一选区', [['王芳', '女', idA], ['李强', '男', idB]]);
  await writeRoll(path.join(dir, 'town', 'b.xlsx'), '第二选区', [['王芳', '女', idA]]);
  await fsp.writeFile(path.join(dir, 'town', 'notes.txt'), 'not a workbook');
  await fsp.writeFile(path.join(dir, 'fake.xlsx'), 'this is not a zip');
}, 60000);

afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

describe('election-clerk check', () => {
  it('finds every planted defect of a written sample, with the documented JSON shape', async () => {
    const r = await runCliCaptured(['check', 'sample/sample-roll.xlsx', '--election-date', '2026-12-15', '--register', 'sample/sample-register.xlsx',
      '--exclude', 'sample/sample-exclusions.xlsx', '--districts', 'sample/sample-districts.xlsx', '--json'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['summary', 'findings']);
    expect(json.summary).toMatchObject({ rows: 300, electionDate: '2026-12-15', unreadable: [] });
    expect(json.summary.errors).toBe(json.findings.filter((f: { severity: string }) => f.severity === 'error').length);
    for (const f of json.findings) {
      expect(Object.keys(f).filter((k) => k !== 'score' && k !== 'reasons')).toEqual(['code', 'severity', 'file', 'sheet', 'row', 'column', 'message', 'related']);
      for (const rel of f.related) expect(Object.keys(rel)).toEqual(['file', 'sheet', 'row']);
    }
    // Files are named as given on the command line; the truth names them by base name.
    const found = new Set(json.findings.map((f: { code: string; file: string; sheet: string; row: number }) => `${f.code}|${path.basename(f.file)}|${f.sheet}|${f.row}`));
    const missed = sample.truth.defects.filter((d) => !found.has(`${d.code}|${d.file}|${d.sheet}|${d.row}`));
    expect(missed).toEqual([]);
  });

  it('checks every .xlsx in a directory and finds a duplicate across workbooks', async () => {
    const r = await runCliCaptured(['check', 'town', '--election-date', '2026-12-15', '--json'], dir);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.summary.sheets.map((s: { file: string; district: string }) => [s.file, s.district])).toEqual([[path.join('town', 'a.xlsx'), '第一选区'], [path.join('town', 'b.xlsx'), '第二选区']]);
    const dups = json.findings.filter((f: { code: string }) => f.code === 'DUPLICATE_ID');
    expect(dups.map((f: { file: string; row: number; column: string }) => [f.file, f.row, f.column])).toEqual([[path.join('town', 'a.xlsx'), 4, 'E'], [path.join('town', 'b.xlsx'), 4, 'E']]);
    expect(dups[0].related).toEqual([{ file: path.join('town', 'b.xlsx'), sheet: '第二选区', row: 4 }]);
  });

  it('prints a readable report in Chinese or English and exits 0 when there are no errors', async () => {
    const zh = await runCliCaptured(['check', 'town/a.xlsx', '--election-date', '2026-12-15'], dir);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('共 2 行选民');
    expect(zh.stdout).toContain('第一选区');
    const en = await runCliCaptured(['check', 'town', '--election-date', '2026-12-15', '--lang', 'en'], dir);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain('DUPLICATE_ID');
    expect(en.stdout).toContain('is registered more than once');
  });

  it('writes an .xlsx report with findings and statistics', async () => {
    const out = path.join(dir, 'report.xlsx');
    const r = await runCliCaptured(['check', 'town', '--election-date', '2026-12-15', '--report', 'report.xlsx'], dir);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['校验结果', '统计', '概要']);
    const findings = wb.getWorksheet('校验结果')!;
    expect(findings.getRow(2).getCell(2).value).toBe('DUPLICATE_ID');
    expect(findings.rowCount).toBe(3);
    const stats = wb.getWorksheet('统计')!;
    expect(stats.getRow(2).getCell(1).value).toBe('第一选区');
    expect(stats.getRow(2).getCell(3).value).toBe(2); // registered
    expect(stats.getRow(4).getCell(1).value).toBe('合计');
    expect(stats.getRow(4).getCell(3).value).toBe(3);
  });

  it('requires --election-date', async () => {
    const r = await runCliCaptured(['check', 'town'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--election-date/);
    expect(r.stderr).toMatch(/required/);
    const bad = await runCliCaptured(['check', 'town', '--election-date', '2026-02-30'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a real date/);
  });

  it('still checks the other files when one cannot be read, names it, and exits 2', async () => {
    const r = await runCliCaptured(['check', 'fake.xlsx', 'missing.xlsx', 'town/a.xlsx', '--election-date', '2026-12-15', '--json'], dir);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout);
    expect(json.summary.rows).toBe(2);
    expect(json.summary.unreadable.map((u: { file: string }) => u.file)).toEqual(['fake.xlsx', 'missing.xlsx']);
    expect(r.stderr).toContain('fake.xlsx');
    expect(r.stderr).toContain('missing.xlsx');
  });

  it('exits 2 when nothing could be checked', async () => {
    const r = await runCliCaptured(['check', 'fake.xlsx', '--election-date', '2026-12-15'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/nothing could be checked/);
    expect(r.stderr).toMatch(/fake\.xlsx/);
  });

  it('exits 2 when a --register file cannot be read', async () => {
    const r = await runCliCaptured(['check', 'town', '--election-date', '2026-12-15', '--register', 'nope.xlsx'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--register/);
    expect(r.stderr).toMatch(/nope\.xlsx/);
  });

  it('documents itself', async () => {
    const r = await runCliCaptured(['check', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: election-clerk check/);
    for (const code of ['DUPLICATE_ID', 'POSSIBLE_DUPLICATE', 'NOT_REGISTERED', 'INELIGIBLE_LISTED', 'ID_PRECISION_LOST', 'Exit status']) expect(r.stdout).toContain(code);
  });
});
