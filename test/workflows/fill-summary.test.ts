/**
 * 生成汇总 / 撤销汇总 through the office.js adapter on the fake Excel, with the generated sample workbook:
 * (a) no template → standard sheets, 合计 = column sums, numbers = the engine's statistics; (b) the clerk's template
 * (two-level merged header, formula 合计 row, note, signature line) → only the target cells change, the formulas
 * are kept, an unmatched label is named; (c) undo restores the workbook exactly; (d) a failure at any round trip of
 * the run leaves the workbook as it was.
 */
import { SETTINGS_KEY } from '../../src/adapters/office/workbook-settings';
import { generateSample } from '../../src/domain/sample/sample-roll';
import { FakeExcel, FakeSheetJSON, FakeWorkbookJSON } from '../../src/fake-excel';
import { sampleWorkbook } from '../../src/playground/sample-workbook';
import { fillSummary, fillSummaryFromSettings, mergeSummaryRecords, undoSummary } from '../../src/workflows/fill-summary';
import { officeWorkbook } from '../../src/workflows/office-workbook';
import { validateWorkbook } from '../../src/workflows/validate-workbook';
import { ClerkSettings, WrittenCells } from '../../src/workflows/workbook-port';

const sample = generateSample({ rows: 240, seed: 11 });
const book = sampleWorkbook(sample);
const electionDate = sample.options.electionDate;
const DISTRICTS = ['第一选区', '第二选区', '第三选区'];

/** The clerk's template: title, unit line, 选区 | 人口数 | 登记选民数 | 其中(男, 女) | 外出选民 | 委托投票 | 特殊人群, 合计 of SUMs, a note and a signature line. */
const TEMPLATE: FakeSheetJSON = {
  name: '登记统计',
  rows: [
    ['清溪镇选民登记情况统计表'],
    ['填报单位：清溪镇选举委员会'],
    ['选区', '人口数', '登记选民数', '其中', null, '外出选民', '委托投票', '特殊人群'],
    [null, null, null, '男', '女'],
    ['第一选区'],
    ['第二选区'],
    ['第三选区', null, null, null, null, null, 999],
    ['合计'],
    ['注：本表数据截至选民名单公布之日。'],
    ['填表人：', null, null, '审核人：'],
  ],
  merges: ['A1:H1', 'A2:H2', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:E3', 'F3:F4', 'G3:G4', 'H3:H4'],
  cells: {
    B8: { formula: '=SUM(B5:B7)' }, C8: { formula: '=SUM(C5:C7)' }, D8: { formula: '=SUM(D5:D7)' },
    E8: { formula: '=SUM(E5:E7)' }, F8: { formula: '=SUM(F5:F7)' }, G8: { formula: '=SUM(G5:G7)' },
    A1: { bold: true }, D5: { numberFormat: '#,##0' },
  },
};

function workbook(extra: FakeSheetJSON[] = []): FakeWorkbookJSON {
  return { name: book.name, sheets: [...book.sheets.map((s) => ({ ...s })), ...extra] };
}

async function open(json: FakeWorkbookJSON, settings: ClerkSettings = { electionDate }) {
  const fake = new FakeExcel(json);
  const port = officeWorkbook((batch) => fake.run(batch));
  await port.saveSettings(settings);
  return { fake, port };
}

/** The snapshot without the time the settings were saved at (which changes on every save). */
function snapshot(fake: FakeExcel): FakeWorkbookJSON {
  const json = fake.toJSON();
  const stored = json.settings?.[SETTINGS_KEY] as { savedAt?: string; settings?: ClerkSettings } | undefined;
  if (stored) {
    delete stored.savedAt;
    if (stored.settings) delete stored.settings.lastSummary;
  }
  return json;
}

function sheetJSON(fake: FakeExcel, name: string): FakeSheetJSON {
  return fake.toJSON().sheets.find((s) => s.name === name)!;
}

/** Numbers by Excel row and column of a sheet. */
function cell(fake: FakeExcel, sheet: string, row: number, column: number) {
  return fake.cellView(sheet, row, column);
}

async function engineStatistics(json: FakeWorkbookJSON) {
  const { port } = await open(json);
  return (await validateWorkbook(port, { electionDate }, { write: false })).statistics;
}

describe('生成汇总 without a template', () => {
  it('creates the standard sheets; 合计 is the column sums and the numbers are the engine statistics', async () => {
    const json = workbook();
    const stats = await engineStatistics(json);
    const { fake, port } = await open(json, { electionDate, seats: { districtSheet: '选区划分', seats: 7 } });
    const result = await fillSummary(port, await port.loadSettings());

    expect(result.filled).toEqual([]);
    expect(result.created.map((c) => c.table)).toEqual(['registration', 'allocation']);
    for (const c of result.created) expect(fake.sheetNames()).toContain(c.sheet);

    // Registration sheet: find the rows of the districts and the 合计 by their label in column A.
    const reg = result.created.find((c) => c.table === 'registration')!.sheet;
    const rows = sheetJSON(fake, reg).rows!;
    const rowOf = (label: string) => rows.findIndex((r) => r[0] === label) + 1;
    const headerTexts = rows.slice(0, 6).flat();
    const colOf = (label: string) => {
      for (const r of rows.slice(0, 6)) {
        const i = r.indexOf(label);
        if (i >= 0) return i + 1;
      }
      throw new Error(`no header ${label} in ${JSON.stringify(headerTexts)}`);
    };
    const total = rowOf('合计');
    expect(total).toBeGreaterThan(0);
    const byName = new Map(stats.districts.map((d) => [d.district, d]));
    const checks: [string, (d: typeof stats.districts[number]) => number | null][] = [
      ['人口数', (d) => d.population], ['登记选民数', (d) => d.registered], ['男', (d) => d.male], ['女', (d) => d.female],
      ['少数民族', (d) => d.minority], ['外出选民', (d) => d.away], ['委托投票', (d) => d.proxy],
    ];
    for (const [label, get] of checks) {
      const column = colOf(label);
      let sum = 0;
      for (const name of DISTRICTS) {
        const r = rowOf(name);
        expect([name, label, cell(fake, reg, r, column).value]).toEqual([name, label, get(byName.get(name)!)]);
        sum += cell(fake, reg, r, column).value as number;
      }
      expect([label, cell(fake, reg, total, column).value]).toEqual([label, sum]);
    }
    // Populations come from the district table sheet of the sample.
    const districtRows = json.sheets.find((s) => s.name === '选区划分')!.rows!;
    for (const name of DISTRICTS) {
      expect(cell(fake, reg, rowOf(name), colOf('人口数')).value).toBe(districtRows.find((r) => r[0] === name)![1]);
    }

    // Allocation sheet: the seats add up to 7, each district 1–3.
    const alloc = result.created.find((c) => c.table === 'allocation')!.sheet;
    const arows = sheetJSON(fake, alloc).rows!;
    const seatCol = arows.slice(0, 6).map((r) => r.indexOf('应选代表名额')).find((i) => i >= 0)! + 1;
    const seats = DISTRICTS.map((d) => arows.find((r) => r.includes(d))![seatCol - 1] as number);
    expect(seats.reduce((a, b) => a + b, 0)).toBe(7);
    expect(seats.every((s) => s >= 1 && s <= 3)).toBe(true);
    expect(arows.find((r) => r[0] === '合计')![seatCol - 1]).toBe(7);

    // Print-ready: landscape A4, one page wide, the header rows repeated; frozen header; widths set.
    const sheet = sheetJSON(fake, reg);
    expect(sheet.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1 } });
    expect(sheet.pageLayout!.printTitleRows).toMatch(/^\$3:\$\d$/);
    expect(sheet.freeze!.rows).toBeGreaterThanOrEqual(4);
    expect(Object.keys(sheet.columnWidths ?? {}).length).toBeGreaterThanOrEqual(10);
    expect(sheet.merges!.length).toBeGreaterThan(3);
    expect(cell(fake, reg, 1, 1)).toMatchObject({ value: '选民登记情况统计表', bold: true });

    // The rolls themselves are untouched.
    for (const s of json.sheets) expect(sheetJSON(fake, s.name)).toEqual(new FakeExcel({ sheets: [s] }).toJSON().sheets[0]);
  });

  it('undo deletes the sheets it created and leaves the workbook exactly as before', async () => {
    const { fake, port } = await open(workbook(), { electionDate, seats: { districtSheet: '选区划分', seats: 7 } });
    const before = snapshot(fake);
    await fillSummary(port, await port.loadSettings());
    expect(fake.sheetNames().length).toBe(before.sheets.length + 2);
    const undone = await undoSummary(port);
    expect(undone.deletedSheets).toHaveLength(2);
    expect(snapshot(fake)).toEqual(before);
    expect((await port.loadSettings()).lastSummary).toBeUndefined();
  });
});

describe('生成汇总 into the clerk\'s template', () => {
  it('writes only the target cells, keeps the formulas, names the unmatched label and warns of the differing number', async () => {
    const json = workbook([TEMPLATE]);
    const stats = await engineStatistics(json);
    const { fake, port } = await open(json);
    const before = fake.toJSON();
    const result = await fillSummary(port, await port.loadSettings());

    expect(result.filled.map((f) => f.sheet)).toEqual(['登记统计']);
    expect(result.created).toEqual([]);
    expect(result.unmatched.map((u) => u.text)).toContain('特殊人群');
    expect(result.unmatched.find((u) => u.text === '特殊人群')!.sheet).toBe('登记统计');
    // G7 held 999 typed by hand; the rolls say otherwise → a consistency warning naming the cell.
    const proxy3 = stats.districts.find((d) => d.district === '第三选区')!.proxy;
    expect(proxy3).not.toBe(999);
    expect(result.warnings.map((w) => w.address)).toContain('G7');

    // Targets: rows 5–7 (the districts) × B..G. Everything else is unchanged, cell by cell, with formats and formulas.
    const targets = new Set<string>();
    for (let r = 5; r <= 7; r++) for (let c = 2; c <= 7; c++) targets.add(`${r},${c}`);
    for (let r = 1; r <= 14; r++) {
      for (let c = 1; c <= 12; c++) {
        if (targets.has(`${r},${c}`)) continue;
        const was = new FakeExcel(before).cellView('登记统计', r, c);
        const now = cell(fake, '登记统计', r, c);
        if (r === 8 && c >= 2 && c <= 7) {
          expect([r, c, now.formula]).toEqual([r, c, was.formula]); // the 合计 formula kept (its result follows)
          continue;
        }
        expect([r, c, now]).toEqual([r, c, was]);
      }
    }
    const byName = new Map(stats.districts.map((d) => [d.district, d]));
    DISTRICTS.forEach((name, i) => {
      const d = byName.get(name)!;
      const row = 5 + i;
      expect([name, [2, 3, 4, 5, 6, 7].map((c) => cell(fake, '登记统计', row, c).value)])
        .toEqual([name, [d.population, d.registered, d.male, d.female, d.away, d.proxy]]);
    });
    // D5 keeps its own number format.
    expect(cell(fake, '登记统计', 5, 4).numberFormat).toBe('#,##0');
    // The 合计 row's SUM formulas are kept as they were (Excel recalculates them; the fake does not).
    for (let c = 2; c <= 7; c++) {
      expect(cell(fake, '登记统计', 8, c).formula).toBe(`=SUM(${String.fromCharCode(64 + c)}5:${String.fromCharCode(64 + c)}7)`);
    }
    expect(result.filled[0].keptFormulas).toBe(6);
    // No other sheet changed.
    for (const s of before.sheets.filter((x) => x.name !== '登记统计')) expect(sheetJSON(fake, s.name)).toEqual(s);
  });

  it('undo restores the template exactly (the hand-typed 999 included)', async () => {
    const { fake, port } = await open(workbook([TEMPLATE]));
    const before = snapshot(fake);
    await fillSummary(port, await port.loadSettings());
    expect(cell(fake, '登记统计', 7, 7).value).not.toBe(999);
    const undone = await undoSummary(port);
    expect(undone.restored).toBe(18);
    expect(snapshot(fake)).toEqual(before);
  });

  it('a second run refills in place, and one undo still goes back to before the first', async () => {
    const { fake, port } = await open(workbook([TEMPLATE]), { electionDate, seats: { districtSheet: '选区划分', seats: 6 } });
    const before = snapshot(fake);
    const first = await fillSummary(port, await port.loadSettings());
    const afterFirst = snapshot(fake);
    const second = await fillSummary(port, await port.loadSettings());
    // The allocation sheet created by the first run is refilled, not created again; numbers unchanged.
    expect(second.created).toEqual([]);
    expect(second.filled.map((f) => f.sheet).sort()).toEqual([...first.filled.map((f) => f.sheet), ...first.created.map((c) => c.sheet)].sort());
    expect(second.filled.every((f) => f.cells === 0)).toBe(true);
    expect(snapshot(fake)).toEqual(afterFirst);
    await undoSummary(port);
    expect(snapshot(fake)).toEqual(before);
  });

  it('a cell the clerk changed after the summary is left as the clerk made it', async () => {
    const { fake, port } = await open(workbook([TEMPLATE]));
    await fillSummary(port, await port.loadSettings());
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('登记统计').getRange('B5').values = [[12345]];
      await context.sync();
    });
    const undone = await undoSummary(port);
    expect(undone.keptEdited).toEqual([{ sheet: '登记统计', row: 5, column: 2 }]);
    expect(cell(fake, '登记统计', 5, 2).value).toBe(12345);
    expect(cell(fake, '登记统计', 6, 2).value).toBe('');
  });
});

describe('all or nothing', () => {
  /** How many round trips a full run takes on this workbook. */
  async function syncsOfRun(json: FakeWorkbookJSON, settings: ClerkSettings): Promise<number> {
    const { fake, port } = await open(json, settings);
    fake.resetCounters();
    await fillSummary(port, settings);
    return fake.roundTrips;
  }

  it.each([
    ['no template (two new sheets)', () => workbook(), { electionDate, seats: { districtSheet: '选区划分', seats: 7 } }],
    ['a template and a new sheet', () => workbook([TEMPLATE]), { electionDate, seats: { districtSheet: '选区划分', seats: 7 } }],
  ] as const)('a failure at any round trip leaves the workbook as before: %s', async (_name, make, settings) => {
    const total = await syncsOfRun(make(), settings);
    expect(total).toBeGreaterThan(5);
    let failed = 0;
    for (let at = 1; at <= total; at++) {
      for (const afterCommands of [0, 2]) {
        const { fake, port } = await open(make(), settings);
        const before = snapshot(fake);
        fake.injectFailure({ atSync: at, afterCommands });
        let threw = false;
        try {
          await fillSummary(port, settings);
        } catch {
          threw = true;
        }
        if (threw) {
          failed += 1;
          expect([at, afterCommands, snapshot(fake)]).toEqual([at, afterCommands, before]);
          expect(await port.loadSettings()).not.toHaveProperty('lastSummary');
        } else {
          // The failure hit the print setup (a note, not a failure): the run is complete and can be undone.
          await undoSummary(port);
          expect([at, afterCommands, snapshot(fake)]).toEqual([at, afterCommands, before]);
        }
      }
    }
    expect(failed).toBeGreaterThan(total);
  }, 120_000);
});

describe('the ribbon and the record', () => {
  it('fillSummaryFromSettings says what was filled, created and not matched', async () => {
    const { port } = await open(workbook([TEMPLATE]));
    const message = await fillSummaryFromSettings(port, await port.loadSettings());
    expect(message.zh).toContain('“登记统计”');
    expect(message.zh).toContain('特殊人群');
    expect(message.en).toContain('"登记统计"');
  });

  it('undo without a summary says there is nothing to undo', async () => {
    const { port } = await open(workbook());
    await expect(undoSummary(port)).rejects.toMatchObject({ clerkMessage: { zh: expect.stringContaining('没有可撤销的汇总') } });
  });

  it('merging records keeps the first before-content and drops cells of created sheets', () => {
    const cellOf = (sheet: string, row: number, before: unknown, after: unknown) => ({ sheet, row, column: 2, before: { value: before, formula: before, numberFormat: 'General' }, after });
    const first = mergeSummaryRecords(undefined, { createdSheets: [], cells: [cellOf('T', 5, '', 10)] }, ['S'], new Set(['T', 'S']), 't1');
    const second: WrittenCells = { createdSheets: [], cells: [cellOf('T', 5, 10, 11), cellOf('T', 6, 3, 4), cellOf('S', 5, 1, 2)] };
    const merged = mergeSummaryRecords(first, second, [], new Set(['T', 'S']), 't2');
    expect(merged.createdSheets).toEqual(['S']);
    expect(merged.written.cells.map((c) => [c.row, c.before.value, c.after])).toEqual([[5, '', 11], [6, 3, 4]]);
  });
});
