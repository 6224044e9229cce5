import * as ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCaptured } from '../helpers/run-cli';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'election-clerk-cli-sample-')); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

const FILES = ['sample-roll.xlsx', 'sample-register.xlsx', 'sample-districts.xlsx', 'sample-exclusions.xlsx', 'sample-truth.json'];

describe('election-clerk sample', () => {
  it('writes the four workbooks and the truth into ./sample by default, and says what it planted', async () => {
    const r = await runCliCaptured(['sample', '--rows', '50'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const f of FILES) {
      expect(existsSync(join(dir, 'sample', f))).toBe(true);
      expect(r.stdout).toContain(join(dir, 'sample', f));
    }
    const truth = JSON.parse(readFileSync(join(dir, 'sample', 'sample-truth.json'), 'utf8'));
    expect(truth).toMatchObject({ seed: 20261215, rows: 50, layout: 'per-district', electionDate: '2026-12-15', defectsPlanted: true });
    // Every code with its count, as in the truth file.
    for (const [code, n] of Object.entries(truth.counts)) expect(r.stdout).toMatch(new RegExp(`${code}\\s+${n}\\n`));
    expect(r.stdout).toContain('第一选区');
  });

  it('honours --out, --seed, --layout, --districts and --election-date', async () => {
    const out = join(dir, 'custom');
    const r = await runCliCaptured(['sample', '--out', out, '--rows', '300', '--seed', '42', '--layout', 'single-sheet', '--districts', '5', '--election-date', '2027-01-10']);
    expect(r.code).toBe(0);
    const truth = JSON.parse(readFileSync(join(out, 'sample-truth.json'), 'utf8'));
    expect(truth).toMatchObject({ seed: 42, rows: 300, layout: 'single-sheet', electionDate: '2027-01-10' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'sample-roll.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['选民名单']);
    const ws = wb.worksheets[0];
    const districts = new Set<string>();
    for (let row = 4; row < ws.rowCount; row++) districts.add(String(ws.getCell(row, 3).value));
    expect(districts.size).toBe(5);
    const register = new ExcelJS.Workbook();
    await register.xlsx.readFile(join(out, 'sample-districts.xlsx'));
    expect(register.worksheets[0].rowCount).toBe(6);
  });

  it('writes a clean sample with --clean', async () => {
    const out = join(dir, 'clean');
    const r = await runCliCaptured(['sample', '--out', out, '--clean', '--rows', '100']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no defects planted');
    const truth = JSON.parse(readFileSync(join(out, 'sample-truth.json'), 'utf8'));
    expect(truth.defects).toEqual([]);
    expect(truth.defectsPlanted).toBe(false);
    expect(truth.edgeCases.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    [['--rows', '10'], /50 到 1000000.*50 to 1000000/],
    [['--rows', 'many'], /--rows must be a whole number/],
    [['--seed', '-3'], /--seed|seed/i],
    [['--layout', 'wide'], /per-district or single-sheet/],
    [['--election-date', '2026-13-01'], /YYYY-MM-DD/],
    [['--districts', '30', '--rows', '100'], /at least 10 rows/],
    [['--colour', 'red'], /--colour/],
    [['somewhere'], /--out DIR/],
  ])('exits 2 with a message for %j', async (args, pattern) => {
    const r = await runCliCaptured(['sample', '--out', join(dir, 'never'), ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stdout).toBe('');
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it('exits 2 when the output directory cannot be created', async () => {
    const r = await runCliCaptured(['sample', '--rows', '50', '--out', join(dir, 'sample', 'sample-truth.json', 'x')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write into .*--out/);
  });

  it('prints its help', async () => {
    const r = await runCliCaptured(['sample', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: election-clerk sample/);
    for (const option of ['--out', '--rows', '--seed', '--layout', '--clean', '--election-date', '--districts']) expect(r.stdout).toContain(option);
    const top = await runCliCaptured(['--help']);
    expect(top.stdout).toMatch(/sample\s+write a sample roll/);
  });
});
