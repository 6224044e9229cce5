/**
 * Flags are reversible and never touch a value or a cell's own format: after flag + clear the workbook is
 * identical, cell by cell (values, formulas, number formats, fills, fonts, the clerk's own conditional formats).
 */
import { FakeExcel, FakeWorkbookJSON } from '../../../src/fake-excel';
import { Finding } from '../../../src/domain/common/finding';
import { Severity } from '../../../src/domain/common/problem';
import { clearFlags, flagFindings, FLAG_RECORD_KEY, FLAG_STYLES, planFlags } from '../../../src/adapters/office';

function finding(sheet: string, row: number, column: string | undefined, severity: Severity): Finding {
  return { file: 'w.xlsx', sheet, row, column, severity, code: 'X', message: { zh: '问题', en: 'problem' }, related: [] };
}

function workbook(): FakeWorkbookJSON {
  return {
    name: 'w.xlsx',
    sheets: [
      {
        name: '第一选区',
        rows: [
          ['序号', '姓名', '出生日期', '身份证号'],
          [1, '张三', new Date(Date.UTC(1990, 0, 2)), '110101199001021234'],
          [2, '李四', new Date(Date.UTC(2010, 5, 6)), 110101201006061230],
          [3, '王五', new Date(Date.UTC(1980, 1, 29)), '=not a formula'],
          [4, '赵六', null, '11010119800229123X'],
        ],
        cells: {
          A1: { bold: true, fill: '#D9D9D9' },
          B1: { bold: true, fill: '#D9D9D9' },
          B3: { fill: '#FFFF00', fontColor: '#FF0000' },
          D3: { numberFormat: '0' },
          D4: { quoted: true },
        },
        conditionalFormats: [{ type: 'Custom', address: 'A2:A5', formula: '=A2>3', fill: '#00FF00' }],
      },
      { name: '第二选区', rows: [['序号', '姓名'], [1, '钱七']] },
      { name: '锁定', rows: [['序号'], [1]], protected: true },
    ],
  };
}

/** Every cell of the used area, as the clerk sees it. */
function allCells(fake: FakeExcel): unknown[] {
  const out: unknown[] = [];
  for (const sheet of fake.sheetNames()) {
    for (let r = 1; r <= 6; r++) for (let c = 1; c <= 5; c++) out.push([sheet, r, c, fake.cellView(sheet, r, c)]);
  }
  return out;
}

test('flag then clear leaves every value and format exactly as it was', async () => {
  const fake = FakeExcel.fromJSON(workbook());
  const before = fake.toJSON();
  const cellsBefore = allCells(fake);
  const findings = [
    finding('第一选区', 3, 'D', 'error'),
    finding('第一选区', 3, 'B', 'warning'),
    finding('第一选区', 4, 'D', 'info'),
    finding('第一选区', 5, undefined, 'warning'),
    finding('第二选区', 2, 'B', 'error'),
  ];
  await fake.run((context) => flagFindings(context, findings));
  // Values and own formats are unchanged while flagged: only conditional formats were added.
  const whileFlagged = fake.toJSON();
  for (const [i, sheet] of whileFlagged.sheets.entries()) {
    expect(sheet.rows).toEqual(before.sheets[i].rows);
    expect(sheet.cells).toEqual(before.sheets[i].cells);
  }
  await fake.run((context) => clearFlags(context));
  expect(fake.toJSON()).toEqual(before);
  expect(allCells(fake)).toEqual(cellsBefore);
});

test('flagged cells show their severity colour; the clerk still sees their own fill underneath; others untouched', async () => {
  const fake = FakeExcel.fromJSON(workbook());
  const report = await fake.run((context) => flagFindings(context, [
    finding('第一选区', 3, 'B', 'warning'),
    finding('第一选区', 3, 'B', 'error'),
    finding('第一选区', 4, 'D', 'info'),
    finding('第一选区', 5, undefined, 'warning'),
  ]));
  expect(report.flagged).toEqual([{ sheet: '第一选区', cells: 2, rows: 1 }]);
  // Two findings on B3: the more severe one wins.
  expect(fake.cellView('第一选区', 3, 2)).toMatchObject({ fill: '#FFFF00', conditionalFill: FLAG_STYLES.error.fill, conditionalFontColor: FLAG_STYLES.error.font });
  expect(fake.cellView('第一选区', 4, 4).conditionalFill).toBe(FLAG_STYLES.info.fill);
  // A finding without a column flags its whole row.
  expect(fake.cellView('第一选区', 5, 3).conditionalFill).toBe(FLAG_STYLES.warning.fill);
  expect(fake.cellView('第一选区', 5, 40).conditionalFill).toBe(FLAG_STYLES.warning.fill);
  // Unflagged cells: no flag colour (the clerk's own rule =A2>3 still applies to A5 only).
  expect(fake.cellView('第一选区', 3, 4).conditionalFill).toBeUndefined();
  expect(fake.cellView('第一选区', 2, 2).conditionalFill).toBeUndefined();
  expect(fake.cellView('第二选区', 2, 2).conditionalFill).toBeUndefined();
  expect(fake.cellView('第一选区', 4, 1).conditionalFill).toBeUndefined();
});

test('flagging again replaces the earlier flags instead of piling them up', async () => {
  const fake = FakeExcel.fromJSON(workbook());
  await fake.run((context) => flagFindings(context, [finding('第一选区', 2, 'B', 'error'), finding('第二选区', 2, 'B', 'error')]));
  const second = await fake.run((context) => flagFindings(context, [finding('第一选区', 3, 'B', 'warning')]));
  expect(second.removed).toBe(2);
  expect(fake.cellView('第一选区', 2, 2).conditionalFill).toBeUndefined();
  expect(fake.cellView('第二选区', 2, 2).conditionalFill).toBeUndefined();
  expect(fake.cellView('第一选区', 3, 2).conditionalFill).toBe(FLAG_STYLES.warning.fill);
  const cfs = fake.toJSON().sheets[0].conditionalFormats ?? [];
  // The clerk's own rule and one flag.
  expect(cfs).toHaveLength(2);
  expect(cfs.filter((c) => c.formula === '=A2>3')).toHaveLength(1);
});

test('the flagged sheets are recorded in the workbook settings and the record goes with clear', async () => {
  const fake = FakeExcel.fromJSON(workbook());
  await fake.run((context) => flagFindings(context, [finding('第二选区', 2, 'A', 'error'), finding('第一选区', 2, 'A', 'info')]));
  const record = fake.toJSON().settings?.[FLAG_RECORD_KEY] as { sheets: string[]; cells: number };
  expect([...record.sheets].sort()).toEqual(['第一选区', '第二选区'].sort());
  expect(record.cells).toBe(2);
  // Reopened (snapshot → new workbook), clear still finds the flags by their marker.
  const reopened = FakeExcel.fromJSON(fake.toJSON());
  const cleared = await reopened.run((context) => clearFlags(context));
  expect(cleared.removed).toBe(2);
  expect(reopened.toJSON().settings?.[FLAG_RECORD_KEY]).toBeUndefined();
});

test('a protected sheet is skipped with a message; the other sheets are flagged', async () => {
  const fake = FakeExcel.fromJSON(workbook());
  const report = await fake.run((context) => flagFindings(context, [finding('锁定', 2, 'A', 'error'), finding('第二选区', 2, 'A', 'error')]));
  expect(report.skipped.map((s) => s.sheet)).toEqual(['锁定']);
  expect(report.skipped[0].reason.zh).toContain('受保护');
  expect(report.skipped[0].reason.en).toContain('protected');
  expect(fake.cellView('第二选区', 2, 1).conditionalFill).toBe(FLAG_STYLES.error.fill);
  expect(fake.cellView('锁定', 2, 1).conditionalFill).toBeUndefined();
});

test('findings on a sheet that no longer exists are reported, not fatal', async () => {
  const fake = FakeExcel.fromJSON(workbook());
  const report = await fake.run((context) => flagFindings(context, [finding('已删除', 2, 'A', 'error')]));
  expect(report.skipped.map((s) => s.sheet)).toEqual(['已删除']);
  expect(report.formats).toBe(0);
});

test('clear on a workbook never flagged: one round trip, nothing written; "everywhere" looks at every rule and keeps the clerk\'s', async () => {
  const fake = FakeExcel.fromJSON(workbook());
  const before = fake.toJSON();
  const report = await fake.run((context) => clearFlags(context));
  expect(report.removed).toBe(0);
  expect(fake.roundTrips).toBe(1);
  fake.resetCounters();
  const deep = await fake.run((context) => clearFlags(context, { everywhere: true }));
  expect(deep.removed).toBe(0);
  // Sheets + record, every sheet's rule types, the clerk's one custom rule's formula; no write.
  expect(fake.roundTrips).toBe(3);
  expect(fake.toJSON()).toEqual(before);
});

test('flags whose record was lost are found with "everywhere"', async () => {
  const fake = FakeExcel.fromJSON(workbook());
  const before = fake.toJSON();
  await fake.run((context) => flagFindings(context, [finding('第二选区', 2, 'B', 'error')]));
  const json = fake.toJSON();
  delete json.settings;
  const lost = FakeExcel.fromJSON(json);
  expect((await lost.run((context) => clearFlags(context))).removed).toBe(0);
  expect((await lost.run((context) => clearFlags(context, { everywhere: true }))).removed).toBe(1);
  expect(lost.toJSON()).toEqual(before);
});

test('planFlags: contiguous runs down a column, whole rows as row ranges', () => {
  const plans = planFlags([5, 6, 7, 9].map((r) => finding('S', r, 'F', 'error')).concat(
    [finding('S', 12, undefined, 'warning'), finding('S', 13, undefined, 'warning'), finding('S', 20, 'AA', 'error')],
  ));
  expect(plans).toHaveLength(1);
  expect(plans[0].bySeverity.get('error')).toEqual(['F5:F7', 'F9', 'AA20']);
  expect(plans[0].bySeverity.get('warning')).toEqual(['12:13']);
  expect(plans[0].cells).toBe(5);
  expect(plans[0].rows).toBe(2);
});

test('long address lists are split over several conditional formats', async () => {
  const fake = FakeExcel.fromJSON({ sheets: [{ name: 'S', rows: Array.from({ length: 400 }, (_, i) => [i]) }] });
  const findings = Array.from({ length: 200 }, (_, k) => finding('S', 1 + 2 * k, 'A', 'error'));
  const report = await fake.run((context) => flagFindings(context, findings, { maxAddressChars: 100 }));
  expect(report.formats).toBeGreaterThan(5);
  for (let r = 1; r <= 400; r++) {
    expect(fake.cellView('S', r, 1).conditionalFill).toBe(r % 2 === 1 ? FLAG_STYLES.error.fill : undefined);
  }
});
