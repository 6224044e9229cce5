/**
 * 清除标记 on the fake Excel: after 校验 it removes the flags and the 校验结果 sheet Election Clerk wrote, leaving
 * every sheet exactly as before the check; a clerk's own sheet named 校验结果 (not recorded as ours) is kept.
 */
import { generateSample } from '../../src/domain/sample/sample-roll';
import { FakeExcel } from '../../src/fake-excel';
import { sampleWorkbook } from '../../src/playground/sample-workbook';
import { clearAll } from '../../src/workflows/clear-all';
import { officeWorkbook } from '../../src/workflows/office-workbook';
import { validateWorkbook } from '../../src/workflows/validate-workbook';
import { MemoryWorkbook } from './memory-port';

const sample = generateSample({ rows: 150, seed: 8 });
const book = sampleWorkbook(sample);

test('after a check, clear leaves every sheet as it was and removes the 校验结果 sheet', async () => {
  const fake = new FakeExcel({ name: book.name, sheets: book.sheets });
  const port = officeWorkbook((batch) => fake.run(batch));
  const before = fake.toJSON().sheets;
  await validateWorkbook(port, { electionDate: sample.options.electionDate });
  expect(fake.sheetNames()).toContain('校验结果');
  const result = await clearAll(port);
  expect(result).toEqual({ removedSheet: '校验结果', skipped: [] });
  expect(fake.toJSON().sheets).toEqual(before);
  // Clearing again finds nothing more to remove.
  expect(await clearAll(port)).toEqual({ removedSheet: null, skipped: [] });
});

test("a clerk's own sheet named 校验结果 is never removed", async () => {
  const sheets = [...book.sheets, { name: '校验结果', rows: [['我的笔记']] }];
  const fake = new FakeExcel({ name: book.name, sheets });
  const port = officeWorkbook((batch) => fake.run(batch));
  const before = fake.toJSON().sheets;
  expect(await clearAll(port)).toEqual({ removedSheet: null, skipped: [] });
  expect(fake.toJSON().sheets).toEqual(before);
});

test('the in-memory workbook used by the pane tests behaves the same', async () => {
  const wb = new MemoryWorkbook(book.sheets);
  await validateWorkbook(wb, { electionDate: sample.options.electionDate });
  await clearAll(wb);
  expect(wb.sheets.map((s) => s.name)).toEqual(book.sheets.map((s) => s.name));
  expect(wb.flags.size).toBe(0);
});
