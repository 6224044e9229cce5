/**
 * The adapter's performance target on a 100,000-row × 10-column roll: reading it and flagging findings in at most
 * 25 round trips, no request or response over Excel on the web's 5 MB (the fake refuses them), and the grid read
 * equal to what was put in, cell by cell.
 */
import { FakeExcel } from '../../../src/fake-excel';
import { Finding } from '../../../src/domain/common/finding';
import { clearFlags, flagFindings, listSheets, readSheet } from '../../../src/adapters/office';
import { HEADER, rollRow, rollSheet } from './roll-fixture';

const ROWS = 100_000;
const FIVE_MB = 5 * 1024 * 1024;

function findingsFor(rows: number[]): Finding[] {
  return rows.map((row, k) => ({
    file: 'roll.xlsx', sheet: '名单', row, column: k % 3 === 0 ? undefined : 'F',
    code: 'ID_CHECKSUM', severity: k % 2 ? 'error' : 'warning', message: { zh: '校验码错误', en: 'bad check' }, related: [],
  }));
}

test('100,000 rows × 10 columns: read + flag in at most 25 round trips, every sync under 5 MB, values exact', async () => {
  const fake = FakeExcel.fromJSON({ name: 'roll.xlsx', sheets: [rollSheet('名单', ROWS), { name: '说明', rows: [['本工作簿为测试名单']] }] });
  fake.resetCounters();

  const grid = await fake.run(async (context) => {
    const sheets = await listSheets(context);
    const summary = sheets.find((s) => s.name === '名单');
    return readSheet(context, '名单', { workbook: 'roll.xlsx', summary });
  });
  const readTrips = fake.roundTrips;

  // Every 37th data row has a finding: ~2,700 findings spread over the sheet.
  const flagged = Array.from({ length: Math.floor(ROWS / 37) }, (_, k) => 3 + k * 37);
  const report = await fake.run((context) => flagFindings(context, findingsFor(flagged)));
  const total = fake.roundTrips;

  expect(total).toBeLessThanOrEqual(25);
  expect(readTrips).toBeGreaterThanOrEqual(Math.ceil(fake.payloadBytes.received / FIVE_MB));
  for (const s of fake.syncLog) {
    expect(s.failed).toBeUndefined();
    expect(s.sent).toBeLessThan(FIVE_MB);
    expect(s.received).toBeLessThan(FIVE_MB);
  }
  expect(report.flagged).toEqual([{ sheet: '名单', cells: flagged.filter((_, k) => k % 3 !== 0).length, rows: flagged.filter((_, k) => k % 3 === 0).length }]);

  // The grid: title row, header, the data; dates as Date at UTC midnight; nothing lost.
  expect(grid.startRow).toBe(1);
  expect(grid.rows).toHaveLength(ROWS + 2);
  expect(grid.rows[1]).toEqual(HEADER);
  for (let i = 0; i < ROWS; i += 997) expect(grid.rows[i + 2]).toEqual(rollRow(i));
  expect(grid.rows[ROWS + 1]).toEqual(rollRow(ROWS - 1));
  expect(grid.merges).toEqual([{ startRow: 1, startColumn: 1, endRow: 1, endColumn: 10 }]);
  expect(grid.hiddenRows).toEqual([]);

  // Validating again the way the workflow does (list, read, clear the old flags, flag anew) stays in budget too.
  fake.resetCounters();
  await fake.run(async (context) => {
    const sheets = await listSheets(context);
    await readSheet(context, '名单', { workbook: 'roll.xlsx', summary: sheets.find((s) => s.name === '名单') });
    await clearFlags(context);
    await flagFindings(context, findingsFor(flagged.slice(1)));
  });
  expect(fake.roundTrips).toBeLessThanOrEqual(25);

  // Clearing afterwards is cheap too, and leaves no flag behind.
  fake.resetCounters();
  const cleared = await fake.run((context) => clearFlags(context));
  expect(cleared.removed).toBeGreaterThan(0);
  expect(fake.roundTrips).toBeLessThanOrEqual(4);
  expect(fake.toJSON().sheets[0].conditionalFormats).toBeUndefined();
}, 60_000);
