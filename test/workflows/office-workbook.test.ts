/**
 * The workflows through the office.js adapter on the fake Excel, loaded with the generated sample: validate →
 * planted defects found, cells flagged, 校验结果 written, values and formats unchanged; click → selection; clear →
 * everything back as it was; settings survive reopening; seats → allocation sheet with its chart.
 */
import { generateSample } from '../../src/domain/sample/sample-roll';
import { FakeExcel, FakeWorkbookJSON } from '../../src/fake-excel';
import { sampleWorkbook } from '../../src/playground/sample-workbook';
import { allocateSeats } from '../../src/workflows/allocate-seats';
import { clearAll } from '../../src/workflows/clear-all';
import { officeWorkbook } from '../../src/workflows/office-workbook';
import { validateWorkbook } from '../../src/workflows/validate-workbook';

const sample = generateSample({ rows: 300, seed: 3 });
const book = sampleWorkbook(sample);

function open(json: FakeWorkbookJSON = { name: book.name, sheets: book.sheets }) {
  const fake = new FakeExcel(json);
  const port = officeWorkbook((batch) => fake.run(batch));
  return { fake, port };
}

/** The sample's own sheets as plain data: values and every cell's format, merges, conditional formats. */
function sampleSheetsJSON(fake: FakeExcel) {
  const names = new Set(book.sheets.map((s) => s.name));
  return JSON.stringify(fake.toJSON().sheets.filter((s) => names.has(s.name)));
}

describe('workflows on the fake Excel', () => {
  it('takes the flags away again when the findings sheet cannot be written', async () => {
    const { fake, port } = open();
    const before = JSON.stringify(fake.toJSON());
    const failing = { ...port, writeFindingsSheet: async () => { throw new Error('disk full'); } };
    await expect(validateWorkbook(failing, { electionDate: sample.options.electionDate })).rejects.toThrow('disk full');
    expect(JSON.stringify(fake.toJSON())).toBe(before);
  });

  it('validates the sample, flags, writes the findings sheet, and clear restores the workbook exactly', async () => {
    const { fake, port } = open();
    const before = sampleSheetsJSON(fake);
    const beforeRows = JSON.stringify(fake.toJSON().sheets.map((s) => [s.name, s.rows]));
    const result = await validateWorkbook(port, { electionDate: sample.options.electionDate });

    const found = new Set(result.findings.map((f) => `${f.code}@${f.sheet}!${f.row}`));
    expect(sample.truth.defects.filter((d) => !found.has(`${d.code}@${d.sheet}!${d.row}`))).toEqual([]);
    expect(result.findings.every((f) => f.file === book.name)).toBe(true);

    // Values never change: every sample sheet's rows are identical after flagging.
    const after = fake.toJSON();
    const rowsOf = (json: ReturnType<FakeExcel['toJSON']>) => JSON.stringify(json.sheets.filter((s) => s.name !== '校验结果').map((s) => [s.name, s.rows]));
    expect(rowsOf(after)).toBe(JSON.stringify(JSON.parse(beforeRows).filter((s: [string]) => s[0] !== '校验结果')));
    // Each finding's cell shows a flag.
    for (const f of result.findings.slice(0, 50)) {
      const column = f.column ? f.column.charCodeAt(0) - 64 : 1;
      expect(fake.cellView(f.sheet, f.row, column).conditionalFill).toBeTruthy();
    }
    // The findings sheet lists every finding below its header.
    expect(fake.sheetNames()).toContain('校验结果');
    const findingsSheet = after.sheets.find((s) => s.name === '校验结果')!;
    const nonEmpty = (findingsSheet.rows ?? []).filter((r) => r.some((v) => v !== null && v !== ''));
    expect(nonEmpty.length).toBeGreaterThanOrEqual(result.findings.length + 1);

    // Click: the finding's cell is selected.
    const f = result.findings.find((x) => x.column)!;
    await port.selectCell(f);
    expect(fake.selection()).toEqual({ sheet: f.sheet, address: `${f.column}${f.row}` });

    await clearAll(port);
    expect(sampleSheetsJSON(fake)).toBe(before);
    // Clear also removes the 校验结果 sheet it wrote: the workbook is as before the check.
    expect(fake.sheetNames()).not.toContain('校验结果');
  });

  it('keeps settings in the workbook across reopening', async () => {
    const { fake, port } = open();
    await port.saveSettings({ electionDate: '2026-12-15', rollSheets: ['第一选区'], seats: { method: 'webster', seats: 9 } });
    const reopened = open(fake.toJSON());
    expect(await reopened.port.loadSettings()).toEqual({ electionDate: '2026-12-15', rollSheets: ['第一选区'], seats: { method: 'webster', seats: 9 } });
  });

  it('writes the allocation sheet with a chart', async () => {
    const { fake, port } = open();
    const districts = sample.districts.sheets[0].rows.filter((r) => typeof r[1] === 'number' && r[0] !== '合计').length;
    const r = await allocateSeats(port, { seats: { districtSheet: '选区划分', seats: districts * 2, method: 'huntington-hill' } });
    expect(r.allocation.districts.reduce((n, d) => n + d.seats, 0)).toBe(districts * 2);
    const sheet = fake.toJSON().sheets.find((s) => s.name === '代表名额分配')!;
    expect(sheet.charts?.length).toBe(1);
    expect(sheet.charts?.[0].title).toBe('各选区每名代表所代表人口数');
    expect(sheet.rows?.[0]?.[0]).toBe('代表名额分配表');
    expect((await port.loadSettings()).allocationSheet).toBe('代表名额分配');
    // Running again replaces our own sheet instead of adding another.
    await allocateSeats(port, { ...(await port.loadSettings()), seats: { districtSheet: '选区划分', seats: districts * 2 } });
    expect(fake.sheetNames().filter((n) => n.startsWith('代表名额分配'))).toEqual(['代表名额分配']);
  });

  it('reads and flags a sample roll in a handful of round trips', async () => {
    const { fake, port } = open();
    fake.resetCounters();
    await validateWorkbook(port, { electionDate: sample.options.electionDate });
    // Listing, a look at each sheet, reading each, flagging and the findings sheet: a few round trips per sheet.
    expect(fake.roundTrips).toBeLessThanOrEqual(5 * book.sheets.length);
  });
});

describe('a 100,000-row roll', () => {
  it('is validated end to end (scan, read, check, flag, findings sheet) in at most 30 round trips', async () => {
    const big = generateSample({ rows: 100_000, layout: 'single-sheet', seed: 5 });
    const wb = sampleWorkbook(big);
    const fake = new FakeExcel({ name: wb.name, sheets: wb.sheets });
    const port = officeWorkbook((batch) => fake.run(batch));
    fake.resetCounters();
    const result = await validateWorkbook(port, { electionDate: big.options.electionDate, rollSheets: ['选民名单'] });
    expect(result.summary.rows).toBeGreaterThanOrEqual(100_000);
    // Every round trip within Excel on the web's 5 MB request and response limits (the fake enforces them too).
    expect(fake.syncLog.every((s) => s.sent < 5 * 1024 * 1024 && s.received < 5 * 1024 * 1024)).toBe(true);
    expect(fake.roundTrips).toBeLessThanOrEqual(30);
  }, 120_000);
});
