/**
 * The 校验结果 sheet: one row per finding with a link to its cell; text that Excel would turn into a formula or a
 * number stays text; ours is replaced, a clerk's sheet of the same name is never touched; a failure midway leaves
 * nothing half-written.
 */
import { FakeExcel } from '../../../src/fake-excel';
import { Finding } from '../../../src/domain/common/finding';
import { AdapterError, FINDINGS_SHEET_NAME, writeFindingsSheet } from '../../../src/adapters/office';

function f(partial: Partial<Finding> & Pick<Finding, 'row'>): Finding {
  return {
    file: 'w.xlsx', sheet: '第一选区', code: 'ID_CHECKSUM', severity: 'error',
    message: { zh: '身份证号校验码错误', en: 'Wrong ID check character' }, related: [], ...partial,
  };
}

function rowValues(fake: FakeExcel, sheet: string, row: number, columns = 9): unknown[] {
  return Array.from({ length: columns }, (_, c) => fake.cellView(sheet, row, c + 1).value);
}

test('one row per finding: 序号, 代码, 级别, 工作表, 行, 列, 说明, 相关, link', async () => {
  const fake = FakeExcel.fromJSON({ sheets: [{ name: '第一选区', rows: [['x']] }] });
  const findings = [
    f({ row: 5, column: 'F' }),
    f({
      row: 9, column: undefined, code: 'DUPLICATE_ID', severity: 'warning', message: { zh: '重复登记', en: 'Registered twice' },
      related: [{ file: 'w.xlsx', sheet: "第二选区", row: 7, column: 'F' }, { file: 'other.xlsx', sheet: 'S', row: 3, column: 'B' }],
    }),
  ];
  const report = await fake.run((context) => writeFindingsSheet(context, findings));
  expect(report).toEqual({ sheet: FINDINGS_SHEET_NAME, rows: 2, replaced: false });
  expect(rowValues(fake, '校验结果', 1)).toEqual(['序号', '代码', '级别', '工作表', '行', '列', '说明', '相关', '位置']);
  expect(rowValues(fake, '校验结果', 2)).toEqual([1, 'ID_CHECKSUM', '错误', '第一选区', 5, 'F', '身份证号校验码错误', '', 'F5']);
  expect(rowValues(fake, '校验结果', 3)).toEqual([2, 'DUPLICATE_ID', '警告', '第一选区', 9, '', '重复登记', '第二选区!F7；[other.xlsx]S!B3', '第9行']);
  expect(fake.cellView('校验结果', 2, 9).formula).toBe(`=HYPERLINK("#'第一选区'!F5","F5")`);
  expect(fake.cellView('校验结果', 3, 9).formula).toBe(`=HYPERLINK("#'第一选区'!A9","第9行")`);
  expect(fake.cellView('校验结果', 1, 1).bold).toBe(true);
  expect(fake.toJSON().sheets[1].freeze).toEqual({ rows: 1, columns: 0 });
});

test('English text when asked', async () => {
  const fake = FakeExcel.fromJSON({ sheets: [{ name: 'A' }] });
  await fake.run((context) => writeFindingsSheet(context, [f({ row: 2, column: 'B', severity: 'info' })], { language: 'en' }));
  expect(rowValues(fake, '校验结果', 1)[0]).toBe('No.');
  expect(rowValues(fake, '校验结果', 2)).toEqual([1, 'ID_CHECKSUM', 'Info', '第一选区', 2, 'B', 'Wrong ID check character', '', 'B2']);
});

test('text starting with = + - @, or looking like a number, date or TRUE, is written as text', async () => {
  const tricky = ['=SUM(A1:A9)', '+86 138', '-5', '@home', '123', '1990-01-02', 'TRUE', "'quoted"];
  const fake = FakeExcel.fromJSON({ sheets: [{ name: 'A' }] });
  const findings = tricky.map((text, i) => f({ row: i + 2, column: 'A', sheet: text.replace(/[\\/?*[\]:]/g, ''), message: { zh: text, en: text } }));
  await fake.run((context) => writeFindingsSheet(context, findings));
  tricky.forEach((text, i) => {
    const said = fake.cellView('校验结果', i + 2, 7);
    expect(said.value).toBe(text);
    expect(said.formula).toBeUndefined();
    expect(fake.cellView('校验结果', i + 2, 4).value).toBe(findings[i].sheet);
  });
});

test('no findings: the sheet says so', async () => {
  const fake = FakeExcel.fromJSON({ sheets: [{ name: 'A' }] });
  await fake.run((context) => writeFindingsSheet(context, []));
  expect(fake.cellView('校验结果', 2, 1).value).toBe('没有发现问题。');
});

test('replaces the findings sheet it wrote before; refuses a clerk\'s own sheet of that name', async () => {
  const fake = FakeExcel.fromJSON({ sheets: [{ name: 'A' }] });
  await fake.run((context) => writeFindingsSheet(context, [f({ row: 2 }), f({ row: 3 }), f({ row: 4 })]));
  const second = await fake.run((context) => writeFindingsSheet(context, [f({ row: 7 })]));
  expect(second.replaced).toBe(true);
  expect(fake.sheetNames()).toEqual(['A', '校验结果']);
  expect(rowValues(fake, '校验结果', 2)[4]).toBe(7);
  expect(fake.cellView('校验结果', 3, 1).value).toBe('');

  const clerk = FakeExcel.fromJSON({ sheets: [{ name: 'A' }, { name: '校验结果', rows: [['我自己的笔记']] }] });
  const before = clerk.toJSON();
  const error = await clerk.run((context) => writeFindingsSheet(context, [f({ row: 2 })])).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AdapterError);
  expect((error as AdapterError).clerkMessage.zh).toContain('不是选务助手生成的');
  expect(clerk.toJSON()).toEqual(before);
});

test('many findings are written in blocks, each request under the limit', async () => {
  const fake = FakeExcel.fromJSON({ sheets: [{ name: 'A' }] });
  const findings = Array.from({ length: 3000 }, (_, i) => f({ row: i + 2, column: 'C', message: { zh: '说明'.repeat(20), en: 'x' } }));
  await fake.run((context) => writeFindingsSheet(context, findings, { maxBytesPerSync: 100_000 }));
  const writes = fake.syncLog.filter((s) => s.sent > 50_000);
  expect(writes.length).toBeGreaterThan(3);
  for (const s of fake.syncLog) expect(s.sent).toBeLessThan(100_000 + 5_000);
  expect(fake.cellView('校验结果', 3001, 5).value).toBe(3001);
  expect(fake.cellView('校验结果', 3001, 1).value).toBe(3000);
});

test('a failure at the 2nd round trip leaves no half-written sheet and keeps the earlier findings sheet', async () => {
  const fake = FakeExcel.fromJSON({ sheets: [{ name: 'A' }] });
  await fake.run((context) => writeFindingsSheet(context, [f({ row: 2 })]));
  const before = fake.toJSON();
  fake.injectFailure({ atSync: 2, afterCommands: 3 });
  const error = await fake.run((context) => writeFindingsSheet(context, [f({ row: 5 }), f({ row: 6 })])).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AdapterError);
  expect((error as AdapterError).clerkMessage.zh).toContain('已撤销');
  expect(fake.toJSON()).toEqual(before);
});

test.each([1, 2, 3])('a failure in the last round trip after %i command(s) ends with either the old or the complete new sheet', async (after) => {
  const fake = FakeExcel.fromJSON({ sheets: [{ name: 'A' }] });
  await fake.run((context) => writeFindingsSheet(context, [f({ row: 2 })]));
  const before = fake.toJSON();
  // Sync 1 checks, sync 2 creates and writes, sync 3 swaps the sheets.
  fake.injectFailure({ atSync: 3, afterCommands: after });
  const outcome = await fake.run((context) => writeFindingsSheet(context, [f({ row: 5 }), f({ row: 6 })])).catch((e: unknown) => e);
  const names = fake.sheetNames();
  expect(names).toEqual(['A', '校验结果']);
  if (outcome instanceof Error) {
    expect(fake.toJSON()).toEqual(before);
  } else {
    expect(rowValues(fake, '校验结果', 3)[4]).toBe(6);
    // And it is recognised as ours next time.
    await fake.run((context) => writeFindingsSheet(context, [f({ row: 8 })]));
    expect(rowValues(fake, '校验结果', 2)[4]).toBe(8);
  }
});
